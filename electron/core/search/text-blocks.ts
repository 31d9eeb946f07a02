// The snippet texts as the binary index stores them: each fiche's plain text cut into blocks of a few thousand
// characters, each block deflated on its own against one dictionary shared by the whole table. A snippet shows
// 220 characters of a text that may run to 60,000: only the block or two holding the passage are inflated, where
// inflating the whole text cost half of a fresh query. The shared dictionary (samples of the texts themselves)
// gives small blocks back the compression a whole text had: the table is no larger than when each text was
// deflated whole. A text's first block also carries the text's *head*, bytes read with it every time (the
// snippet's packed words): most passages lie in the first block, so a snippet is mostly one inflate, not two.
import * as zlib from 'node:zlib';

/** Characters (UTF-16 units) per block: one block holds most passages; larger ones inflate more for nothing. */
export const BLOCK_CHARS = 4096;

/** zlib reads at most 32 KB of a dictionary (its window). */
const DICTIONARY_BYTES = 32 * 1024;
/** Characters per sample of the dictionary: short pieces from many texts cover more of the shared wording. */
const SAMPLE_CHARS = 256;

/** What a snippet reads of a text: its length, and a slice (as `String.prototype.slice`). A string is one. */
export interface TextSlices {
  readonly length: number;
  slice(from: number, to: number): string;
}

/**
 * Samples of the texts, a third of the way into each of texts spread over the table: the wording they share
 * (« Vous devez », « pièce justificative »…) that a block alone would have to spell out again.
 */
function dictionaryOf(texts: readonly string[]): Uint8Array {
  const count = Math.min(texts.length, Math.floor(DICTIONARY_BYTES / SAMPLE_CHARS));
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = texts[Math.floor((i * texts.length) / count)] ?? '';
    const at = Math.floor(text.length / 3);
    parts.push(text.slice(at, at + SAMPLE_CHARS));
  }
  // Cut on bytes: the dictionary is bytes to zlib, never decoded as text.
  return new Uint8Array(Buffer.from(parts.join(' '), 'utf8').subarray(0, DICTIONARY_BYTES));
}

/** Where each block of `text` starts: every BLOCK_CHARS units, never between the two halves of a surrogate pair. */
function blockStarts(text: string): number[] {
  const starts: number[] = [];
  for (let at = 0; at < text.length;) {
    starts.push(at);
    let next = Math.min(text.length, at + BLOCK_CHARS);
    const code = text.charCodeAt(next - 1);
    if (next < text.length && code >= 0xd800 && code <= 0xdbff) next--;
    at = next;
  }
  return starts;
}

const HEAD_WORDS = 5;

/**
 * A first block's bytes when the table carries heads: u32 the head's length, the text's UTF-8, the head. The head
 * comes last: the text, first, finds the whole shared dictionary within deflate's reach.
 */
function firstBlockBytes(head: Uint8Array, text: string): Buffer {
  const utf8 = Buffer.from(text, 'utf8');
  const out = Buffer.allocUnsafe(4 + utf8.length + head.length);
  out.writeUInt32LE(head.length, 0);
  out.set(utf8, 4);
  out.set(head, 4 + utf8.length);
  return out;
}

/**
 * The table's bytes, u32 in the machine's order as the other sections (little-endian: every desk's machine): texts, blocks, dictionary bytes, compressed (1) or not (0);
 * then per text its first block (texts + 1 of them) and its length; per block its first character in its text
 * and its byte offset (blocks + 1); the dictionary, padded to 4 bytes; the blocks.
 */
