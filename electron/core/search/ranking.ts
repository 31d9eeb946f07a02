import { fold } from '../../../common/text';
import type { Alternative, QueryPlan } from './planner';
import type { TermIndex } from './term-index';

export interface RankedMatch {
  ref: string;
  score: number;
  /** How many of the plan's concepts it satisfies. */
  covered: number;
  /** A desk query whose every concept it holds in a lead field (title, keywords, résumé, thèmes): it is about it. */
  about?: boolean;
  /** Index terms of the query that this document holds (for its snippet); computed on demand. */
  matched: () => string[];
  /** The index and the document's number there, when the ranking knows them (term at a time). */
  readonly index?: TermIndex;
  readonly doc?: number;
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
  /**
   * The fields that say what a document is about (title, keywords, résumé, thèmes): a desk query's rarest word
   * must be found there, not only in passing in the body. Empty or absent: every field counts.
   */
  leadFields?: string[];
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
  /** Whether the current concept was found in a lead field of the document. */
  readonly conceptLead: Uint8Array;
  /** Per document, one bit per concept (the first 32) found in a lead field. */
  readonly lead: Uint32Array;
  /** Per document, the summed weight (IDF) of the concepts it satisfies. */
  readonly weighted: Float64Array;
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
    this.conceptLead = new Uint8Array(size);
    this.lead = new Uint32Array(size);
    this.weighted = new Float64Array(size);
    this.conceptStamp = new Int32Array(size);
  }
}

const scratches = new WeakMap<TermIndex, Scratch>();

const refPlaceTables = new WeakMap<TermIndex, Uint32Array>();

/**
 * Each document's place among its index's refs in `localeCompare` order (refs that compare equal share one):
 * the ranking breaks ties by ref, and a broad query's thousands of equal scores (lunr rounds its weights) were
 * thousands of string comparisons per query. Computed once per index, on its first query.
 */
function refPlaces(index: TermIndex): Uint32Array {
  let places = refPlaceTables.get(index);
  if (!places) {
    const refs = index.refs;
    const docs = refs.map((_, doc) => doc).sort((a, b) => (refs[a] ?? '').localeCompare(refs[b] ?? ''));
    places = new Uint32Array(refs.length);
    let place = 0;
    docs.forEach((doc, i) => {
      const before = i > 0 ? docs[i - 1] : undefined;
      if (before !== undefined && (refs[before] ?? '').localeCompare(refs[doc] ?? '') !== 0) place = i;
      (places as Uint32Array)[doc] = place;
    });
    refPlaceTables.set(index, places);
  }
  return places;
}

/** Makes ahead what the ranking makes at an index's first query (its refs' places, its accumulators). */
export function prepareRanking(index: TermIndex): void {
  refPlaces(index);
  scratchFor(index);
}

/**
 * The ranking's order: best score first; equal scores by ref (its place when both come from one segment of the
 * term-at-a-time ranking, as the strings order).
 */
export function compareMatches(a: RankedMatch, b: RankedMatch): number {
  return (
    b.score - a.score ||
    (a instanceof Candidate && b instanceof Candidate && a.segment === b.segment
      ? a.place - b.place
      : a.ref.localeCompare(b.ref))
  );
}

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
  leadMask: number,
  options: RankingOptions,
  used: Set<string>,
): number[] {
  const stamp = ++scratch.stamp;
  const reached: number[] = [];
  const offer = (doc: number, score: number, inTitle: boolean, bits: number) => {
    const lead = (bits & leadMask) !== 0 ? 1 : 0;
    if (scratch.conceptStamp[doc] !== stamp) {
      scratch.conceptStamp[doc] = stamp;
      scratch.conceptScore[doc] = score;
      scratch.conceptTitle[doc] = inTitle ? 1 : 0;
      scratch.conceptLead[doc] = lead;
      reached.push(doc);
    } else {
      if (score > (scratch.conceptScore[doc] ?? 0)) scratch.conceptScore[doc] = score;
      if (inTitle) scratch.conceptTitle[doc] = 1;
      if (lead) scratch.conceptLead[doc] = 1;
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
          offer(docs[i] ?? 0, (weights[i] ?? 0) * alternative.boost, (bits & titleBit) !== 0, bits);
        }
      }
      continue;
    }
    // A multi-word synonym: every word must be there; it scores as the mean of its words.
    let partial: Map<number, { score: number; inTitle: boolean; bits: number }> | undefined;
    for (const term of alternative.terms) {
      const posting = index.posting(term);
      const next = new Map<number, { score: number; inTitle: boolean; bits: number }>();
      if (posting) {
        for (let i = 0; i < posting.docs.length; i++) {
          const doc = posting.docs[i] ?? 0;
          const before = partial ? partial.get(doc) : { score: 0, inTitle: true, bits: 0xff };
          if (!before) continue;
          const bits = posting.fields[i] ?? 0;
          const inTitle = before.inTitle && (bits & titleBit) !== 0;
          next.set(doc, {
            score: before.score + (posting.weights[i] ?? 0),
            inTitle,
            bits: before.bits & bits,
          });
        }
      }
      partial = next;
      if (partial.size === 0) break;
    }
    if (!partial || partial.size === 0) continue;
    for (const term of alternative.terms) used.add(term);
    for (const [doc, hit] of partial)
      offer(doc, (hit.score / alternative.terms.length) * alternative.boost, hit.inTitle, hit.bits);
  }
  return reached;
}

