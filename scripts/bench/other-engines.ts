// The engines the app's search is compared with, over the same fiches and the same analysis: stock lunr (its own
// query, which scores whole field vectors) and MiniSearch, when installed. Ranking only: neither cuts snippets.
import { lunr, terms } from '../../electron/core/search/analyzer';
import type { FtsRow } from './fts5';
import type { Searcher } from './fresh-timing';

/** A query of a few words (fewer than this) requires them all; a pasted question any of them. */
const LONG_QUERY_WORDS = 5;

/** Whether the last word is still being typed: the input does not end with a space or a sign. */
function typing(query: string): boolean {
  return !/[\s\p{P}\p{S}]$/u.test(query);
}

/**
 * lunr's own search over the app's serialised index: the query's terms from the app's analyzer, all required in
 * a desk query, the last one as a prefix while it is typed.
 */
export function stockLunrSearcher(serialized: object, limit: number): Searcher {
  const index = lunr.Index.load(serialized);
  return {
    search(query) {
      const words = terms(query);
      if (words.length === 0) return 0;
      const long = words.length >= LONG_QUERY_WORDS;
      const results = index.query((q) => {
        words.forEach((term, i) => {
          const last = i === words.length - 1 && typing(query);
          q.term(term, {
            presence: long ? lunr.Query.presence.OPTIONAL : lunr.Query.presence.REQUIRED,
            wildcard: last ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
          });
        });
      });
      return results.slice(0, limit).length;
    },
  };
}

interface MiniSearchLike {
  addAll(documents: readonly object[]): void;
  search(query: string, options?: object): unknown[];
}
type MiniSearchClass = new (options: object) => MiniSearchLike;

/** Whether MiniSearch is installed (it is not a dependency of the app). */
export async function miniSearchInstalled(): Promise<boolean> {
  try {
    const name = 'minisearch';
    await import(name);
    return true;
  } catch {
    return false;
  }
}

/** MiniSearch when the package is installed (it is not a dependency of the app); otherwise undefined. */
export async function miniSearchSearcher(
  rows: readonly FtsRow[],
  boosts: Record<string, number>,
  limit: number,
): Promise<{ searcher: Searcher; buildS: number } | undefined> {
  let MiniSearch: MiniSearchClass;
  try {
    const name = 'minisearch';
    const loaded = (await import(name)) as { default: MiniSearchClass };
    MiniSearch = loaded.default;
  } catch {
    return undefined;
  }
  const started = performance.now();
  const fields = Object.keys(boosts);
  const mini = new MiniSearch({
    fields,
    idField: 'id',
    tokenize: (text: string) => terms(text),
    processTerm: (term: string) => term,
  });
  mini.addAll(rows);
  const buildS = (performance.now() - started) / 1000;
  return {
    buildS,
    searcher: {
      search(query) {
        const long = terms(query).length >= LONG_QUERY_WORDS;
        return mini
          .search(query, {
            boost: boosts,
            prefix: (_term: string, i: number, all: string[]) => i === all.length - 1 && typing(query),
            fuzzy: (term: string) => (term.length >= 7 ? 2 : term.length >= 4 ? 1 : 0),
            combineWith: long ? 'OR' : 'AND',
          })
          .slice(0, limit).length;
      },
    },
  };
}
