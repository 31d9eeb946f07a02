// What a snippet needs, prepared once when the index is built (in the worker) and persisted with it: each
// fiche's body as plain text and the positions and terms of its words. A query then finds its matched words by
// comparing numbers, instead of rendering the markdown and analysing the whole body of every result again.
import type { Segment } from '../../../common/contract';
import { analyze } from './analyzer';
import { MAX_CHARS, MAX_SCANNED_TOKENS, passageAt } from './snippet';
import { PassageWindow } from './snippet-window';
import { indexOfSorted, sortedArray } from './sorted-strings';
import type { TextSlices } from './text-blocks';

/**
 * Characters of a body kept for its snippet: more than the words a snippet scans (MAX_SCANNED_TOKENS) in any
 * real fiche, and a bound on the work for a body of megabytes, whose whole analysis took seconds (issue 17).
 */
export const SNIPPET_SOURCE_CHARS = 60_000;

/** As persisted: the terms by number, and for each fiche its plain text and its words, packed. */
export interface PersistedSnippets {
  terms: string[];
  /**
   * Fiche id → [plain text, words]: the words in order as base64 of unsigned LEB128 pairs (distance from the
   * previous word's start, term number). A word's length is read again from the text when it is shown.
   */
  docs: Record<string, [string, string]>;
}

function writeVarint(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
}

/** Collects the fiches' texts while the index is built. */
export class SnippetDataBuilder {
  private readonly terms: string[] = [];
  private readonly termIds = new Map<string, number>();
  private readonly docs: Record<string, [string, string]> = {};

  /** `text`: the body as plain text, as indexed. */
  add(id: string, text: string): void {
    const kept = text.slice(0, SNIPPET_SOURCE_CHARS);
    const bytes: number[] = [];
    let previous = 0;
    let count = 0;
    for (const token of analyze(kept)) {
      if (count++ >= MAX_SCANNED_TOKENS) break;
      let id = this.termIds.get(token.term);
      if (id === undefined) {
        id = this.terms.length;
        this.terms.push(token.term);
        this.termIds.set(token.term, id);
      }
      writeVarint(bytes, token.start - previous);
      writeVarint(bytes, id);
      previous = token.start;
    }
    this.docs[id] = [kept, Buffer.from(bytes).toString('base64')];
  }

  build(): PersistedSnippets {
    return { terms: this.terms, docs: this.docs };
  }
}

/**
 * One build's snippet data as the binary index stores it: the terms sorted, the fiches by id (sorted), each
 * fiche's text and its words packed as above, with the terms' numbers in the sorted order.
 */
export interface SnippetSource {
  /** The fiche's position in the source, or -1. */
  indexOf(id: string): number;
  /** The fiche's text, read only where its passage is (see text-blocks.ts). */
  text(doc: number): TextSlices;
  words(doc: number): Uint8Array;
  /** The term's number, or -1. */
  termNumber(term: string): number;
  readonly termCount: number;
}

/** Reads the varint pairs of `bytes`, calling `each(start, termNumber)` for every word. */
function readWords(bytes: Uint8Array, each: (start: number, termId: number) => void): void {
  let start = 0;
  let p = 0;
  const end = bytes.length;
  while (p < end) {
    // Most numbers fit in one byte: the loop only runs for the others.
    let byte = bytes[p++] ?? 0;
    let delta = byte & 0x7f;
    for (let shift = 0x80; byte & 0x80; shift *= 0x80) {
      byte = bytes[p++] ?? 0;
      delta += (byte & 0x7f) * shift;
    }
    byte = bytes[p++] ?? 0;
    let termId = byte & 0x7f;
    for (let shift = 0x80; byte & 0x80; shift *= 0x80) {
      byte = bytes[p++] ?? 0;
      termId += (byte & 0x7f) * shift;
    }
    start += delta;
    each(start, termId);
  }
}

/**
 * The build's snippets in the binary index's order: terms sorted (so a term's number is found by binary search,
 * with no map built at load), fiches sorted by id, each fiche's words renumbered.
 */
