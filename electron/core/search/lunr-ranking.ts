import { lunr } from './analyzer';
import type { QueryPlan } from './planner';
import { satisfiedConcepts } from './planner';
import type { RankedMatch } from './ranking';

/**
 * The first ranking, kept for the benchmark to show what the term-at-a-time scorer (ranking.ts) buys: runs a
 * plan through lunr's own query, every clause optional, then applies the same coverage and title rules.
 */
export function rankWithLunrQuery(index: lunr.Index, plan: QueryPlan, titleField: string): RankedMatch[] {
  if (plan.concepts.length === 0) return [];
  const raw = index.query((query) => {
    for (const concept of plan.concepts) {
      for (const alternative of concept.alternatives) {
        for (const term of alternative.terms) {
          // lunr treats a present-but-undefined editDistance as a distance, hence the spread.
          query.term(term, {
            boost: alternative.boost,
            usePipeline: false,
            wildcard: alternative.kind === 'prefix' ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
            ...(alternative.kind === 'fuzzy' ? { editDistance: alternative.editDistance } : {}),
          });
        }
      }
    }
  });
  const total = plan.concepts.length;
  const matches = raw.map((result) => {
    const metadata = result.matchData.metadata as Record<string, Record<string, unknown>>;
    const matched = Object.keys(metadata);
    const covered = satisfiedConcepts(plan, matched).filter(Boolean).length;
    // A title that answers every word of the query is the strongest signal a desk query has; BM25 alone lets
    // a short title that matches one word beat it.
    const inTitle = matched.filter((term) => metadata[term]?.[titleField] !== undefined);
    const titleCovered = satisfiedConcepts(plan, inTitle).filter(Boolean).length;
    const coverage = covered / total;
    const titleFactor = 1 + titleCovered / total;
    return {
      ref: result.ref,
      matched: () => matched,
      covered,
      score: result.score * coverage * coverage * titleFactor,
    };
  });
  const best = matches.reduce((max, match) => Math.max(max, match.covered), 0);
  if (best === 0) return [];
  const floor = plan.long ? Math.max(1, Math.ceil(best / 3)) : best;
  return matches
    .filter((match) => match.covered >= floor)
    .sort((a, b) => b.score - a.score || a.ref.localeCompare(b.ref));
}
