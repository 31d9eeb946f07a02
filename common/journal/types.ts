// The log's shapes as the API returns them. Import-free but for the codes: the contract and the window use them.
import type { Issue, JournalCanal, Motif } from './codes';

export interface JournalEntry {
  id: number;
  /** ISO instant of the outcome. */
  horodatage: string;
  /** « YYYY-MM-DD » and hour (0-23), in Paris. */
  jour: string;
  heure: number;
  pointId: number | null;
  /** The account that logged it: only that account may correct it, and only the same day. */
  compteId: number | null;
  canal: JournalCanal;
  issue: Issue;
  serviceId: string | null;
  motif: Motif | null;
  theme: string | null;
  /** From the contact's first keystroke to its outcome, when it was measured. */
  dureeS: number | null;
  /** The fiches consulted, in id order. */
  fiches: string[];
}

export interface RetentionResult {
  /** Entries folded into the daily counts (and deleted). */
  aggregated: number;
  /** Entries deleted: the same number, said twice so a caller need not know it. */
  deleted: number;
  /** Searches deleted. */
  recherches: number;
  /** Opinions on fiches (« utile / pas utile ») deleted. */
  avis: number;
  /** The first day kept: everything before it was folded or deleted. */
  limite: string;
}
