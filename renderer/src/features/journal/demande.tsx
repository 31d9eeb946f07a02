// The demande: the contact in progress at the desk, shared by the pages that see it (the search page reports
// what was typed and the thème chosen, the fiche page what was opened) and the outcome bar that logs it. It also
// records the settled searches (journal.recordSearch, for the content-gap report) and owns the toast shown once
// the core has committed an entry, with its « Annuler ». The rules themselves are pure, in demande-state.ts.
import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { JournalEntry } from '../../../../common/journal/types';
import type { JournalCanal } from '../../../../common/journal/codes';
import { normaliseQuery } from '../../../../common/journal/query';
import { call, toApiError } from '../../api';
import type { Demande, FicheSeen, OutcomeChoice } from './demande-state';
import {
  EMPTY_DEMANDE,
  isCompleteQuery,
  isOpen,
  recordInput,
  demandeReducer,
  shouldRecordSearch,
} from './demande-state';
import type { DemandeAction } from './demande-state';
import { navigate, rememberRoute } from '../../navigation';
import { HOME } from '../../router';
import { focusSearchBox, focusSearchBoxOnMount } from '../../ui/searchBox';

/**
 * A query is settled when the agent opens a result or logs the outcome; on a pause alone, only after this long
 * and only when it looks complete (isCompleteQuery): a breath mid-sentence (« bonjour, je ») settles nothing.
 */
export const SETTLE_MS = 4000;
/** How long « Contact enregistré … Annuler » stays (it stays while the focus is on it). */
export const TOAST_MS = 8000;
const NOTE_MS = 4000;

export type Toast =
  | { kind: 'recorded'; entry: JournalEntry; label: string; snapshot: Demande }
  | { kind: 'note'; message: string; alert: boolean };

export interface DemandeValue {
  /** False for an account without the agent role: nothing is collected, no bar is shown. */
  enabled: boolean;
  demande: Demande;
  /** A keystroke or a click in a search: starts the contact if none is open. */
  touch(): void;
  /** The answer to `q` is on screen (`resultats` matches): recorded once it has settled. */
  searchSettled(q: string, resultats: number): void;
  /** A result is being opened: the pending query is recorded now. */
  flushSearch(): void;
  ficheOpened(fiche: FicheSeen): void;
  themeChosen(theme: string): void;
  setCanal(canal: JournalCanal | null): void;
  /** Logs the contact; resolves once the core has committed it (the toast is then shown). Throws an ApiError. */
  record(choice: OutcomeChoice, label: string): Promise<void>;
  toast: Toast | null;
  /** « Annuler » on the toast. */
  cancelLast(): Promise<void>;
  /** The toast's timer stops while the focus is on it. */
  holdToast(hold: boolean): void;
}

const noop = () => {};

const DISABLED: DemandeValue = {
  enabled: false,
  demande: EMPTY_DEMANDE,
  touch: noop,
  searchSettled: noop,
  flushSearch: noop,
  ficheOpened: noop,
  themeChosen: noop,
  setCanal: noop,
  record: async () => {},
  toast: null,
  cancelLast: async () => {},
  holdToast: noop,
};

const DemandeContext = createContext<DemandeValue>(DISABLED);

export function useDemande(): DemandeValue {
  return useContext(DemandeContext);
}

/** The id of the bar's container: focused after « Annuler » so the next key acts at once. */
export const OUTCOME_BAR_ID = 'barre-issue';

/** Ready for the next person: the search page, its box empty and focused. */
function clearSearch(): void {
  rememberRoute(HOME);
  if (window.location.hash === '' || window.location.hash === '#/') {
    focusSearchBox();
    return;
  }
  focusSearchBoxOnMount();
  navigate(HOME);
}

