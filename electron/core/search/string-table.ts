// Lists of strings as stored in the binary index. Two shapes, for two uses:
// - a StringTable (dictionaries: terms, words, references) is decoded in one call and each string is sliced out on
//   demand, so a sorted table answers lookups by binary search without building a Map or an array at load;
// - a BlobTable (bodies, the metadata's chunks: megabytes read a few at a time) decodes one item when it is asked
//   for. Snippet texts, read a passage at a time, have their own layout (text-blocks.ts).
import * as zlib from 'node:zlib';
import type { SortedStrings } from './sorted-strings';
import { indexOfSorted } from './sorted-strings';

/** A StringTable's bytes: u32 count, u32 offsets (UTF-16 units, count + 1 of them), the strings' UTF-8. */
export function encodeStrings(strings: readonly string[]): Uint8Array {
  const text = Buffer.from(strings.join(''), 'utf8');
  const out = new Uint8Array(4 + 4 * (strings.length + 1) + text.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, strings.length, true);
  let offset = 0;
  strings.forEach((value, i) => {
    view.setUint32(4 + 4 * i, offset, true);
    offset += value.length;
  });
  view.setUint32(4 + 4 * strings.length, offset, true);
  out.set(text, 4 + 4 * (strings.length + 1));
  return out;
}

/** Strings read from `encodeStrings`' bytes; `sorted` tables (in JavaScript's `<` order) answer lookups. */
export class StringTable implements SortedStrings {
  readonly length: number;
  private readonly text: string;
  private readonly offsets: Uint32Array;
  private array: string[] | undefined;

  constructor(bytes: Uint8Array) {
    if (bytes.length < 4) throw new Error('string table cut');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.length = view.getUint32(0, true);
    const textStart = 4 + 4 * (this.length + 1);
    if (textStart > bytes.length) throw new Error('string table cut');
    this.offsets = readUint32s(bytes, 4, this.length + 1);
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset + textStart, bytes.length - textStart).toString(
      'utf8',
    );
    // Offsets that run backwards or past the text would slice garbage: the table is refused whole instead.
    let previous = 0;
    for (const offset of this.offsets) {
      if (offset < previous) throw new Error('string table damaged');
      previous = offset;
    }
    if (previous !== this.text.length) throw new Error('string table damaged');
  }

  at(i: number): string {
    return this.text.slice(this.offsets[i] ?? 0, this.offsets[i + 1] ?? 0);
  }

  /**
   * Whether the i-th string is below `value` in JavaScript's `<` order (UTF-16 code units), compared in place:
   * a binary search sliced a string per step, the most frequent work of a prefix's expansion.
   */
  below(i: number, value: string): boolean {
    const start = this.offsets[i] ?? 0;
    const length = (this.offsets[i + 1] ?? 0) - start;
    const text = this.text;
    const common = Math.min(length, value.length);
    for (let k = 0; k < common; k++) {
      const own = text.charCodeAt(start + k);
      const other = value.charCodeAt(k);
      if (own !== other) return own < other;
    }
    return length < value.length;
  }

  /** Every string as an array, built once (a walk of the whole vocabulary needs it). */
  all(): readonly string[] {
    if (!this.array) {
      const array = new Array<string>(this.length);
      for (let i = 0; i < this.length; i++) array[i] = this.at(i);
      this.array = array;
    }
    return this.array;
  }

  /** In a sorted table: the position of `value`, or -1. */
  indexOf(value: string): number {
    return indexOfSorted(this, value);
  }
}

/**
 * A BlobTable's bytes: u32 count, u32 flags (1: each item deflated), u32 byte offsets (count + 1), the items one
 * after the other. Bodies and the metadata's chunks are deflated one by one: a third of their size (the persisted
 * index of 20,000 fiches must stay within 100 MB), and one item inflates in well under a millisecond when read.
 */
export function encodeBlobs(items: readonly string[], compress = false): Uint8Array {
  const parts = items.map((item) => {
    const bytes = Buffer.from(item, 'utf8');
    return compress ? zlib.deflateRawSync(bytes, { level: 6 }) : bytes;
  });
  return packBlobs(parts, compress ? COMPRESSED : 0);
}

const COMPRESSED = 1;

function packBlobs(parts: readonly Uint8Array[], flags: number): Uint8Array {
  const size = parts.reduce((sum, part) => sum + part.length, 0);
  const head = 8 + 4 * (parts.length + 1);
  const out = new Uint8Array(head + size);
  const view = new DataView(out.buffer);
  view.setUint32(0, parts.length, true);
  view.setUint32(4, flags, true);
  let offset = 0;
  parts.forEach((part, i) => {
    view.setUint32(8 + 4 * i, offset, true);
    out.set(part, head + offset);
    offset += part.length;
  });
  view.setUint32(8 + 4 * parts.length, offset, true);
  return out;
}

/** Items read one at a time from `encodeBlobs`' bytes. */
export class BlobTable {
  readonly length: number;
  private readonly compressed: boolean;
  private readonly offsets: Uint32Array;
  private readonly data: Buffer;

  constructor(bytes: Uint8Array) {
    if (bytes.length < 8) throw new Error('blob table cut');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.length = view.getUint32(0, true);
    this.compressed = (view.getUint32(4, true) & COMPRESSED) !== 0;
    const head = 8 + 4 * (this.length + 1);
    if (head > bytes.length) throw new Error('blob table cut');
    this.offsets = readUint32s(bytes, 8, this.length + 1);
    this.data = Buffer.from(bytes.buffer, bytes.byteOffset + head, bytes.length - head);
    let previous = 0;
    for (const offset of this.offsets) {
      if (offset < previous) throw new Error('blob table damaged');
      previous = offset;
    }
    if (previous !== this.data.length) throw new Error('blob table damaged');
  }

  bytes(i: number): Uint8Array {
    const stored = this.data.subarray(this.offsets[i] ?? 0, this.offsets[i + 1] ?? 0);
    return this.compressed ? zlib.inflateRawSync(stored) : stored;
  }

  text(i: number): string {
    if (this.compressed) return Buffer.from(this.bytes(i)).toString('utf8');
    return this.data.toString('utf8', this.offsets[i] ?? 0, this.offsets[i + 1] ?? 0);
  }
}

/** `count` little-endian u32 at `offset` of `bytes`: a view when aligned (always in an index file), else a copy. */
function readUint32s(bytes: Uint8Array, offset: number, count: number): Uint32Array {
  const at = bytes.byteOffset + offset;
  if (at % 4 === 0) return new Uint32Array(bytes.buffer, at, count);
  return new Uint32Array(bytes.slice(offset, offset + 4 * count).buffer);
}
