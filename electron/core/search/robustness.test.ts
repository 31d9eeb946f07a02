// Issue 17: no query can hurt the process. Whatever arrives — a word of hundreds of letters, a pasted e-mail with
// a long reference, random unicode — a search does a bounded amount of work and answers.
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { SearchEngine } from './engine';
import { buildEngine, readContentFolders } from '../../../dev/search-evaluation/evaluation';

const CONTENT = fileURLToPath(new URL('../../../content', import.meta.url));
// A real collection before each heap reading, so growth measures what the queries keep.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const engine: SearchEngine = buildEngine(readContentFolders([{ dir: CONTENT }]));

/**
 * A generous safety bound: measured queries take a few milliseconds, the unbounded engine took seconds (or ran
 * out of memory). Timing is only a guard against regressions of the kind; what matters is that it answers.
 */
const BOUND_MS = 500;

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

function repeatFrom(alphabet: string, length: number, step = 7): string {
  let word = '';
  for (let i = 0; i < length; i++) word += alphabet[(i * step) % alphabet.length];
  return word;
}

const CONSONANTS = 'bcdfghjklmnpqrstvwxz';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function expectValidResponse(response: ReturnType<SearchEngine['search']>, query: string): void {
  expect(response.query).toBe(query);
  expect(Array.isArray(response.results)).toBe(true);
  expect(response.total).toBeGreaterThanOrEqual(response.results.length);
  expect(response.results.length).toBeLessThanOrEqual(20);
  for (const hit of response.results) {
    expect(typeof hit.id).toBe('string');
    expect(Number.isFinite(hit.score)).toBe(true);
    for (const segment of hit.snippet) expect(typeof segment.text).toBe('string');
  }
}

