import { describe, expect, it } from 'vitest';
import { terms } from './analyzer';
import { makeSnippet } from './snippet';
import { SNIPPET_SOURCE_CHARS, SnippetDataBuilder, SnippetStore } from './snippet-data';

const BODY =
  "Pour obtenir un passeport, présentez-vous à la mairie avec un justificatif de domicile. L'État délivre le " +
  'passeport biométrique en quelques semaines ; les passeports perdus sont déclarés à la police. ' +
  'Un enfant mineur a besoin de son propre passeport.';

function storeOf(texts: Record<string, string>): SnippetStore {
  const builder = new SnippetDataBuilder();
  for (const [id, text] of Object.entries(texts)) builder.add(id, text);
  // Through JSON, as persisted.
  return new SnippetStore(JSON.parse(JSON.stringify(builder.build())) as ReturnType<typeof builder.build>);
}

describe('snippet data prepared at build time', () => {
  it('gives the same snippet as analysing the text at query time', () => {
    const store = storeOf({ a: BODY });
    for (const query of [
      'passeport',
      'mairie domicile',
      'etat police',
      'enfant mineur passeport',
      'absent',
    ]) {
      const matched = new Set(terms(query));
      expect(store.snippet('a', matched), query).toEqual(makeSnippet(BODY, matched));
    }
  });

  it('marks the matched words where they are written, accents included', () => {
    const segments = storeOf({ a: BODY }).snippet('a', terms('état')) ?? [];
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['État']);
  });

  it('locates words far into the text (multi-byte offsets)', () => {
    const long = `${'éléphant '.repeat(5000)}mairie`;
    const segments = storeOf({ a: long }).snippet('a', terms('mairie')) ?? [];
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual([]);
    const near = `${'éléphant '.repeat(300)}mairie`;
    const found = storeOf({ a: near }).snippet('a', terms('mairie')) ?? [];
    expect(found.filter((s) => s.hit).map((s) => s.text)).toEqual(['mairie']);
  });

  it('keeps at most SNIPPET_SOURCE_CHARS of a body', () => {
    const builder = new SnippetDataBuilder();
    builder.add('big', 'mot '.repeat(SNIPPET_SOURCE_CHARS));
    expect(builder.build().docs.big?.[0].length).toBe(SNIPPET_SOURCE_CHARS);
  });

  it('answers only for the fiches of its build', () => {
    const store = storeOf({ a: BODY });
    expect(store.has('a')).toBe(true);
    expect(store.snippet('b', ['passeport'])).toBeUndefined();
  });

  it('numbers terms across fiches and reads each fiche on its own', () => {
    const store = storeOf({ a: 'mairie annexe', b: 'la mairie centrale', c: '' });
    expect(store.snippet('b', ['mair'])).toEqual([
      { text: 'la ', hit: false },
      { text: 'mairie', hit: true },
      { text: ' centrale', hit: false },
    ]);
    expect(store.snippet('c', ['mair'])).toEqual([]);
  });

  it('gives the same snippet as the whole analysis when it stops reading early, on long texts', () => {
    const words = [
      'mairie',
      'passeport',
      'état',
      'carte',
      'domicile',
      'enfant',
      'police',
      'semaine',
      'justificatif',
    ];
    let state = 5;
    const random = () => {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      return state / 0x1_0000_0000;
    };
    for (let t = 0; t < 40; t++) {
      const text = Array.from({ length: 300 + Math.floor(random() * 2000) }, () => {
        const word = words[Math.floor(random() * words.length)] ?? '';
        return random() < 0.6 ? 'les' : word;
      }).join(random() < 0.5 ? ' ' : ', ');
      const store = storeOf({ a: text });
      for (const query of ['passeport', 'carte domicile', 'enfant police semaine', 'justificatif absent']) {
        const matched = new Set(terms(query));
        expect(store.snippet('a', matched), query).toEqual(makeSnippet(text, matched));
      }
    }
  });
});