export function DemandeProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [demande, setDemande] = useState<Demande>(EMPTY_DEMANDE);
  // Callbacks read the demande synchronously (a key pressed right after a click must see the fiche opened).
  const current = useRef<Demande>(EMPTY_DEMANDE);
  // Bumped at each reset: a search answered after its contact was logged is not added to the next one.
  const generation = useRef(0);
  const pending = useRef<{ q: string; resultats: number; timer: number | undefined } | null>(null);
  const inFlight = useRef(new Map<string, Promise<void>>());
  const [toast, setToast] = useState<Toast | null>(null);
  const toastTimer = useRef<number | undefined>(undefined);
  const busy = useRef(false);

  const dispatch = useCallback((action: DemandeAction) => {
    current.current = demandeReducer(current.current, action);
    setDemande(current.current);
  }, []);

  const touch = useCallback(() => dispatch({ type: 'touch', at: new Date().toISOString() }), [dispatch]);
  const themeChosen = useCallback(
    (theme: string) => dispatch({ type: 'theme', theme, at: new Date().toISOString() }),
    [dispatch],
  );
  const setCanal = useCallback(
    (canal: JournalCanal | null) => dispatch({ type: 'canal', canal }),
    [dispatch],
  );

  const recordSearch = useCallback(
    (q: string, resultats: number) => {
      const requete = normaliseQuery(q);
      if (!shouldRecordSearch(current.current, q) || inFlight.current.has(requete)) return;
      const started = generation.current;
      const done = call('journal.recordSearch', { q, resultats })
        .then(({ id }) => {
          if (generation.current === started) dispatch({ type: 'search-recorded', id, requete });
        })
        // A search that could not be kept only thins the content-gap report: the desk carries on.
        .catch(noop)
        .finally(() => inFlight.current.delete(requete));
      inFlight.current.set(requete, done);
    },
    [dispatch],
  );

  const cancelPending = useCallback(() => {
    if (pending.current) window.clearTimeout(pending.current.timer);
    pending.current = null;
  }, []);

  const flushSearch = useCallback(() => {
    const waiting = pending.current;
    cancelPending();
    if (waiting) recordSearch(waiting.q, waiting.resultats);
  }, [cancelPending, recordSearch]);

  const ficheOpened = useCallback(
    (fiche: FicheSeen) => {
      dispatch({ type: 'fiche', fiche, at: new Date().toISOString() });
      flushSearch();
    },
    [dispatch, flushSearch],
  );

  const searchSettled = useCallback(
    (q: string, resultats: number) => {
      cancelPending();
      if (!enabled || !shouldRecordSearch(current.current, q)) return;
      // An incomplete query waits for a fiche opened or an outcome logged; a complete one also for a long pause.
      const timer = isCompleteQuery(q) ? window.setTimeout(flushSearch, SETTLE_MS) : undefined;
      pending.current = { q, resultats, timer };
    },
    [enabled, cancelPending, flushSearch],
  );

  const showToast = useCallback((next: Toast | null) => {
    window.clearTimeout(toastTimer.current);
    setToast(next);
    if (next) {
      const delay = next.kind === 'recorded' ? TOAST_MS : NOTE_MS;
      toastTimer.current = window.setTimeout(() => setToast(null), delay);
    }
  }, []);

  const holdToast = useCallback((hold: boolean) => {
    window.clearTimeout(toastTimer.current);
    if (!hold) toastTimer.current = window.setTimeout(() => setToast(null), NOTE_MS);
  }, []);

  const record = useCallback(
    async (choice: OutcomeChoice, label: string) => {
      if (busy.current) return;
      busy.current = true;
      try {
        // The query on screen belongs to this contact: recorded (and awaited) before the entry links it.
        flushSearch();
        await Promise.all(inFlight.current.values());
        const snapshot = current.current;
        const entry = await call('journal.record', recordInput(snapshot, choice));
        // Committed: the toast may say so, and the desk is ready for the next person.
        generation.current += 1;
        dispatch({ type: 'reset' });
        showToast({ kind: 'recorded', entry, label, snapshot });
        clearSearch();
      } finally {
        busy.current = false;
      }
    },
    [dispatch, flushSearch, showToast],
  );

  const cancelLast = useCallback(async () => {
    if (toast?.kind !== 'recorded') return;
    const { entry, snapshot } = toast;
    try {
      await call('journal.cancel', { id: entry.id });
    } catch (error) {
      showToast({ kind: 'note', message: toApiError(error).message, alert: true });
      return;
    }
    // The contact comes back as it was (its searches were unlinked by the cancel), unless the next has begun.
    const restored = !isOpen(current.current);
    if (restored) dispatch({ type: 'restore', demande: snapshot });
    showToast({
      kind: 'note',
      message: restored ? 'Contact annulé : choisissez la bonne issue.' : 'Contact annulé.',
      alert: false,
    });
    if (restored) window.setTimeout(() => document.getElementById(OUTCOME_BAR_ID)?.focus(), 0);
  }, [toast, dispatch, showToast]);

  useEffect(
    () => () => {
      window.clearTimeout(toastTimer.current);
      if (pending.current) window.clearTimeout(pending.current.timer);
    },
    [],
  );

  const value = useMemo<DemandeValue>(() => {
    if (!enabled) return DISABLED;
    return {
      enabled,
      demande,
      touch,
      searchSettled,
      flushSearch,
      ficheOpened,
      themeChosen,
      setCanal,
      record,
      toast,
      cancelLast,
      holdToast,
    };
  }, [
    enabled,
    demande,
    touch,
    searchSettled,
    flushSearch,
    ficheOpened,
    themeChosen,
    setCanal,
    record,
    toast,
    cancelLast,
    holdToast,
  ]);

  return <DemandeContext value={value}>{children}</DemandeContext>;
}
