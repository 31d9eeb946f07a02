import type { KnowledgeBase } from '../../../common/knowledge/types';
import type { PersistedSnippets } from './snippet-data';

/** Everything the search needs, as built by the worker and as persisted in the data folder. */
export interface SearchData {
  format: number;
  analyzerVersion: number;
  /** Hash of the content folder it was built from. */
  contentHash: string;
  builtAt: string;
  knowledge: KnowledgeBase;
  /** lunr's serialised indexes. */
  fichesIndex: object;
  contactsIndex: object;
  /** The published fiches' bodies as plain text with their words located: what snippets are cut from. */
  snippets: PersistedSnippets;
  /** For each indexed term, the word most often written for it, accents included: shown in suggestions. */
  surface: Record<string, string>;
  /** Every indexed word as written (folded) and its term: what the word being typed is matched against. */
  words: Record<string, string>;
}

/**
 * 6: snippet texts in blocks deflated against a shared dictionary (text-blocks.ts); 5: the binary layout with
 * narrow postings and deflated word positions; 4 stored them wide; 3 was JSON.
 */
export const SEARCH_DATA_FORMAT = 6;
