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

export interface RankingOptions {
  /** The field whose match multiplies the score (the fiche's title, the contact's name). */
  titleField: string;
  /**
   * Fields a very short prefix (fewer than SHORT_PREFIX letters) is looked for in: "pa" means something in a
   * title or a keyword, and scanning every body for it would rank half the base. Empty: every field.
   */
  firstFields: string[];
  /** How many index terms a prefix may stand for (see TermIndex.expandPrefix). */
  prefixCap: number;
}

export const PREFIX_EXPANSION_CAP = 150;
export const SHORT_PREFIX = 4;

/** Per-query accumulators, one slot per document, reused from query to query. */
class Scratch {
  readonly score: Float64Array;
  readonly covered: Uint16Array;
  readonly inTitle: Uint16Array;
  readonly conceptScore: Float64Array;
  readonly conceptTitle: Uint8Array;
  /** Which concept last wrote conceptScore for each document. */
  readonly conceptStamp: Int32Array;
  touched: number[] = [];
  stamp = 0;

  constructor(size: number) {
    this.score = new Float64Array(size);
    this.covered = new Uint16Array(size);
    this.inTitle = new Uint16Array(size);
    this.conceptScore = new Float64Array(size);
    this.conceptTitle = new Uint8Array(size);
    this.conceptStamp = new Int32Array(size);
  }
}

const scratches = new WeakMap<TermIndex, Scratch>();

function scratchFor(index: TermIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) scratches.set(index, (scratch = new Scratch(index.refs.length)));
  return scratch;
}

/** The index terms an alternative stands for. */
function expand(index: TermIndex, alternative: Alternative, term: string, prefixCap: number): string[] {
  switch (alternative.kind) {
    case 'prefix':
      return index.expandPrefix(term, prefixCap);
    case 'fuzzy':
      return index.expandFuzzy(term, alternative.editDistance ?? 1);
    case 'exact':
    case 'synonym':
      return index.posting(term) ? [term] : [];
  }
}

/**
 * Scores one concept: each document keeps the best of the concept's alternatives, in `conceptScore` under this
 * concept's stamp; the documents reached are returned.
 */
function scoreConcept(
  index: TermIndex,
  alternatives: Alternative[],
  scratch: Scratch,
  titleBit: number,
  options: RankingOptions,
  used: Set<string>,
): number[] {
  const stamp = ++scratch.stamp;
  const reached: number[] = [];
  const offer = (doc: number, score: number, inTitle: boolean) => {
    if (scratch.conceptStamp[doc] !== stamp) {
      scratch.conceptStamp[doc] = stamp;
      scratch.conceptScore[doc] = score;
      scratch.conceptTitle[doc] = inTitle ? 1 : 0;
      reached.push(doc);
    } else {
      if (score > (scratch.conceptScore[doc] ?? 0)) scratch.conceptScore[doc] = score;
      if (inTitle) scratch.conceptTitle[doc] = 1;
    }
  };
  const firstMask = options.firstFields.reduce((mask, field) => mask | index.fieldBit(field), 0);
  for (const alternative of alternatives) {
    const word = alternative.terms[0] ?? '';
    if (alternative.terms.length === 1) {
      const mask =
        alternative.kind === 'prefix' && word.length < SHORT_PREFIX && firstMask ? firstMask : 0xff;
      // One word: the best of its expansions, so a prefix matching many forms in one fiche does not add up.
      for (const term of expand(index, alternative, word, options.prefixCap)) {
        const posting = index.posting(term);
        if (!posting) continue;
        used.add(term);
        const { docs, weights, fields } = posting;
        for (let i = 0; i < docs.length; i++) {
          const bits = fields[i] ?? 0;
          if ((bits & mask) === 0) continue;
          offer(docs[i] ?? 0, (weights[i] ?? 0) * alternative.boost, (bits & titleBit) !== 0);
        }
      }
      continue;
    }
    // A multi-word synonym: every word must be there; it scores as the mean of its words.
    let partial: Map<number, { score: number; inTitle: boolean }> | undefined;
    for (const term of alternative.terms) {
      const posting = index.posting(term);
      const next = new Map<number, { score: number; inTitle: boolean }>();
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
  return reached;
}

/**
 * A document reached by a query. A class rather than an object with a closure: a broad query reaches thousands
 * of documents, and only the few shown need their matched terms.
 */
class Candidate implements RankedMatch {
  constructor(
    readonly ref: string,
    public score: number,
    readonly covered: number,
    readonly inTitle: number,
    private readonly index: TermIndex,
    private readonly doc: number,
    private readonly terms: readonly string[],
  ) {}

  matched(): string[] {
    return this.terms.filter((term) => this.index.holds(term, this.doc));
  }
}

/**
 * Scores a plan term at a time on lunr's BM25 weights and decides in one place what "matching" means: a desk
 * query keeps only the documents that satisfy the most concepts (all of them when any does), so each added word
 * narrows the list, and coverage² ranks; a long question keeps the documents that satisfy at least a third of
 * the best coverage, ranked by coverage alone — squaring it let broad pages that touch every side remark of an
 * email beat the fiche about its actual request (measured with npm run eval:search). A title that answers the
 * query's concepts multiplies the score, up to ×2: BM25 alone lets a short title that matches one word beat the
 * title that answers the whole query.
 */
/** One index to rank on, with the documents it must ignore (replaced by a newer segment). */
export interface RankSegment {
  index: TermIndex;
  masked?: ReadonlySet<string>;
}

export function rankMatches(
  segments: RankSegment[],
  plan: QueryPlan,
  options: RankingOptions,
): RankedMatch[] {
  const total = plan.concepts.length;
  if (total === 0) return [];
  const candidates: Candidate[] = [];
  for (const { index, masked } of segments) {
    const scratch = scratchFor(index);
    const titleBit = index.fieldBit(options.titleField);
    const used = new Set<string>();
    const touched: number[] = [];
    for (const concept of plan.concepts) {
      for (const doc of scoreConcept(index, concept.alternatives, scratch, titleBit, options, used)) {
        if (scratch.covered[doc] === 0) {
          touched.push(doc);
          scratch.score[doc] = 0;
          scratch.inTitle[doc] = 0;
        }
        scratch.score[doc] = (scratch.score[doc] ?? 0) + (scratch.conceptScore[doc] ?? 0);
        scratch.covered[doc] = (scratch.covered[doc] ?? 0) + 1;
        scratch.inTitle[doc] = (scratch.inTitle[doc] ?? 0) + (scratch.conceptTitle[doc] ?? 0);
      }
    }
    const terms = [...used];
    for (const doc of touched) {
      const covered = scratch.covered[doc] ?? 0;
      scratch.covered[doc] = 0; // leaves the scratch clean for the next query
      const ref = index.refs[doc] ?? '';
      if (masked?.has(ref)) continue;
      candidates.push(
        new Candidate(ref, scratch.score[doc] ?? 0, covered, scratch.inTitle[doc] ?? 0, index, doc, terms),
      );
    }
  }
  let best = 0;
  for (const candidate of candidates) best = Math.max(best, candidate.covered);
  const floor = plan.long ? Math.max(1, Math.ceil(best / 3)) : best;
  const matches: RankedMatch[] = [];
  for (const candidate of candidates) {
    const { covered } = candidate;
    if (covered < floor || covered === 0) continue;
    const coverage = covered / total;
    const spread = plan.long ? coverage : coverage * coverage;
    candidate.score *= spread * (1 + candidate.inTitle / total);
    matches.push(candidate);
  }
  return matches.sort((a, b) => b.score - a.score || a.ref.localeCompare(b.ref));
}
