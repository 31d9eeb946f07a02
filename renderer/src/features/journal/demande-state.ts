// The demande: what the window knows of the contact in progress at the desk (when it started, the fiches
// opened, the thème, the searches recorded for it, the channel chosen). Pure (a reducer and the journal.record
// input built from it), so the rules are unit-tested under Node; the provider in demande.tsx wires it to the
// pages and the core.
import type { InputOf } from '../../../../common/contract';
import type { Issue, JournalCanal, Motif } from '../../../../common/journal/codes';
import { MAX_FICHES } from '../../../../common/journal/codes';
import { normaliseQuery } from '../../../../common/journal/query';

export interface ServiceRef {
  id: string;
  nom: string;
}

/** A fiche as the demande needs it: its main thème and the services it sends citizens to. */
export interface FicheSeen {
  id: string;
  titre: string;
  theme: string | null;
  services: ServiceRef[];
}

export interface Demande {
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

export const EMPTY_DEMANDE: Demande = {
  debut: null,
  fiches: [],
  lastFiche: null,
  themeFiche: null,
  themeChoisi: null,
  rechercheIds: [],
  requetes: [],
  canal: null,
};

export type DemandeAction =
  | { type: 'touch'; at: string }
  | { type: 'fiche'; fiche: FicheSeen; at: string }
  | { type: 'theme'; theme: string; at: string }
  | { type: 'search-recorded'; id: number; requete: string }
  | { type: 'canal'; canal: JournalCanal | null }
  | { type: 'reset' }
  | { type: 'restore'; demande: Demande };

export function isOpen(demande: Demande): boolean {
  return demande.debut !== null;
}

/** Starts the contact at `at` unless it has started already. */
function started(demande: Demande, at: string): Demande {
  return demande.debut === null ? { ...demande, debut: at } : demande;
}

export function demandeReducer(demande: Demande, action: DemandeAction): Demande {
  switch (action.type) {
    case 'touch':
      return started(demande, action.at);
    case 'fiche': {
      const next = started(demande, action.at);
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
      return { ...started(demande, action.at), themeChoisi: action.theme };
    case 'search-recorded':
      // A search answered after the contact was logged belongs to no demande.
      if (!isOpen(demande)) return demande;
      return {
        ...demande,
        rechercheIds: demande.rechercheIds.includes(action.id)
          ? demande.rechercheIds
          : [...demande.rechercheIds, action.id],
        requetes: demande.requetes.includes(action.requete)
          ? demande.requetes
          : [...demande.requetes, action.requete],
      };
    case 'canal':
      return { ...demande, canal: action.canal };
    case 'reset':
      return EMPTY_DEMANDE;
    case 'restore':
      return action.demande;
  }
}

/** The thème logged: the facet chosen, else the first fiche's main thème, else none. */
export function demandeTheme(demande: Demande): string | null {
  return demande.themeChoisi ?? demande.themeFiche;
}

export interface OutcomeChoice {
  issue: Issue;
  serviceId?: string;
  motif?: Motif;
  /** Overrides the session's thème (the quick buttons by thème). */
  theme?: string;
}

/** The journal.record input for an outcome chosen in this demande. */
export function recordInput(demande: Demande, choice: OutcomeChoice): InputOf<'journal.record'> {
  const theme = choice.theme ?? demandeTheme(demande);
  return {
    issue: choice.issue,
    ...(demande.canal ? { canal: demande.canal } : {}),
    ...(choice.serviceId ? { serviceId: choice.serviceId } : {}),
    ...(choice.motif ? { motif: choice.motif } : {}),
    ...(theme ? { theme } : {}),
    fiches: demande.fiches,
    ...(demande.debut ? { debut: demande.debut } : {}),
    ...(demande.rechercheIds.length > 0 ? { rechercheIds: demande.rechercheIds } : {}),
  };
}

/**
 * Whether a query may settle on a pause alone (without a fiche opened or an outcome logged): at least three
 * letters, not ending on a separator (« bonjour, »), and its last word at least three letters long when there
 * are several (« bonjour, je », « carte d » are typing still in progress).
 */
export function isCompleteQuery(q: string): boolean {
  const text = q.trim();
  if (text.replace(/[^\p{L}\p{N}]/gu, '').length < 3) return false;
  if (/[,;:'’\-/(]$/u.test(text)) return false;
  const words = text.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
  const last = words.at(-1) ?? '';
  return words.length === 1 || last.length >= 3;
}

/** Whether a settled query is worth recording: a contact is open and the query is new to it. */
export function shouldRecordSearch(demande: Demande, q: string): boolean {
  const requete = normaliseQuery(q);
  return isOpen(demande) && requete !== '' && !demande.requetes.includes(requete);
}
