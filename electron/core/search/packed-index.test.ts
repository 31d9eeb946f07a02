import { describe, expect, it } from 'vitest';
import { ficheFile, sampleContent } from '../../../dev/test-support/content';
import { SearchEngine } from './engine';
import { buildSearchData } from './index-build';
import { DamagedIndexError, readIndexFileHeader } from './index-file';
import { encodeSearchData, PackedIndex } from './packed-index';
import type { SerializedLunrIndex } from './term-index';
import { TermIndex } from './term-index';

const files = [
  ...sampleContent(),
  ficheFile(
    'long',
    { titre: 'Élection municipale', mots_cles: ['vote'] },
    'Des mots : été, œuvre, déjà. '.repeat(50),
  ),
];
const data = buildSearchData(files, 'hash:été');
const bytes = encodeSearchData(data);

describe('the binary search index', () => {
  it('says what it was built from in its first bytes', () => {
    expect(readIndexFileHeader(bytes.subarray(0, 200))).toMatchObject({
      format: data.format,
      analyzerVersion: data.analyzerVersion,
      contentHash: 'hash:été',
      builtAt: data.builtAt,
    });
  });

  it('holds the same postings as lunr’s serialised index, read in place', () => {
    const packed = new PackedIndex(bytes, true);
    const fromLunr = new TermIndex(data.fichesIndex as SerializedLunrIndex);
    const fromFile = new TermIndex(packed.fiches);
    expect(fromFile.refs).toEqual(fromLunr.refs);
    expect(fromFile.vocabulary.terms()).toEqual(fromLunr.vocabulary.terms());
    for (const term of fromLunr.vocabulary.terms())
      expect(fromFile.posting(term)).toEqual(fromLunr.posting(term));
    expect(fromFile.posting('absentissime')).toBeUndefined();
  });

  it('gives the same results, scores and snippets as the search data it was made from', () => {
    const persisted = new SearchEngine(new PackedIndex(Buffer.from(bytes), true));
    const built = new SearchEngine(data);
    for (const query of ['passeport', 'carte ident', 'electoin', 'ete oeuvre', 'aucunmotconnu', 'mair']) {
      expect(persisted.search(query)).toEqual(built.search(query));
    }
  });

  it('keeps the words of the last snippets shown inflated, and reads their texts in place', () => {
    const snippets = new PackedIndex(Buffer.from(bytes), true).snippets();
    const doc = snippets.indexOf(data.knowledge.fiches[0]?.id ?? '');
    expect(doc).toBeGreaterThanOrEqual(0);
    const words = snippets.words(doc);
    expect(words.length).toBeGreaterThan(0);
    expect(snippets.words(doc)).toBe(words);
    const text = data.snippets.docs[data.knowledge.fiches[0]?.id ?? '']?.[0] ?? '';
    expect(snippets.text(doc).length).toBe(text.length);
    expect(snippets.text(doc).slice(0, text.length)).toBe(text);
  });

  it('leaves the bodies out of a file: they are read from the content folder when a page asks for one', () => {
    const packed = new PackedIndex(Buffer.from(bytes), true);
    expect(packed.knowledge.fiches.map((fiche) => fiche.body).every((body) => body === '')).toBe(true);
    const texts = new Map(files.map((file) => [file.path, file.text]));
    const read: string[] = [];
    packed.readBodiesWith((item) => {
      read.push(item.path);
      return data.knowledge.fiches.find((fiche) => fiche.path === item.path && texts.has(item.path))?.body;
    });
    expect(packed.knowledge.fiches.map((fiche) => fiche.body)).toEqual(
      data.knowledge.fiches.map((f) => f.body),
    );
    expect(read).toHaveLength(data.knowledge.fiches.length);
    // Stored when asked (an engine made in the process keeps them), and smaller without them.
    const withBodies = new PackedIndex(encodeSearchData(data, true, true), true);
    expect(withBodies.knowledge.fiches.map((fiche) => fiche.body)).toEqual(
      data.knowledge.fiches.map((f) => f.body),
    );
    expect(encodeSearchData(data, true, true).length).toBeGreaterThan(bytes.length);
  });

  it('refuses a file cut, corrupted or misaligned in its sizes', () => {
    expect(() => new PackedIndex(bytes.subarray(0, bytes.length - 8), true)).toThrow(DamagedIndexError);
    const flipped = Uint8Array.from(bytes);
    flipped[bytes.length - 40] = (flipped[bytes.length - 40] ?? 0) ^ 1;
    expect(() => new PackedIndex(flipped, true)).toThrow(/checksum/);
    expect(() => new PackedIndex(Buffer.from('{"format":3}'), true)).toThrow(DamagedIndexError);
  });
});
