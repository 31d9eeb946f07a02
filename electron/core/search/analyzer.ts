import { fold } from '../../../common/text';
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import french from 'lunr-languages/lunr.fr.js';
import { STOP_WORDS } from './stopwords';

stemmerSupport(lunr);
french(lunr);

const frenchStemmer = lunr.fr.stemmer;
if (!frenchStemmer) throw new Error('lunr-languages did not register the French stemmer');
const frenchStem = (word: string): string => String(frenchStemmer(new lunr.Token(word, {})));

/** Bumped whenever the analysis changes: a persisted index built by another version is rebuilt. */
export const ANALYZER_VERSION = 3;

export interface AnalyzedToken {
  /** The indexed term: folded, stemmed. */
  term: string;
  /** The word as written, folded (no accents, lower case), before stemming. */
  folded: string;
  /** Offset and length of the word in the analysed text. */
  start: number;
  length: number;
}

// Words are runs of letters and digits; an elided article or pronoun before an apostrophe (l', d', qu',
// jusqu'…) is its own run and is then dropped as a stop word, so "d'état" is indexed as "etat".
const WORD = /[\p{L}\p{N}]+/gu;

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;
/**
 * Longer words are analysed without being cached: they are references or pasted noise, rarely seen twice, and
 * 200,000 of them (a fuzzing session, or a query of random text) would hold hundreds of megabytes.
 */
const CACHED_WORD_LENGTH = 40;

/** French Snowball stem of a folded word, cached: the same few thousand words come back all the time. */
export function stem(folded: string): string {
  let stemmed = stemCache.get(folded);
  if (stemmed === undefined) {
    // Numbers and very short words are kept whole: "16" or "cni" are not French inflections.
    stemmed = folded.length <= 3 || /\d/.test(folded) ? folded : frenchStem(folded);
    if (folded.length > CACHED_WORD_LENGTH) return stemmed;
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(folded, stemmed);
  }
  return stemmed;
}

// Word as written → [folded, term], or null for a stop word: folding (Unicode normalisation) is the costly
// part of the analysis, and snippets analyse long bodies again at query time.
const wordCache = new Map<string, readonly [string, string] | null>();

function analyzeWord(word: string): readonly [string, string] | null {
  let entry = wordCache.get(word);
  if (entry === undefined) {
    const folded = fold(word);
    entry = STOP_WORDS.has(folded) ? null : [folded, stem(folded)];
    if (word.length > CACHED_WORD_LENGTH) return entry;
    if (wordCache.size >= STEM_CACHE_LIMIT) wordCache.clear();
    wordCache.set(word, entry);
  }
  return entry;
}

/** Empties the stem and word caches: the benchmark measures queries whose words were never analysed. */
export function clearAnalyzerCaches(): void {
  stemCache.clear();
  wordCache.clear();
}

/** Every meaningful word of a text, with its indexed term and position. */
export function analyze(text: string): AnalyzedToken[] {
  const tokens: AnalyzedToken[] = [];
  for (const match of text.matchAll(WORD)) {
    const entry = analyzeWord(match[0]);
    if (entry) tokens.push({ term: entry[1], folded: entry[0], start: match.index, length: match[0].length });
  }
  return tokens;
}

/** The indexed terms of a text, in order. */
export function terms(text: string): string[] {
  return analyze(text).map((token) => token.term);
}

/** lunr's tokenizer hook: the whole analysis happens here, lunr's own pipeline stays empty. */
export function lunrTokenizer(value: unknown, metadata?: object): lunr.Token[] {
  if (value == null) return [];
  const text = Array.isArray(value) ? value.join(' \n ') : String(value);
  return analyze(text).map((token) => new lunr.Token(token.term, { ...metadata }));
}

export { lunr };
