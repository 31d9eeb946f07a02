import type { Alternative, QueryPlan } from './planner';
import type { TermIndex } from './term-index';

export interface RankedMatch {
  ref: string;
  score: number;
  /** How many of the plan's concepts it satisfies. */
  covered: number;
  /** Index terms of the query that this document holds (for its snippet); computed on demand. */
  matched: () => string[];
}

/** How many index terms a prefix may stand for (see TermIndex.expandPrefix). */
export const PREFIX_EXPANSION_CAP = 150;

interface ConceptHit {
  score: number;
  inTitle: boolean;
}

/** The index terms an alternative stands for. */
function expand(index: TermIndex, alternative: Alternative, term: string, prefixCap: number): string[] {
  switch (alternative.kind) {
    case 'prefix':
      return index.expandPrefix(term, prefixCap);
    case 'fuzzy':
      return index.expandFuzzy(term, alternative.editDistance ?? 1);
    default:
      return index.posting(term) ? [term] : [];
  }
}

/** Best score of one concept in every document that satisfies it, and whether its title does. */
function scoreConcept(
  index: TermIndex,
  alternatives: Alternative[],
  titleBit: number,
  prefixCap: number,
  used: Set<string>,
): Map<number, ConceptHit> {
  const hits = new Map<number, ConceptHit>();
  const offer = (doc: number, score: number, inTitle: boolean) => {
    const hit = hits.get(doc);
    if (!hit) hits.set(doc, { score, inTitle });
    else {
      if (score > hit.score) hit.score = score;
      hit.inTitle ||= inTitle;
    }
  };
  for (const alternative of alternatives) {
    if (alternative.terms.length === 1) {
      // One word: the best of its expansions, so a prefix matching many forms in one fiche does not add up.
      for (const term of expand(index, alternative, alternative.terms[0] ?? '', prefixCap)) {
        const posting = index.posting(term);
        if (!posting) continue;
        used.add(term);
        for (let i = 0; i < posting.docs.length; i++) {
          offer(
            posting.docs[i] ?? 0,
            (posting.weights[i] ?? 0) * alternative.boost,
            ((posting.fields[i] ?? 0) & titleBit) !== 0,
          );
        }
      }
      continue;
    }
    // A multi-word synonym: every word must be there; it scores as the mean of its words.
    let partial: Map<number, ConceptHit> | undefined;
    for (const term of alternative.terms) {
      const posting = index.posting(term);
      const next = new Map<number, ConceptHit>();
      if (posting) {
        for (let i = 0; i < posting.docs.length; i++) {
          const doc = posting.docs[i] ?? 0;
          const before = partial ? partial.get(doc) : { score: 0, inTitle: true };
          if (!before) continue;
          const inTitle = before.inTitle && ((posting.fields[i] ?? 0) & titleBit) !== 0;
          next.set(doc, { score: before.score + (posting.weights[i] ?? 0), inTitle });
        }
      }
      partial = next;
      if (partial.size === 0) break;
    }
    if (!partial || partial.size === 0) continue;
    for (const term of alternative.terms) used.add(term);
    for (const [doc, hit] of partial)
      offer(doc, (hit.score / alternative.terms.length) * alternative.boost, hit.inTitle);
  }
  return hits;
}

/**
 * Scores a plan term at a time on lunr's BM25 weights and decides in one place what "matching" means: a desk
 * query keeps only the documents that satisfy the most concepts (all of them when any does), so each added word
 * narrows the list, and coverage² ranks; a long question keeps the documents that satisfy at least a third of
 * the best coverage, ranked by coverage alone — squaring it let broad pages that touch every side remark of an
 * email beat the fiche about its actual request (measured with npm run eval:search). A title that answers the query's concepts multiplies the score, up to ×2: BM25 alone
 * lets a short title that matches one word beat the title that answers the whole query.
 */
export function rankMatches(
  index: TermIndex,
  plan: QueryPlan,
  titleField: string,
  prefixCap = PREFIX_EXPANSION_CAP,
): RankedMatch[] {
  const total = plan.concepts.length;
  if (total === 0) return [];
  const titleBit = index.fieldBit(titleField);
  const used = new Set<string>();
  const docs = new Map<number, { score: number; covered: number; inTitle: number }>();
  for (const concept of plan.concepts) {
    for (const [doc, hit] of scoreConcept(index, concept.alternatives, titleBit, prefixCap, used)) {
      const entry = docs.get(doc);
      if (entry) {
        entry.score += hit.score;
        entry.covered++;
        entry.inTitle += hit.inTitle ? 1 : 0;
      } else docs.set(doc, { score: hit.score, covered: 1, inTitle: hit.inTitle ? 1 : 0 });
    }
  }
  let best = 0;
  for (const entry of docs.values()) best = Math.max(best, entry.covered);
  if (best === 0) return [];
  const floor = plan.long ? Math.max(1, Math.ceil(best / 3)) : best;
  const terms = [...used];
  const matches: RankedMatch[] = [];
  for (const [doc, entry] of docs) {
    if (entry.covered < floor) continue;
    const coverage = entry.covered / total;
    matches.push({
      ref: index.refs[doc] ?? '',
      score: entry.score * (plan.long ? coverage : coverage * coverage) * (1 + entry.inTitle / total),
      covered: entry.covered,
      matched: () => terms.filter((term) => index.holds(term, doc)),
    });
  }
  return matches.sort((a, b) => b.score - a.score || a.ref.localeCompare(b.ref));
}
