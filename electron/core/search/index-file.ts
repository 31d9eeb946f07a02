// The container of the persisted search index: a small header, then sections of bytes, each starting on an
// 8-byte boundary so typed arrays (postings) are read in place, without a copy. The header says what the index
// was built from (format, analyzer version, content hash), how long the file is, and a CRC-32 of everything
// after the checksum itself: a cut, truncated or corrupted file is recognised at load and rebuilt.
//
//   0  8 bytes  magic "ICSRCH\0\x01"
//   8  u32      format (SEARCH_DATA_FORMAT)
//  12  u32      analyzer version
//  16  u32      total bytes of the file
//  20  u32      CRC-32 of bytes 24…end
//  24  u32      section count n
//  28  u32      content hash length h, then h bytes of UTF-8
//   …  u32      built-at length b, then b bytes of UTF-8
//   …  n × (u32 offset, u32 length), then padding to 8, then the sections
// Numbers are little-endian, as typed arrays are on every platform Electron runs on.
import * as zlib from 'node:zlib';

const MAGIC = Buffer.from('ICSRCH\0\x01', 'latin1');
const CHECKED_FROM = 24;

export interface IndexFileHeader {
  format: number;
  analyzerVersion: number;
  contentHash: string;
  builtAt: string;
}

const align8 = (n: number) => (n + 7) & ~7;

/**
 * The CRC-32 of `bytes`, continuing from `previous`, the CRC-32 of the bytes before them (zlib's, native: every
 * runtime the app supports has it — Node 20.15 and later, Electron's own).
 */
export function crc32(bytes: Uint8Array, previous = 0): number {
  return zlib.crc32(bytes, previous);
}

/** Bytes checked per step of `checksumMatchesInSteps`: a few milliseconds. */
const CHECKED_PER_STEP = 2 * 1024 * 1024;

/**
 * Whether an index file's checksum matches, computed a step at a time (see `stepThrough`). A persisted index is
 * opened without it and checked so while it already answers: on 20,000 fiches the checksum of the whole file
 * was a fifth of the time to the first result. Its sizes and the shapes of what a load reads are checked at
 * once all the same (`readIndexFile`).
 */
export function* checksumMatchesInSteps(bytes: Uint8Array): Generator<void, boolean> {
  if (bytes.length < CHECKED_FROM) return false;
  const expected = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(20, true);
  let crc = 0;
  for (let at = CHECKED_FROM; at < bytes.length; at += CHECKED_PER_STEP) {
    crc = crc32(bytes.subarray(at, Math.min(bytes.length, at + CHECKED_PER_STEP)), crc);
    yield;
  }
  return crc === expected;
}

/** The file's bytes: one ArrayBuffer of its own, so it can be transferred to another thread without a copy. */
export function encodeIndexFile(header: IndexFileHeader, sections: readonly Uint8Array[]): Uint8Array {
  const hash = Buffer.from(header.contentHash, 'utf8');
  const built = Buffer.from(header.builtAt, 'utf8');
  const tableAt = 32 + hash.length + 4 + built.length;
  let offset = align8(tableAt + 8 * sections.length);
  const offsets = sections.map((section) => {
    const at = offset;
    offset = align8(offset + section.length);
    return at;
  });
  const out = new Uint8Array(offset);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint32(8, header.format, true);
  view.setUint32(12, header.analyzerVersion, true);
  view.setUint32(16, out.length, true);
  view.setUint32(24, sections.length, true);
  view.setUint32(28, hash.length, true);
  out.set(hash, 32);
  view.setUint32(32 + hash.length, built.length, true);
  out.set(built, 36 + hash.length);
  sections.forEach((section, i) => {
    view.setUint32(tableAt + 8 * i, offsets[i] ?? 0, true);
    view.setUint32(tableAt + 8 * i + 4, section.length, true);
    out.set(section, offsets[i] ?? 0);
  });
  view.setUint32(20, crc32(out.subarray(CHECKED_FROM)), true);
  return out;
}

/**
 * What the first bytes of an index file say of it, without reading the rest; undefined when they are not an
 * index file's (another format, a JSON index of an older version, garbage).
 */
export function readIndexFileHeader(bytes: Uint8Array): IndexFileHeader | undefined {
  const size = headerBytes(bytes);
  if (size === undefined || size > bytes.length) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hashLength = view.getUint32(28, true);
  const text = (from: number, length: number) =>
    Buffer.from(bytes.buffer, bytes.byteOffset + from, length).toString('utf8');
  return {
    format: view.getUint32(8, true),
    analyzerVersion: view.getUint32(12, true),
    contentHash: text(32, hashLength),
    builtAt: text(36 + hashLength, size - 36 - hashLength),
  };
}

/**
 * How many bytes hold the header of the file that starts with `bytes` (at least 36 of them; more than `bytes`
 * when they are cut short), or undefined when they are no index file's. The one reader of the header's lengths.
 */
export function headerBytes(bytes: Uint8Array): number | undefined {
  if (bytes.length < 36 || !MAGIC.equals(bytes.subarray(0, 8))) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hashLength = view.getUint32(28, true);
  if (36 + hashLength > bytes.length) return 36 + hashLength;
  return 36 + hashLength + view.getUint32(32 + hashLength, true);
}

export class DamagedIndexError extends Error {}

/**
 * The sections of an index file, as views of `bytes` (no copy). Throws DamagedIndexError when the file is cut,
 * its sizes do not add up or, with `verify`, its checksum does not match: bytes handed over by the worker that
 * built them are not checked again.
 */
export function readIndexFile(
  bytes: Uint8Array,
  verify: boolean,
): { header: IndexFileHeader; sections: Uint8Array[] } {
  const header = readIndexFileHeader(bytes);
  if (!header) throw new DamagedIndexError('not an index file, or its header is cut');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(16, true) !== bytes.length) throw new DamagedIndexError('the index file is cut');
  if (verify && crc32(bytes.subarray(CHECKED_FROM)) !== view.getUint32(20, true))
    throw new DamagedIndexError('the index file is corrupted (checksum)');
  const count = view.getUint32(24, true);
  const tableAt = headerBytes(bytes) ?? bytes.length;
  if (tableAt + 8 * count > bytes.length) throw new DamagedIndexError('the index file is cut');
  const sections: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const offset = view.getUint32(tableAt + 8 * i, true);
    const length = view.getUint32(tableAt + 8 * i + 4, true);
    if (offset % 8 !== 0 || offset + length > bytes.length)
      throw new DamagedIndexError('the index file has a section out of bounds');
    sections.push(bytes.subarray(offset, offset + length));
  }
  return { header, sections };
}