export function encodeTextBlocks(
  texts: readonly string[],
  compress = true,
  heads?: readonly Uint8Array[],
): Uint8Array {
  const dictionary = compress ? dictionaryOf(texts) : new Uint8Array(0);
  const firstBlock: number[] = [];
  const starts: number[] = [];
  const parts: Uint8Array[] = [];
  for (const text of texts) {
    const head = heads?.[firstBlock.length];
    firstBlock.push(parts.length);
    const cuts = blockStarts(text);
    if (heads && cuts.length === 0) cuts.push(0);
    cuts.forEach((start, b) => {
      starts.push(start);
      const slice = text.slice(start, cuts[b + 1] ?? text.length);
      const bytes =
        heads && b === 0 ? firstBlockBytes(head ?? new Uint8Array(0), slice) : Buffer.from(slice, 'utf8');
      parts.push(compress ? zlib.deflateRawSync(bytes, { level: 9, dictionary }) : bytes);
    });
  }
  firstBlock.push(parts.length);
  const padded = (dictionary.length + 3) & ~3;
  const head = 4 * (HEAD_WORDS + 2 * texts.length + 1 + 2 * parts.length + 1);
  const size = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(head + padded + size);
  const words = new Uint32Array(out.buffer, 0, head / 4);
  let w = 0;
  words[w++] = texts.length;
  words[w++] = parts.length;
  words[w++] = dictionary.length;
  words[w++] = compress ? 1 : 0;
  words[w++] = heads ? 1 : 0;
  for (const first of firstBlock) words[w++] = first;
  for (const text of texts) words[w++] = text.length;
  for (const start of starts) words[w++] = start;
  let offset = 0;
  for (const part of parts) {
    words[w++] = offset;
    out.set(part, head + padded + offset);
    offset += part.length;
  }
  words[w] = offset;
  out.set(dictionary, head);
  return out;
}

/** Blocks kept inflated: a few pages of results, as their passages are read again by the next keystrokes. */
const RECENT_BLOCKS = 200;

/** Bytes of a block's text in UTF-16: BLOCK_CHARS units at most (see blockStarts). */
const SLOT_BYTES = 2 * BLOCK_CHARS;

/**
 * An inflated block: its text in UTF-16 (little-endian), a slice read by its offsets without decoding the rest;
 * for a first block of a table with heads, the head. Kept as strings, the blocks of the last few pages were
 * what every young-generation collection had to copy (several MB, 6–13 ms a pause, landing on a query);
 * kept as bytes in slots of one buffer allocated once, they are neither on the collected heap nor allocated
 * again.
 */
interface Block {
  text: Buffer;
  /** Its slot in the recent blocks' buffer, handed to the block that replaces it. */
  slot: number;
  head?: Uint8Array;
}

const NO_HEAD = new Uint8Array(0);

/** The texts read back from `encodeTextBlocks`' bytes, a block at a time. */
export class TextBlocks {
  readonly length: number;
  private readonly firstBlock: Uint32Array;
  private readonly lengths: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly offsets: Uint32Array;
  private readonly dictionary: Uint8Array;
  private readonly data: Buffer;
  private readonly compressed: boolean;
  private readonly withHeads: boolean;
  /** Inflated blocks, least recently used first. */
  private readonly recent = new Map<number, Block>();
  /** Their texts, a slot of SLOT_BYTES each, allocated at the first block read. */
  private slots: Buffer | undefined;

  constructor(bytes: Uint8Array) {
    const damaged = () => new Error('text blocks damaged');
    if (bytes.length < 4 * HEAD_WORDS || bytes.byteOffset % 4 !== 0) throw damaged();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.length = view.getUint32(0, true);
    const blocks = view.getUint32(4, true);
    const dictionaryBytes = view.getUint32(8, true);
    this.compressed = view.getUint32(12, true) === 1;
    this.withHeads = view.getUint32(16, true) === 1;
    const head = 4 * (HEAD_WORDS + 2 * this.length + 1 + 2 * blocks + 1);
    const padded = (dictionaryBytes + 3) & ~3;
    if (head + padded > bytes.length) throw damaged();
    const u32 = (word: number, count: number) =>
      new Uint32Array(bytes.buffer, bytes.byteOffset + 4 * word, count);
    let word = HEAD_WORDS;
    this.firstBlock = u32(word, this.length + 1);
    word += this.length + 1;
    this.lengths = u32(word, this.length);
    word += this.length;
    this.starts = u32(word, blocks);
    word += blocks;
    this.offsets = u32(word, blocks + 1);
    this.dictionary = bytes.subarray(head, head + dictionaryBytes);
    this.data = Buffer.from(bytes.buffer, bytes.byteOffset + head + padded, bytes.length - head - padded);
    // Numbers that run backwards or past the end would read garbage: the table is refused whole instead.
    let previous = 0;
    for (const first of this.firstBlock) {
      if (first < previous) throw damaged();
      previous = first;
    }
    if (previous !== blocks) throw damaged();
    if (this.withHeads) {
      for (let doc = 0; doc < this.length; doc++) {
        if ((this.firstBlock[doc + 1] ?? 0) <= (this.firstBlock[doc] ?? 0)) throw damaged();
      }
    }
    previous = 0;
    for (const offset of this.offsets) {
      if (offset < previous) throw damaged();
      previous = offset;
    }
    if (previous !== this.data.length) throw damaged();
  }