export function sortedSnippets(data: PersistedSnippets): {
  terms: string[];
  ids: string[];
  texts: string[];
  words: Uint8Array[];
} {
  const terms = [...data.terms].sort();
  const numberOf = new Map(terms.map((term, i) => [term, i]));
  const renumber = data.terms.map((term) => numberOf.get(term) ?? 0);
  const ids = Object.keys(data.docs).sort();
  const texts: string[] = [];
  const words: Uint8Array[] = [];
  for (const id of ids) {
    const [text, packed] = data.docs[id] ?? ['', ''];
    const out: number[] = [];
    let previous = 0;
    readWords(Buffer.from(packed, 'base64'), (start, termId) => {
      writeVarint(out, start - previous);
      writeVarint(out, renumber[termId] ?? 0);
      previous = start;
    });
    texts.push(text);
    words.push(Uint8Array.from(out));
  }
  return { terms, ids, texts, words };
}

/** A source over the build's own data (tests, and the in-memory path). */
function sourceOf(data: PersistedSnippets): SnippetSource {
  const sorted = sortedSnippets(data);
  const ids = sortedArray(sorted.ids);
  const terms = sortedArray(sorted.terms);
  return {
    indexOf: (id) => indexOfSorted(ids, id),
    text: (doc) => sorted.texts[doc] ?? '',
    words: (doc) => sorted.words[doc] ?? new Uint8Array(0),
    termNumber: (term) => indexOfSorted(terms, term),
    termCount: sorted.terms.length,
  };
}

/** The snippets of one build's fiches. */
export class SnippetStore {
  private readonly source: SnippetSource;
  /** wantedStamp[term] === stamp: the term is matched by the current snippet's query (no set to fill). */
  private wantedStamp: Int32Array | undefined;
  private stamp = 0;

  constructor(data: PersistedSnippets | SnippetSource) {
    this.source = 'docs' in data ? sourceOf(data) : data;
  }

  has(id: string): boolean {
    return this.source.indexOf(id) >= 0;
  }

  /** The snippet of fiche `id` for the matched terms; undefined when this build does not hold the fiche. */
  snippet(id: string, matched: Iterable<string>): Segment[] | undefined {
    const doc = this.source.indexOf(id);
    if (doc < 0) return undefined;
    const wanted = (this.wantedStamp ??= new Int32Array(this.source.termCount));
    const stamp = ++this.stamp;
    // Distinct terms wanted: the most a window can hold.
    let count = 0;
    for (const term of matched) {
      const termId = this.source.termNumber(term);
      if (termId >= 0 && wanted[termId] !== stamp) {
        wanted[termId] = stamp;
        count++;
      }
    }
    const window = new PassageWindow(count);
    // Once a window holds every matched term, the words are read only as far as its passage may reach.
    let stopAt = Number.POSITIVE_INFINITY;
    if (count > 0) {
      const bytes = this.source.words(doc);
      const end = bytes.length;
      let start = 0;
      let index = 0;
      let p = 0;
      // The varint pairs of snippet-data's layout, read inline: this loop runs over every word of every result.
      while (p < end) {
        let byte = bytes[p++] ?? 0;
        let delta = byte & 0x7f;
        for (let shift = 0x80; byte & 0x80; shift *= 0x80) {
          byte = bytes[p++] ?? 0;
          delta += (byte & 0x7f) * shift;
        }
        byte = bytes[p++] ?? 0;
        let termId = byte & 0x7f;
        for (let shift = 0x80; byte & 0x80; shift *= 0x80) {
          byte = bytes[p++] ?? 0;
          termId += (byte & 0x7f) * shift;
        }
        start += delta;
        if (start >= stopAt) break;
        if (wanted[termId] === stamp) {
          window.add({ index, start, term: termId });
          if (stopAt === Number.POSITIVE_INFINITY && window.settled) {
            stopAt = (window.hits[window.bestStart]?.start ?? 0) + MAX_CHARS + 1;
          }
        }
        index++;
      }
    }
    return passageAt(this.source.text(doc), window.hits, window.finish());
  }
}
