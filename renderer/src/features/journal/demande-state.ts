// What the window knows of the contact in progress at the desk: when it started, the fiches opened, the thème, the
// searches recorded for it, the channel chosen. Pure (a reducer and the journal.record input built from it), so
// the rules are unit-tested under Node; the provider in contact-session.tsx wires it to the pages and the core.
import type { InputOf } from '../../../../common/contract';
import type { Issue, JournalCanal, Motif } from '../../../../common/journal/codes';
import { MAX_FICHES } from '../../../../common/journal/codes';
import { normaliseQuery } from '../../../../common/journal/query';

export interface ServiceRef {
  id: string;
  nom: string;
}

/** A fiche as the contact session needs it: its main thème and the services it sends citizens to. */
export interface FicheSeen {
  id: string;
  titre: string;
  theme: string | null;
  services: ServiceRef[];
}

export interface ContactSession {
  /** ISO instant of the first keystroke or click of the contact; null: no contact in progress. */
  debut: string | null;
  /** The fiches opened, first opened first, each once. */
  fiches: string[];
  /** The last fiche opened: « Orienté vers » names its service. */
  lastFiche: FicheSeen | null;
  /** The main thème of the first fiche opened. */
  themeFiche: string | null;
  /** A thème facet the agent chose: it says more than the fiches do. */
  themeChoisi: string | null;
  /** journal.recordSearch ids, linked to the entry when it is logged. */
  rechercheIds: number[];
  /** The normalised queries already recorded in this contact: the same question settles once. */
  requetes: string[];
  /** null: the point's usual channel (the core applies it). */
  canal: JournalCanal | null;
}

export const EMPTY_SESSION: ContactSession = {
  debut: null,
  fiches: [],
  lastFiche: null,
  themeFiche: null,
  themeChoisi: null,
  rechercheIds: [],
  requetes: [],
  canal: null,
};

export type SessionAction =
  | { type: 'touch'; at: string }
  | { type: 'fiche'; fiche: FicheSeen; at: string }
  | { type: 'theme'; theme: string; at: string }
  | { type: 'search-recorded'; id: number; requete: string }
  | { type: 'canal'; canal: JournalCanal | null }
  | { type: 'reset' }
  | { type: 'restore'; session: ContactSession };

export function isOpen(session: ContactSession): boolean {
  return session.debut !== null;
}

/** Starts the contact at `at` unless it has started already. */
function started(session: ContactSession, at: string): ContactSession {
  return session.debut === null ? { ...session, debut: at } : session;
}

export function sessionReducer(session: ContactSession, action: SessionAction): ContactSession {
  switch (action.type) {
    case 'touch':
      return started(session, action.at);
    case 'fiche': {
      const next = started(session, action.at);
      const known = next.fiches.includes(action.fiche.id);
      // The core keeps at most MAX_FICHES fiches per contact: the first ones opened say what it was about.
      const fiches =
        known || next.fiches.length >= MAX_FICHES ? next.fiches : [...next.fiches, action.fiche.id];
      return {
        ...next,
        fiches,
        lastFiche: action.fiche,
        themeFiche: next.themeFiche ?? action.fiche.theme,
      };
    }
    case 'theme':
      return { ...started(session, action.at), themeChoisi: action.theme };
    case 'search-recorded':
      // A search answered after the contact was logged belongs to no contact of this session.
      if (!isOpen(session)) return session;
      return {
        ...session,
        rechercheIds: session.rechercheIds.includes(action.id)
          ? session.rechercheIds
          : [...session.rechercheIds, action.id],
        requetes: session.requetes.includes(action.requete)
          ? session.requetes
          : [...session.requetes, action.requete],
      };
    case 'canal':
      return { ...session, canal: action.canal };
    case 'reset':
      return EMPTY_SESSION;
    case 'restore':
      return action.session;
  }
}

/** The thème logged: the facet chosen, else the first fiche's main thème, else none. */
export function sessionTheme(session: ContactSession): string | null {
  return session.themeChoisi ?? session.themeFiche;
}

export interface OutcomeChoice {
  issue: Issue;
  serviceId?: string;
  motif?: Motif;
  /** Overrides the session's thème (the quick buttons by thème). */
  theme?: string;
}

/** The journal.record input for an outcome chosen in this session. */
export function recordInput(session: ContactSession, choice: OutcomeChoice): InputOf<'journal.record'> {
  const theme = choice.theme ?? sessionTheme(session);
  return {
    issue: choice.issue,
    ...(session.canal ? { canal: session.canal } : {}),
    ...(choice.serviceId ? { serviceId: choice.serviceId } : {}),
    ...(choice.motif ? { motif: choice.motif } : {}),
    ...(theme ? { theme } : {}),
    fiches: session.fiches,
    ...(session.debut ? { debut: session.debut } : {}),
    ...(session.rechercheIds.length > 0 ? { rechercheIds: session.rechercheIds } : {}),
  };
}

/** Whether a settled query is worth recording: a contact is open and the query is new to it. */
export function shouldRecordSearch(session: ContactSession, q: string): boolean {
  const requete = normaliseQuery(q);
  return isOpen(session) && requete !== '' && !session.requetes.includes(requete);
}