  /** The text's length in UTF-16 units, read without inflating anything. */
  textLength(doc: number): number {
    return this.lengths[doc] ?? 0;
  }

  /** `text.slice(from, to)` of text `doc`, inflating only the blocks it covers. */
  slice(doc: number, from: number, to: number): string {
    const length = this.textLength(doc);
    const start = Math.max(0, Math.min(from, length));
    const end = Math.max(start, Math.min(to, length));
    if (end === start) return '';
    const first = this.firstBlock[doc] ?? 0;
    const last = this.firstBlock[doc + 1] ?? first;
    // The last block starting at or before `start`: texts hold at most a few dozen blocks.
    let b = first;
    while (b + 1 < last && (this.starts[b + 1] ?? 0) <= start) b++;
    let out = '';
    for (; b < last; b++) {
      const blockStart = this.starts[b] ?? 0;
      if (blockStart >= end) break;
      const { text } = this.block(b, b === first);
      const to = Math.min(2 * (end - blockStart), text.length);
      out += text.toString('utf16le', 2 * Math.max(0, start - blockStart), to);
    }
    return out;
  }

  /** A view of text `doc` as a string-like value for snippets. */
  text(doc: number): TextSlices {
    return { length: this.textLength(doc), slice: (from, to) => this.slice(doc, from, to) };
  }

  /** The head text `doc`'s first block carries (empty in a table without heads). */
  head(doc: number): Uint8Array {
    if (!this.withHeads) return NO_HEAD;
    return this.block(this.firstBlock[doc] ?? 0, true).head ?? NO_HEAD;
  }

  private block(b: number, first: boolean): Block {
    let block = this.recent.get(b);
    if (block !== undefined) {
      this.recent.delete(b);
    } else {
      const stored = this.data.subarray(this.offsets[b] ?? 0, this.offsets[b + 1] ?? 0);
      const bytes = this.compressed ? zlib.inflateRawSync(stored, { dictionary: this.dictionary }) : stored;
      let text: string;
      let head: Uint8Array | undefined;
      if (this.withHeads && first) {
        if (bytes.length < 4) throw new Error('text blocks damaged');
        const headStart = bytes.length - bytes.readUInt32LE(0);
        if (headStart < 4) throw new Error('text blocks damaged');
        // A view, not a copy: of the buffer just inflated, or of the file's bytes (read, never written).
        head = bytes.subarray(headStart);
        text = bytes.toString('utf8', 4, headStart);
      } else {
        text = bytes.toString('utf8');
      }
      block = this.keep(text, head);
    }
    this.recent.set(b, block);
    return block;
  }

  /** A block for `text`, its UTF-16 written in the slot of the least recently used block when the cache is full. */
  private keep(text: string, head: Uint8Array | undefined): Block {
    let slot = this.recent.size;
    const oldest = slot >= RECENT_BLOCKS ? this.recent.entries().next() : undefined;
    if (oldest && !oldest.done) {
      this.recent.delete(oldest.value[0]);
      slot = oldest.value[1].slot;
    }
    const bytes = 2 * text.length;
    // Longer than a slot only in a damaged file (its checksum is checked after it opens): never over the next slot.
    if (bytes > SLOT_BYTES) return { text: Buffer.from(text, 'utf16le'), slot, head };
    this.slots ??= Buffer.allocUnsafe(RECENT_BLOCKS * SLOT_BYTES);
    const at = slot * SLOT_BYTES;
    this.slots.write(text, at, bytes, 'utf16le');
    return { text: this.slots.subarray(at, at + bytes), slot, head };
  }
}