describe('a search cannot hurt the process', () => {
  it('answers a word of 400 consonants at once (it used to run out of memory)', () => {
    const query = repeatFrom(CONSONANTS, 400);
    const { value, ms } = timed(() => engine.search(query));
    expectValidResponse(value, query);
    expect(value.results).toEqual([]);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('answers a word of 300 letters, typed or finished', () => {
    for (const query of [repeatFrom(LETTERS, 300), `${repeatFrom(LETTERS, 300)} `]) {
      const { value, ms } = timed(() => engine.search(query));
      expectValidResponse(value, query);
      expect(ms).toBeLessThan(BOUND_MS);
    }
  });

  it('answers a pasted e-mail holding a 120-character reference, and still finds its subject', () => {
    const reference = repeatFrom('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 120, 11);
    const query =
      'Bonjour Madame, Monsieur, je vous écris au sujet de ma demande de logement social, référence ' +
      `${reference}, déposée le mois dernier. Pourriez-vous me dire où en est le dossier ? ` +
      'Je vous remercie par avance. Cordialement, Mme Dupont';
    const { value, ms } = timed(() => engine.search(query));
    expectValidResponse(value, query);
    expect(value.results.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('answers a contacts search of 300 letters', () => {
    for (const query of [
      repeatFrom(LETTERS, 300),
      repeatFrom(CONSONANTS, 300),
      `${repeatFrom(LETTERS, 300)} `,
    ]) {
      const { value, ms } = timed(() => engine.searchContacts(query));
      expect(Array.isArray(value)).toBe(true);
      expect(ms).toBeLessThan(BOUND_MS);
    }
  });

  it('bounds a query far beyond what the window sends (a megabyte of text)', () => {
    const query = `${'mairie passeport '.repeat(30_000)}${repeatFrom(CONSONANTS, 100_000)}`;
    const { value, ms } = timed(() => engine.search(query));
    expect(Array.isArray(value.results)).toBe(true);
    expect(ms).toBeLessThan(BOUND_MS * 4);
    expect(timed(() => engine.searchContacts(query)).ms).toBeLessThan(BOUND_MS * 4);
  });

  it('still finds what a desk query asks for, typos included', () => {
    expect(engine.search('passeport').results.length).toBeGreaterThan(0);
    expect(engine.search('pasport').results.length).toBeGreaterThan(0);
  });
});

/** A small deterministic generator (mulberry32), so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'passeport',
  'carte',
  "d'identité",
  'état-civil',
  'ÉTAT',
  'œuvre',
  'déchèterie',
  '2024',
  'F1234',
  '06 12 34 56 78',
  'a.b@exemple.fr',
  '...',
  '!!!',
  "''''",
  '---',
  '\t\n',
  '   ',
  '«»',
  'ß',
  'İ',
  'ﬁ',
  '\u0301\u0301\u0301',
  '👩‍👩‍👧',
  '\ud800',
  '中文字',
  'العربية',
  'été',
  'e\u0301te\u0301',
];

function adversarialQuery(next: () => number): string {
  const pick = (n: number) => Math.floor(next() * n);
  const kind = pick(8);
  const length = 1 + pick(2000);
  switch (kind) {
    case 0: // random code points, surrogates included
      return Array.from({ length: Math.min(length, 400) }, () => String.fromCharCode(pick(0x10000))).join('');
    case 1: // one long word
      return repeatFrom(LETTERS + 'éèàç0123456789', length, 1 + pick(13));
    case 2: // many short words
      return Array.from({ length: Math.ceil(length / 4) }, () =>
        repeatFrom(LETTERS, 2 + pick(8), 1 + pick(25)),
      ).join(' ');
    case 3: // repeated separators
      return Array.from({ length: Math.ceil(length / 3) }, () => PIECES[pick(PIECES.length)]).join(
        ['', ' ', "'", '-', '.', ',,,'][pick(6)] ?? '',
      );
    case 4: // many medium words of 15–30 letters, each a fuzzy candidate
      return Array.from({ length: 80 }, () =>
        repeatFrom(CONSONANTS + 'aeiou', 15 + pick(16), 1 + pick(24)),
      ).join(' ');
    case 5: // digits and punctuation
      return Array.from(
        { length: Math.ceil(length / 5) },
        () => `${pick(1e9)}${'.,;:!?/\\()[]{}'[pick(16)] ?? ''}`,
      ).join('');
    case 6: // a pasted e-mail with long references
      return `Bonjour, ma demande de passeport ${repeatFrom('ABCDEF0123456789', 40 + pick(200), 3)} est bloquée. ${'Merci. '.repeat(pick(50))}`;
    default: // a word being typed, cut anywhere
      return repeatFrom(LETTERS, 1 + pick(60), 1 + pick(25));
  }
}

describe('search fuzzing', () => {
  it('answers every random or adversarial query quickly, with bounded memory', () => {
    const next = random(17);
    // Warm the caches once so heap growth measures what the queries keep, not first-use allocations.
    // (The first query without results also computes the thèmes' profiles for the suggestions, once per index.)
    engine.search('passeport');
    engine.search('zzzqqqxxx');
    engine.searchContacts('mairie');
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    let slowest = { ms: 0, query: '' };
    for (let i = 0; i < 150; i++) {
      const query = adversarialQuery(next);
      const { value, ms } = timed(() => engine.search(query, { limit: 1 + (i % 50) }));
      expect(Array.isArray(value.results), query.slice(0, 80)).toBe(true);
      expect(value.results.length).toBeLessThanOrEqual(1 + (i % 50));
      const contacts = timed(() => engine.searchContacts(query.slice(0, 500)));
      expect(Array.isArray(contacts.value)).toBe(true);
      const worst = Math.max(ms, contacts.ms);
      if (worst > slowest.ms) slowest = { ms: worst, query };
    }
    expect(slowest.ms, `slowest query: ${JSON.stringify(slowest.query.slice(0, 120))}`).toBeLessThan(
      BOUND_MS,
    );
    gc();
    const growth = process.memoryUsage().heapUsed - heapBefore;
    // The analyser's caches keep short words; long random words must not pile up in them.
    expect(growth).toBeLessThan(64 * 1024 * 1024);
  });
});