/**
 * A document reached by a query. A class rather than an object with a closure: a broad query reaches thousands
 * of documents, and only the few shown need their matched terms.
 */
class Candidate implements RankedMatch {
  about = false;

  constructor(
    readonly ref: string,
    public score: number,
    readonly covered: number,
    readonly inTitle: number,
    /** One bit per concept (the first 32) found in a lead field. */
    readonly lead: number,
    /** The summed information (IDF) of the concepts it satisfies. */
    readonly weighted: number,
    readonly index: TermIndex,
    readonly doc: number,
    private readonly terms: readonly string[],
    /** The segment it comes from, and its ref's place among that segment's refs (see `refPlaces`). */
    readonly segment: number,
    readonly place: number,
  ) {}

  matched(): string[] {
    return this.terms.filter((term) => this.index.holds(term, this.doc));
  }
}

/** One index to rank on, with the documents it must ignore (replaced by a newer segment). */
export interface RankSegment {
  index: TermIndex;
  masked?: ReadonlySet<string>;
}

/**
 * BM25's inverse document frequency: what finding a concept in a document says about it, and a concept's weight.
 * (Giving no weight at all to words found in a fifth or more of the fiches was measured too: it lost more
 * questions than it saved.)
 */
export function informationOf(frequency: number, documents: number): number {
  return Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
}

/** The documents an alternative's terms reach, roughly (the largest posting): enough to weigh a concept. */
function conceptFrequency(
  segments: RankSegment[],
  concept: { alternatives: Alternative[] },
  options: RankingOptions,
): number {
  let frequency = 0;
  for (const { index } of segments) {
    let most = 0;
    for (const alternative of concept.alternatives) {
      const word = alternative.terms[0] ?? '';
      const terms =
        alternative.terms.length === 1 ? expand(index, alternative, word, options.prefixCap) : [word];
      for (const term of terms) most = Math.max(most, index.frequency(term));
    }
    frequency += most;
  }
  return frequency;
}

/** What the coverage rules need to know of a query's concepts: how many documents each reaches. */
export interface ConceptStats {
  /** Documents reached by each concept. */
  frequencies: number[];
  /** Documents searched. */
  documents: number;
}

/** A match as the coverage rules see it, whichever scorer produced it. */
export interface CoverageCandidate {
  score: number;
  covered: number;
  inTitle: number;
  lead: number;
  weighted: number;
  about: boolean;
}

/**
 * What "matching" means, in one place for both scorers. A desk query keeps only the documents that satisfy the
 * most concepts (all of them when any does), so each added word narrows the list, and its rarest word must be
 * found where a fiche says what it is about (title, keywords, résumé, thèmes): a fiche that names « carte
 * Vitale » once in its body does not answer « carte vitale », and no answer is better than a loose one.
 * Coverage² ranks. A long question weighs its concepts by their information (IDF): it keeps the documents with
 * at least a third of the best information covered — a document that matches only the e-mail's common words
 * is out — ranked by the share of concepts covered (not squared: broad pages touching every side remark of an
 * email would win; weighing that share by information too was measured and lost questions). A title that answers the
 * query's concepts multiplies the score, up to ×2: BM25 alone lets a short title that matches one word beat
 * the title that answers the whole query.
 */
