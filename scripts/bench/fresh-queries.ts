// Queries the engine has never seen: generated from the corpus' own titles and keywords and from the relevance
// set, each used once. The warm-up and the measure draw from the same generator but never share a query, so
// the measure finds the JIT warm and every cache of the engine cold for its own queries, as a desk does.
import { fold } from '../../common/text';
import { STOP_WORDS } from '../../electron/core/search/stopwords';
import { seededRandom } from './synthetic-corpus';

export const FRESH_KINDS = ['desk word', 'desk words', 'typing', 'typo', 'pasted question'] as const;
export type FreshKind = (typeof FRESH_KINDS)[number];
/** The kinds an agent types at the desk (the ≤ 5 ms target); the pasted question has its own (≤ 30 ms). */
export const DESK_KINDS: readonly FreshKind[] = ['desk word', 'desk words', 'typing', 'typo'];

export interface FreshSource {
  /** Titles and keyword lists of the corpus' fiches. */
  titles: readonly string[];
  keywords: readonly string[];
  /** Résumés: the body of generated pasted questions. */
  resumes: readonly string[];
  /** Queries of the relevance set (eval/relevance.yml), desk and pasted alike. */
  relevance: ReadonlyArray<{ query: string; kind: 'short' | 'long' }>;
}

export type FreshQueries = Record<FreshKind, string[]>;

const GREETINGS = ['Bonjour,', 'Bonjour madame,', 'Bonjour monsieur,', 'Madame, Monsieur,', 'Bonsoir,'];
const ASKS = [
  'je voudrais savoir',
  "j'aimerais comprendre",
  'pouvez-vous me dire',
  'je me demande',
  'on m’a dit à la mairie',
];
const CLOSINGS = ['Merci d’avance.', 'Cordialement.', 'Merci pour votre aide.', 'Bonne journée.', 'Merci.'];

function words(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).filter(
    (word) => word.length >= 3 && !STOP_WORDS.has(fold(word)) && !/\d/.test(word),
  );
}

/** One slip of the keyboard: two letters swapped, one doubled or one dropped. */
function typo(word: string, random: () => number): string {
  const letters = [...word];
  const at = 1 + Math.floor(random() * (letters.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) [letters[at], letters[at + 1]] = [letters[at + 1] ?? '', letters[at] ?? ''];
  else if (kind === 1) letters.splice(at, 0, letters[at] ?? '');
  else letters.splice(at, 1);
  return letters.join('');
}

/**
 * `count` queries of each kind for the warm-up and as many for the measure, every one distinct from all the
 * others (a query seen in the warm-up would be answered by the caches). Deterministic for a seed.
 */
export function freshQueries(
  source: FreshSource,
  count: number,
  seed = 20_240_613,
): { warmup: FreshQueries; measure: FreshQueries } {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
  const seen = new Set<string>();
  const make = (kind: FreshKind): string | undefined => {
    const title = pick(source.titles) ?? '';
    const titleWords = words(title);
    const lower = (text: string) => (random() < 0.5 ? fold(text) : text.toLowerCase());
    switch (kind) {
      case 'desk word': {
        const keyword = random() < 0.5 ? pick(source.keywords) : pick(titleWords);
        const word = words(keyword ?? '')[0];
        return word ? lower(word) : undefined;
      }
      case 'desk words': {
        if (titleWords.length < 2) return undefined;
        const first = Math.floor(random() * (titleWords.length - 1));
        const n = Math.min(titleWords.length - first, 2 + Math.floor(random() * 2));
        return lower(titleWords.slice(first, first + n).join(' '));
      }
      case 'typing': {
        // A word cut where the agent is still typing it, after zero or one whole word.
        const [before, word] =
          titleWords.length >= 2 && random() < 0.4 ? titleWords : [undefined, pick(titleWords)];
        if (!word || word.length < 4) return undefined;
        const cut = word.slice(0, 2 + Math.floor(random() * (word.length - 2)));
        return lower(before ? `${before} ${cut}` : cut);
      }
      case 'typo': {
        const word = pick(titleWords.filter((w) => w.length >= 6));
        return word ? lower(typo(word, random)) : undefined;
      }
      case 'pasted question': {
        const resume = pick(source.resumes) ?? '';
        if (words(resume).length < 8) return undefined;
        const ask = `${pick(ASKS) ?? ''} ${lower(title)} ?`;
        return `${pick(GREETINGS) ?? ''} ${ask} ${resume} ${pick(CLOSINGS) ?? ''}`;
      }
    }
  };
  const relevance: Record<'short' | 'long', string[]> = { short: [], long: [] };
  for (const { query, kind } of source.relevance) relevance[kind].push(query);
  const draw = (kind: FreshKind): string[] => {
    const out: string[] = [];
    // The relevance set's queries first (real desk wording), then generated ones.
    const real = kind === 'desk words' ? relevance.short : kind === 'pasted question' ? relevance.long : [];
    for (const query of real) {
      if (out.length >= 2 * count) break;
      if (!seen.has(query)) {
        seen.add(query);
        out.push(query);
      }
    }
    for (let attempt = 0; out.length < 2 * count && attempt < 200 * count; attempt++) {
      const query = make(kind)?.trim();
      if (!query || seen.has(query)) continue;
      seen.add(query);
      out.push(query);
    }
    return out;
  };
  const warmup = {} as FreshQueries;
  const measure = {} as FreshQueries;
  for (const kind of FRESH_KINDS) {
    // Shuffled, then split in two: the warm-up and the measure are alike but share nothing.
    const all = draw(kind);
    for (let i = all.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [all[i], all[j]] = [all[j] ?? '', all[i] ?? ''];
    }
    warmup[kind] = all.filter((_, i) => i % 2 === 0);
    measure[kind] = all.filter((_, i) => i % 2 === 1);
  }
  return { warmup, measure };
}
