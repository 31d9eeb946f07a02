import { describe, expect, it } from 'vitest';
import type { SnippetHit } from './snippet';
import { snippetFromHits } from './snippet';
import { BLOCK_CHARS, encodeTextBlocks, TextBlocks } from './text-blocks';

/** A small deterministic generator (the texts are the same from run to run). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

const WORDS = [
  'mairie',
  'état',
  'passeport',
  'délivré',
  'œuvre',
  'naïf',
  'carte',
  'vitale',
  '😀',
  'déménagement',
];

/** A text of words and spaces, accents, ligatures and surrogate pairs included, `length` units long or more. */
function textOf(length: number, random: () => number): string {
  let text = '';
  while (text.length < length) text += `${WORDS[Math.floor(random() * WORDS.length)] ?? ''} `;
  return text;
}

/** Every word of `text` as a hit, its term its spelling (as the prepared words give them, in order). */
function hitsOf(text: string, wanted: ReadonlySet<string>): SnippetHit[] {
  const hits: SnippetHit[] = [];
  let index = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (wanted.has(match[0])) hits.push({ index, start: match.index ?? 0, term: match[0] });
    index++;
  }
  return hits;
}

describe('snippet texts stored in blocks', () => {
  const random = seededRandom(7);
  const texts = [
    '',
    'court',
    textOf(3 * BLOCK_CHARS + 17, random),
    // A surrogate pair across the first block's edge: the cut moves before it.
    `${'a'.repeat(BLOCK_CHARS - 1)}😀${'b'.repeat(BLOCK_CHARS)}`,
    textOf(60_000, random),
  ];

  for (const compress of [true, false]) {
    it(`slices as the whole text does, across block edges (${compress ? 'deflated' : 'stored'})`, () => {
      const blocks = new TextBlocks(encodeTextBlocks(texts, compress));
      expect(blocks.length).toBe(texts.length);
      texts.forEach((text, doc) => {
        expect(blocks.textLength(doc)).toBe(text.length);
        const edges = [0, 1, BLOCK_CHARS - 2, BLOCK_CHARS - 1, BLOCK_CHARS, BLOCK_CHARS + 1, 2 * BLOCK_CHARS];
        for (const from of edges) {
          for (const span of [0, 1, 2, 300, BLOCK_CHARS + 5]) {
            expect(blocks.slice(doc, from, from + span)).toBe(text.slice(from, from + span));
          }
        }
        for (let i = 0; i < 50; i++) {
          const from = Math.floor(random() * (text.length + 10));
          const to = from + Math.floor(random() * 600);
          expect(blocks.slice(doc, from, to)).toBe(text.slice(from, to));
        }
        expect(blocks.slice(doc, 0, text.length)).toBe(text);
      });
    });
  }

  it('reads every block right once more blocks were read than it keeps, each replacing the oldest', () => {
    // Far more blocks than are kept inflated: each new one takes the place of the least recently read.
    const many = Array.from({ length: 150 }, (_, i) => textOf(BLOCK_CHARS + 100 + i, random));
    const heads = many.map(() => new Uint8Array([1, 2, 3]));
    const blocks = new TextBlocks(encodeTextBlocks(many, true, heads));
    const read = (doc: number) => {
      const text = many[doc] ?? '';
      const from = Math.floor(random() * text.length);
      expect(blocks.slice(doc, from, from + 400)).toBe(text.slice(from, from + 400));
      expect(blocks.slice(doc, 0, text.length)).toBe(text);
      expect([...blocks.head(doc)]).toEqual([1, 2, 3]);
    };
    for (let round = 0; round < 3; round++) for (let doc = 0; doc < many.length; doc++) read(doc);
    // Recently read blocks (kept) and long-evicted ones (inflated again), interleaved.
    for (let i = 0; i < 600; i++) read(Math.floor(random() * many.length));
  });

  it('cuts the same passage from the blocks as from the whole text, wherever the passage falls', () => {
    const blocks = new TextBlocks(encodeTextBlocks(texts));
    texts.forEach((text, doc) => {
      for (const wanted of [['passeport'], ['carte', 'vitale'], ['œuvre', 'naïf', 'mairie'], ['absent']]) {
        const hits = hitsOf(text, new Set(wanted));
        expect(snippetFromHits(blocks.text(doc), hits)).toEqual(snippetFromHits(text, hits));
        // Passages starting on each side of every block edge: one hit near it alone.
        for (let edge = BLOCK_CHARS; edge < text.length; edge += BLOCK_CHARS) {
          const near = hits.filter((hit) => Math.abs(hit.start - edge) < 300);
          for (const hit of near) {
            expect(snippetFromHits(blocks.text(doc), [hit])).toEqual(snippetFromHits(text, [hit]));
          }
        }
      }
    });
  });

  it('refuses a table whose numbers run past its bytes', () => {
    const bytes = encodeTextBlocks(texts);
    expect(() => new TextBlocks(bytes.subarray(0, bytes.length - 8))).toThrow();
    const cut = bytes.slice();
    // The first text's first block, past the five numbers of the head.
    new DataView(cut.buffer).setUint32(20, 0xffffff, true);
    expect(() => new TextBlocks(cut)).toThrow();
  });

  it('compresses small blocks as well as whole texts, with the dictionary they share', () => {
    const many = Array.from({ length: 100 }, () => textOf(2 * BLOCK_CHARS, random));
    const whole = many.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    expect(encodeTextBlocks(many).length).toBeLessThan(whole / 3);
  });

  it("carries each text's head in its first block, read back whole, with the text unchanged", () => {
    const heads = texts.map((_, i) => Uint8Array.from({ length: i * 700 }, (_, k) => (k * 31 + i) & 0xff));
    for (const compress of [true, false]) {
      const blocks = new TextBlocks(encodeTextBlocks(texts, compress, heads));
      texts.forEach((text, doc) => {
        expect(new Uint8Array(blocks.head(doc))).toEqual(heads[doc]);
        expect(blocks.slice(doc, 0, text.length)).toBe(text);
        expect(blocks.slice(doc, BLOCK_CHARS - 3, BLOCK_CHARS + 3)).toBe(
          text.slice(BLOCK_CHARS - 3, BLOCK_CHARS + 3),
        );
        // Read again: the same bytes, from the block kept inflated.
        expect(blocks.head(doc)).toBe(blocks.head(doc));
      });
    }
    expect(new TextBlocks(encodeTextBlocks(texts)).head(2)).toEqual(new Uint8Array(0));
  });
});