export function applyCoverage<T extends CoverageCandidate>(
  candidates: T[],
  plan: QueryPlan,
  stats: ConceptStats,
): T[] {
  const total = plan.concepts.length;
  const kept: T[] = [];
  if (plan.long) {
    let best = 0;
    for (const candidate of candidates) best = Math.max(best, candidate.weighted);
    if (best === 0) return [];
    for (const candidate of candidates) {
      if (candidate.weighted < best / 3 || candidate.covered === 0) continue;
      const coverage = candidate.covered / total;
      candidate.score *= coverage * (1 + candidate.inTitle / total);
      kept.push(candidate);
    }
    return kept;
  }
  let best = 0;
  for (const candidate of candidates) best = Math.max(best, candidate.covered);
  if (best === 0) return [];
  // The rarest concept (the first of equals): the word that says what the agent is after.
  let rarest = 0;
  for (let c = 1; c < total; c++) {
    if ((stats.frequencies[c] ?? 0) < (stats.frequencies[rarest] ?? 0)) rarest = c;
  }
  const allLead = total >= 32 ? 0xffffffff : (1 << total) - 1;
  for (const candidate of candidates) {
    if (candidate.covered < best) continue;
    if (total >= 2 && rarest < 32 && (candidate.lead & (1 << rarest)) === 0) continue;
    const coverage = candidate.covered / total;
    candidate.score *= coverage * coverage * (1 + candidate.inTitle / total);
    candidate.about = total < 32 && (candidate.lead & allLead) >>> 0 === allLead >>> 0;
    kept.push(candidate);
  }
  return kept;
}

/** `scoreMatches`, in the ranking's order (`compareMatches`). */
export function rankMatches(
  segments: RankSegment[],
  plan: QueryPlan,
  options: RankingOptions,
): RankedMatch[] {
  return scoreMatches(segments, plan, options).sort(compareMatches);
}

/**
 * Scores a plan term at a time on lunr's BM25 weights, then applies the coverage rules (`applyCoverage`). In no
 * particular order: a broad query reaches thousands of documents and a page shows 20, so the caller picks its
 * page by `compareMatches` (see the engine's topByScore) rather than sorting them all.
 */
export function scoreMatches(
  segments: RankSegment[],
  plan: QueryPlan,
  options: RankingOptions,
): RankedMatch[] {
  const total = plan.concepts.length;
  if (total === 0) return [];
  let documents = 0;
  for (const { index } of segments) documents += index.refs.length;
  // Long questions weigh each concept by its information while scoring: estimated from the postings first.
  const estimated = plan.long
    ? plan.concepts.map((concept) => conceptFrequency(segments, concept, options))
    : [];
  const weights = estimated.map((frequency) => informationOf(frequency, documents));
  const frequencies = new Array<number>(total).fill(0);
  const candidates: Candidate[] = [];
  segments.forEach(({ index, masked }, segment) => {
    const scratch = scratchFor(index);
    const places = refPlaces(index);
    const titleBit = index.fieldBit(options.titleField);
    const leadFields = options.leadFields ?? [];
    const leadMask =
      leadFields.length === 0 ? 0xff : leadFields.reduce((mask, field) => mask | index.fieldBit(field), 0);
    const used = new Set<string>();
    const touched: number[] = [];
    plan.concepts.forEach((concept, c) => {
      const reached = scoreConcept(index, concept.alternatives, scratch, titleBit, leadMask, options, used);
      frequencies[c] = (frequencies[c] ?? 0) + reached.length;
      const bit = c < 32 ? 1 << c : 0;
      const weight = weights[c] ?? 0;
      for (const doc of reached) {
        if (scratch.covered[doc] === 0) {
          touched.push(doc);
          scratch.score[doc] = 0;
          scratch.inTitle[doc] = 0;
          scratch.lead[doc] = 0;
          scratch.weighted[doc] = 0;
        }
        scratch.score[doc] = (scratch.score[doc] ?? 0) + (scratch.conceptScore[doc] ?? 0);
        scratch.covered[doc] = (scratch.covered[doc] ?? 0) + 1;
        scratch.inTitle[doc] = (scratch.inTitle[doc] ?? 0) + (scratch.conceptTitle[doc] ?? 0);
        scratch.weighted[doc] = (scratch.weighted[doc] ?? 0) + weight;
        if (scratch.conceptLead[doc]) scratch.lead[doc] = (scratch.lead[doc] ?? 0) | bit;
      }
    });
    const terms = [...used];
    for (const doc of touched) {
      const covered = scratch.covered[doc] ?? 0;
      scratch.covered[doc] = 0; // leaves the scratch clean for the next query
      const ref = index.refs[doc] ?? '';
      if (masked?.has(ref)) continue;
      candidates.push(
        new Candidate(
          ref,
          scratch.score[doc] ?? 0,
          covered,
          scratch.inTitle[doc] ?? 0,
          scratch.lead[doc] ?? 0,
          scratch.weighted[doc] ?? 0,
          index,
          doc,
          terms,
          segment,
          places[doc] ?? 0,
        ),
      );
    }
  });
  // A long question is weighed as it was scored; a desk query's rarest word is known exactly by now.
  return applyCoverage(candidates, plan, {
    frequencies: plan.long ? estimated : frequencies,
    documents,
  });
}

