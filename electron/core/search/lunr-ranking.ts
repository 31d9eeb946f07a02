import { lunr } from './analyzer';
import type { QueryPlan } from './planner';
import { satisfiedConcepts } from './planner';
import type { RankedMatch } from './ranking';
import { applyCoverage, informationOf } from './ranking';

/**
 * The first ranking, kept for the benchmark to show what the term-at-a-time scorer (ranking.ts) buys: runs a
 * plan through lunr's own query, every clause optional, then applies the same coverage and title rules.
 */
export function rankWithLunrQuery(
  index: lunr.Index,
  plan: QueryPlan,
  titleField: string,
  leadFields: string[] = [],
): RankedMatch[] {
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
  const lead = new Set(leadFields);
  const matches = raw.map((result) => {
    const metadata = result.matchData.metadata as Record<string, Record<string, unknown>>;
    const matched = Object.keys(metadata);
    const satisfied = satisfiedConcepts(plan, matched);
    const inTitle = matched.filter((term) => metadata[term]?.[titleField] !== undefined);
    const inLead = matched.filter((term) =>
      Object.keys(metadata[term] ?? {}).some((field) => lead.size === 0 || lead.has(field)),
    );
    const leadSatisfied = satisfiedConcepts(plan, inLead);
    let leadBits = 0;
    leadSatisfied.forEach((yes, c) => {
      if (yes && c < 32) leadBits |= 1 << c;
    });
    return {
      ref: result.ref,
      matched: () => matched,
      satisfied,
      covered: satisfied.filter(Boolean).length,
      inTitle: satisfiedConcepts(plan, inTitle).filter(Boolean).length,
      lead: leadBits,
      weighted: 0,
      about: false,
      score: result.score,
    };
  });
  // Here every clause is optional, so the results are exactly the documents reaching each concept.
  const documents = documentCount(index);
  const frequencies = plan.concepts.map((_, c) => matches.filter((match) => match.satisfied[c]).length);
  const weights = frequencies.map((frequency) => informationOf(frequency, documents));
  for (const match of matches) {
    match.weighted = match.satisfied.reduce((sum, yes, c) => sum + (yes ? (weights[c] ?? 0) : 0), 0);
  }
  return applyCoverage(matches, plan, { frequencies, documents }).sort(
    (a, b) => b.score - a.score || a.ref.localeCompare(b.ref),
  );
}

const documentCounts = new WeakMap<lunr.Index, number>();

/** How many documents lunr's index holds: its field vectors are keyed « field/ref ». */
function documentCount(index: lunr.Index): number {
  let count = documentCounts.get(index);
  if (count === undefined) {
    // lunr's typings leave the field vectors out; they are a plain object on every loaded index.
    const vectors = (index as unknown as { fieldVectors: Record<string, unknown> }).fieldVectors;
    count = new Set(Object.keys(vectors).map((key) => key.slice(key.indexOf('/') + 1))).size;
    documentCounts.set(index, count);
  }
  return count;
}