/** What the ranking needs to know of a fiche beyond its words. */
export interface FicheTraits {
  origine: 'local' | 'national';
  titre: string;
  mots_cles?: string[];
}

/**
 * A commune's own fiche on a subject outranks the national one: it says where and how here. Applied after
 * the relevance, so a local fiche on another subject never jumps ahead of the right national one.
 */
export const LOCAL_BOOST = 1.5;

/**
 * Service-Public's « Question-réponse » pages (their titles are questions: « Un étudiant a-t-il droit au
 * RSA ? ») answer one side of a procedure; for a desk query the procedure's main fiche comes first. A pasted
 * question may be that very side question, so there the pages are only slightly held back.
 */
const SIDE_QUESTION_FACTOR = { desk: 0.5, long: 0.8 } as const;

const QUESTION_MARK = 0x3f;

/** Whether a fiche is a side question of a procedure rather than its main fiche. */
function isSideQuestion(fiche: FicheTraits): boolean {
  if (fiche.origine !== 'national') return false;
  // As /\?\s*$/u, without a regular expression nor a trimmed copy per candidate: a title ending in a printable
  // character (nearly all) is settled by that character; one ending in white space is trimmed as \s reads it.
  const title = fiche.titre;
  const last = title.charCodeAt(title.length - 1);
  if (last === QUESTION_MARK) return true;
  if (last > 0x20 && last < 0x80) return false;
  return title.trimEnd().endsWith('?');
}

/** A fiche's score once its kind is known: the commune's own raised, side questions held back. */
export function ficheScore(fiche: FicheTraits, score: number, plan: QueryPlan): number {
  if (fiche.origine === 'local') return score * LOCAL_BOOST;
  if (isSideQuestion(fiche)) return score * SIDE_QUESTION_FACTOR[plan.long ? 'long' : 'desk'];
  return score;
}

/**
 * The commune's own fiches that are about a desk query (every word in their title, keywords, résumé or thèmes)
 * come first, in their order: « mariage » opens « Se marier à Montrouval » before the national fiches on
 * marriage contracts and witnesses. Scores are lifted above the best, so the order survives any later sort.
 */
export function liftLocalAnswers<T extends { fiche: FicheTraits; score: number; match?: RankedMatch }>(
  ranked: T[],
  plan: QueryPlan,
  query: string,
): void {
  if (plan.long) return;
  let best = 0;
  for (const entry of ranked) best = Math.max(best, entry.score);
  const asked = phrase(query);
  for (const entry of ranked) {
    // `about` first: a field of the match, where the fiche's own fields cost a lookup each.
    if (!entry.match?.about || entry.fiche.origine !== 'local') continue;
    // The query is one of the fiche's own keywords, whole: the editor said this is what the fiche is for.
    const named = (entry.fiche.mots_cles ?? []).some((keyword) => readsAs(keyword, asked));
    entry.score += named ? 2 * best : best;
  }
}

/**
 * Whether `text` is `asked` once made a `phrase`, compared while walking it: a broad query reaches thousands of
 * the commune's fiches, folding every keyword of each cost a third of the query, and most keywords differ from
 * the query at their first letter. ASCII folds one character at a time (lower case; any other character
 * separates words), so a difference there is final; the first other character hands over to `phrase`.
 */
function readsAs(text: string, asked: string): boolean {
  let at = 0;
  let separated = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return phrase(text) === asked;
    const lower = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
    if (!((lower >= 0x61 && lower <= 0x7a) || (lower >= 0x30 && lower <= 0x39))) {
      separated = at > 0;
      continue;
    }
    if (separated) {
      if (asked.charCodeAt(at++) !== 0x20) return false;
      separated = false;
    }
    if (asked.charCodeAt(at++) !== lower) return false;
  }
  return at === asked.length;
}

/** A short text compared as a phrase: folded, words separated by single spaces. */
function phrase(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
