// The search data in the binary layout of the persisted index (index-file.ts), and read back from it lazily:
// nothing is parsed at load but the fiches' and contacts' metadata (a few megabytes of JSON); the postings, the
// dictionaries and the snippet texts are views of the file's bytes, read term by term and result by result at
// query time, and a fiche's body is decoded when it is first read. Loading the national fiches' index is a
// matter of milliseconds instead of the second JSON.parse took, and a rebuilt index handed over by the worker
// (its bytes transferred, not copied) replaces the current one without pausing the main thread.
import type { Contact, Fiche, KnowledgeBase } from '../../../common/knowledge/types';
import type { IndexFileHeader } from './index-file';
import { DamagedIndexError, encodeIndexFile, readIndexFile } from './index-file';
import type { SearchData } from './search-data';
import type { SnippetSource } from './snippet-data';
import { sortedSnippets } from './snippet-data';
import { BlobTable, encodeBlobs, encodeStrings, StringTable } from './string-table';
import { runAtOnce, stepThrough } from '../steps';
import { encodeTextBlocks, TextBlocks } from './text-blocks';
import type { PostingTable, SerializedLunrIndex } from './term-index';
import { postingTableOf } from './term-index';
import { WordPrefixes } from './word-prefixes';

/** The sections of the file, in this order (a posting table is six in a row: terms to field bits). */
const Section = {
  Meta: 0,
  Knowledge: 1,
  Bodies: 2,
  FicheTerms: 3,
  FicheRefs: 4,
  FicheOffsets: 5,
  FicheDocs: 6,
  FicheWeights: 7,
  FicheFields: 8,
  ContactTerms: 9,
  ContactRefs: 10,
  ContactOffsets: 11,
  ContactDocs: 12,
  ContactWeights: 13,
  ContactFields: 14,
  Words: 15,
  WordTerms: 16,
  SurfaceTerms: 17,
  SurfaceWords: 18,
  SnippetTerms: 19,
  SnippetIds: 20,
  /** Each fiche's text in blocks, its words carried by its first block (text-blocks.ts). */
  SnippetTexts: 21,
  Count: 22,
} as const;
type Section = (typeof Section)[keyof typeof Section] | number;

/** The sections' names, by number (the size report of scripts/bench/index-size.ts). */
export const SECTION_NAMES: readonly string[] = Object.keys(Section).filter((name) => name !== 'Count');

/**
 * The fiches' metadata is parsed by chunks of this many: a swap decodes one chunk per turn of the event loop,
 * so even 20,000 fiches never hold the main thread more than a few milliseconds at a time (250 took up to 37 ms
 * a chunk on a desk busy with the worker's build and collections). Files written with other chunks read the same.
 */
const FICHES_PER_CHUNK = 125;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface Meta {
  ficheFields: string[];
  contactFields: string[];
  fiches: number;
  contacts: number;
}

const bytesOf = (array: ArrayBufferView) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

function postingSections(table: PostingTable): Uint8Array[] {
  return [
    encodeStrings(table.terms.all()),
    encodeStrings(table.refs),
    bytesOf(table.offsets),
    encodeDocs(table.docs, table.refs.length),
    encodeWeights(table.weights),
    bytesOf(table.fieldBits),
  ];
}

/**
 * Document numbers in two bytes each when every one fits (fewer than 65,536 documents: 20,000 fiches do), else
 * four. The first u32 says which: the section is read back into the Int32Array the ranking reads.
 */
function encodeDocs(docs: Int32Array, documents: number): Uint8Array {
  const narrow = documents <= 0xffff;
  const out = new Uint8Array(8 + docs.length * (narrow ? 2 : 4));
  new DataView(out.buffer).setUint32(0, narrow ? 2 : 4, true);
  if (narrow) new Uint16Array(out.buffer, 8, docs.length).set(docs);
  else new Int32Array(out.buffer, 8, docs.length).set(docs);
  return out;
}

/**
 * Postings widened per step of a swap: 20,000 fiches hold millions of them, a few tens of milliseconds to widen
 * at once; a million per step keeps each step to a few.
 */
const POSTINGS_PER_STEP = 1 << 20;

function* decodeDocs(bytes: Uint8Array): Generator<void, Int32Array> {
  if (bytes.length < 8) throw new DamagedIndexError('the index file has misshapen postings');
  const width = new DataView(bytes.buffer, bytes.byteOffset, 8).getUint32(0, true);
  const body = bytes.subarray(8);
  if (width === 4) return typed(body, 4, (b, o, n) => new Int32Array(b, o, n));
  if (width !== 2) throw new DamagedIndexError('the index file has misshapen postings');
  const narrow = typed(body, 2, (b, o, n) => new Uint16Array(b, o, n));
  const docs = new Int32Array(narrow.length);
  for (let from = 0; from < narrow.length; from += POSTINGS_PER_STEP) {
    docs.set(narrow.subarray(from, from + POSTINGS_PER_STEP), from);
    yield;
  }
  return docs;
}

/**
 * lunr's weights repeat (a term's weight depends on its frequency in the field and the field's length, both
 * small numbers): when they take fewer than 65,536 distinct values, each posting stores the two-byte number of
 * its value in a table of them. The weights read back are the very same floats, so the ranking is unchanged.
 * Layout: u32 count of distinct values (0: none, the weights follow as Float32), the values, the numbers.
 */
function encodeWeights(weights: Float32Array): Uint8Array {
  const numbers = new Map<number, number>();
  for (const weight of weights) {
    if (!numbers.has(weight)) numbers.set(weight, numbers.size);
    if (numbers.size > 0xffff) break;
  }
  if (numbers.size > 0xffff || numbers.size === 0) {
    const out = new Uint8Array(4 + weights.byteLength);
    out.set(bytesOf(weights), 4);
    return out;
  }
  const out = new Uint8Array(4 + 4 * numbers.size + 2 * weights.length);
  new DataView(out.buffer).setUint32(0, numbers.size, true);
  new Float32Array(out.buffer, 4, numbers.size).set([...numbers.keys()]);
  const indices = new Uint16Array(out.buffer, 4 + 4 * numbers.size, weights.length);
  weights.forEach((weight, i) => (indices[i] = numbers.get(weight) ?? 0));
  return out;
}

function* decodeWeights(bytes: Uint8Array): Generator<void, Float32Array> {
  if (bytes.length < 4) throw new DamagedIndexError('the index file has misshapen postings');
  const distinct = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
  if (distinct === 0) return typed(bytes.subarray(4), 4, (b, o, n) => new Float32Array(b, o, n));
  if (4 + 4 * distinct > bytes.length) throw new DamagedIndexError('the index file has misshapen postings');
  const values = typed(bytes.subarray(4, 4 + 4 * distinct), 4, (b, o, n) => new Float32Array(b, o, n));
  const indices = typed(bytes.subarray(4 + 4 * distinct), 2, (b, o, n) => new Uint16Array(b, o, n));
  const weights = new Float32Array(indices.length);
  for (let from = 0; from < indices.length; from += POSTINGS_PER_STEP) {
    const to = Math.min(indices.length, from + POSTINGS_PER_STEP);
    for (let i = from; i < to; i++) {
      const index = indices[i] ?? 0;
      if (index >= distinct) throw new DamagedIndexError('the index file has misshapen postings');
      weights[i] = values[index] ?? 0;
    }
    yield;
  }
  return weights;
}

function withoutBody<T extends { body: string }>(item: T): Omit<T, 'body'> {
  const { body: _body, ...rest } = item;
  return rest;
}

/**
 * The search data in the binary layout: the bytes persisted, shipped to desks and handed over by the worker.
 * `compress`: snippet texts and word positions deflated (for a file; an engine made in the process may skip
 * it). `withBodies`: the fiches' and contacts' markdown bodies stored too. A file leaves them out (they were a
 * fifth of it): every desk holds the content folder the index was built from, and the search service reads a
 * body from there when a fiche page asks for it (`PackedIndex.readBodiesWith`).
 */
export function encodeSearchData(data: SearchData, compress = true, withBodies = !compress): Uint8Array {
  const { knowledge } = data;
  const fiches = postingTableOf(data.fichesIndex as SerializedLunrIndex);
  const contacts = postingTableOf(data.contactsIndex as SerializedLunrIndex);
  const words = WordPrefixes.tablesOf(data.words);
  const surfaceTerms = Object.keys(data.surface).sort();
  const snippets = sortedSnippets(data.snippets);
  const meta: Meta = {
    ficheFields: fiches.fields,
    contactFields: contacts.fields,
    fiches: knowledge.fiches.length,
    contacts: knowledge.contacts.length,
  };
  const sections: Uint8Array[] = [
    utf8(JSON.stringify(meta)),
    encodeBlobs(
      [
        JSON.stringify({ ...knowledge, fiches: [], contacts: knowledge.contacts.map(withoutBody) }),
        ...chunks(knowledge.fiches, FICHES_PER_CHUNK).map((chunk) => JSON.stringify(chunk.map(withoutBody))),
        // Deflated too in a file (a fourth of its size): one chunk inflates in a step of the swap.
      ],
      compress,
    ),
    encodeBlobs(
      withBodies ? [...knowledge.fiches, ...knowledge.contacts].map((item) => item.body) : [],
      compress,
    ),
    ...postingSections(fiches),
    ...postingSections(contacts),
    encodeStrings(words.words),
    encodeStrings(words.terms),
    encodeStrings(surfaceTerms),
    encodeStrings(surfaceTerms.map((term) => data.surface[term] ?? term)),
    encodeStrings(snippets.terms),
    encodeStrings(snippets.ids),
    encodeTextBlocks(snippets.texts, compress, snippets.words),
  ];
  const header: IndexFileHeader = {
    format: data.format,
    analyzerVersion: data.analyzerVersion,
    contentHash: data.contentHash,
    builtAt: data.builtAt,
  };
  return encodeIndexFile(header, sections);
}

function typed<T>(
  bytes: Uint8Array | undefined,
  size: number,
  make: (buffer: ArrayBufferLike, offset: number, length: number) => T,
): T {
  if (!bytes || bytes.byteLength % size !== 0 || bytes.byteOffset % size !== 0)
    throw new DamagedIndexError('the index file has a misshapen section');
  return make(bytes.buffer, bytes.byteOffset, bytes.byteLength / size);
}

/**
 * Reads an item's markdown body from elsewhere (the content folder) when the index does not store it; undefined
 * when the item is no longer there.
 */
export type BodyReader = (item: Fiche | Contact) => string | undefined;

/**
 * What gives each item (at its position among the bodies) a `body` read when first asked for (most bodies are
 * never read): from the file's bodies when it stores them, else from the reader the search service gives
 * (`reader.read`), else empty. Every item gets the same getter and setter functions, its own state kept aside:
 * an accessor made of closures of its own gave each fiche a hidden class of its own, and every read of a fiche's
 * fields in the ranking went megamorphic.
 */
function bodyAttacher(
  bodies: BlobTable,
  first: number,
  reader: { read?: BodyReader },
): (item: Fiche | Contact, position: number) => void {
  const stored = bodies.length > 0;
  const positions = new WeakMap<object, number>();
  const settled = new WeakMap<object, string>();
  const accessor: PropertyDescriptor & ThisType<Fiche | Contact> = {
    configurable: true,
    enumerable: true,
    get(this: Fiche | Contact): string {
      const known = settled.get(this);
      if (known !== undefined) return known;
      if (stored) {
        const body = bodies.text(first + (positions.get(this) ?? 0));
        settled.set(this, body);
        return body;
      }
      // Not kept once read: the folder's text may change before the next build, and a page is read seldom.
      return reader.read?.(this) ?? '';
    },
    set(this: Fiche | Contact, value: string): void {
      settled.set(this, value);
    },
  };
  return (item, position) => {
    positions.set(item, position);
    Object.defineProperty(item, 'body', accessor);
  };
}

/** A surface lookup: the word most often written for a term. */
export type SurfaceLookup = (term: string) => string | undefined;

interface Decoded {
  bytes: Uint8Array;
  header: IndexFileHeader;
  sections: Uint8Array[];
  knowledge: KnowledgeBase;
  fiches: PostingTable;
  contacts: PostingTable;
  words: WordPrefixes;
  bodyReader: { read?: BodyReader };
}

function sectionOf(sections: Uint8Array[], section: Section): Uint8Array {
  const bytes = sections[section];
  if (!bytes) throw new DamagedIndexError('the index file lacks sections');
  return bytes;
}

/**
 * Decodes what a load needs at once, in steps: each `yield` is a point where a swap lets the event loop run
 * (the metadata of the fiches is parsed a chunk per step). Everything else stays in the bytes.
 */
function* decode(input: Uint8Array, verify: boolean): Generator<void, Decoded> {
  // Typed arrays are read in place: the file's bytes must start on an 8-byte boundary (a file read whole
  // has a buffer of its own; a slice of a shared pool would not).
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const { header, sections } = readIndexFile(bytes, verify);
  if (sections.length < Section.Count) throw new DamagedIndexError('the index file lacks sections');
  const section = (which: Section) => sectionOf(sections, which);
  const meta = JSON.parse(Buffer.from(section(Section.Meta)).toString('utf8')) as Meta;
  const parts = new BlobTable(section(Section.Knowledge));
  if (parts.length < 1) throw new DamagedIndexError('the index file has a misshapen knowledge base');
  const knowledge = JSON.parse(parts.text(0)) as KnowledgeBase;
  if (
    !Array.isArray(knowledge.fiches) ||
    !Array.isArray(knowledge.contacts) ||
    !Array.isArray(knowledge.themes) ||
    !Array.isArray(knowledge.synonyms) ||
    !Array.isArray(knowledge.problems)
  )
    throw new DamagedIndexError('the index file has a misshapen knowledge base');
  const bodies = new BlobTable(section(Section.Bodies));
  const bodyReader: { read?: BodyReader } = {};
  // Each chunk's fiches get their body as they are parsed, in the same step.
  const attachFiche = bodyAttacher(bodies, 0, bodyReader);
  knowledge.fiches.forEach(attachFiche);
  for (let i = 1; i < parts.length; i++) {
    yield;
    const chunk = JSON.parse(parts.text(i)) as Fiche[];
    if (!Array.isArray(chunk)) throw new DamagedIndexError('the index file has a misshapen knowledge base');
    for (const fiche of chunk) attachFiche(fiche, knowledge.fiches.push(fiche) - 1);
  }
  yield;
  if (
    knowledge.fiches.length !== meta.fiches ||
    knowledge.contacts.length !== meta.contacts ||
    (bodies.length !== 0 && bodies.length !== meta.fiches + meta.contacts)
  )
    throw new DamagedIndexError('the index file has a misshapen knowledge base');
  knowledge.contacts.forEach(bodyAttacher(bodies, meta.fiches, bodyReader));
  yield;
  const fiches = yield* postingTable(sections, Section.FicheTerms, meta.ficheFields);
  yield;
  const contacts = yield* postingTable(sections, Section.ContactTerms, meta.contactFields);
  yield;
  const words = new StringTable(section(Section.Words));
  const wordTerms = new StringTable(section(Section.WordTerms));
  if (words.length !== wordTerms.length) throw new DamagedIndexError('the index file has misshapen words');
  return {
    bytes,
    header,
    sections,
    knowledge,
    fiches,
    contacts,
    words: new WordPrefixes({ words, terms: wordTerms }),
    bodyReader,
  };
}

function* postingTable(
  sections: Uint8Array[],
  first: Section,
  fields: string[],
): Generator<void, PostingTable> {
  const section = (which: Section) => sectionOf(sections, which);
  const terms = new StringTable(section(first));
  const refs = new StringTable(section(first + 1)).all() as string[];
  const offsets = typed(section(first + 2), 4, (b, o, n) => new Uint32Array(b, o, n));
  yield;
  const docs = yield* decodeDocs(section(first + 3));
  const weights = yield* decodeWeights(section(first + 4));
  const fieldBits = section(first + 5);
  if (
    !Array.isArray(fields) ||
    offsets.length !== terms.length + 1 ||
    docs.length !== weights.length ||
    docs.length !== fieldBits.length ||
    offsets[terms.length] !== docs.length
  )
    throw new DamagedIndexError('the index file has misshapen postings');
  let previous = 0;
  for (const offset of offsets) {
    if (offset < previous) throw new DamagedIndexError('the index file has misshapen postings');
    previous = offset;
  }
  return { fields, refs, terms, offsets, docs, weights, fieldBits };
}

/**
 * The persisted search data, read lazily from the file's bytes. Throws DamagedIndexError (or a JSON error) when
 * the bytes are not a whole index file: the caller rebuilds.
 */
export class PackedIndex {
  readonly bytes: Uint8Array;
  readonly header: IndexFileHeader;
  readonly knowledge: KnowledgeBase;
  readonly fiches: PostingTable;
  readonly contacts: PostingTable;
  readonly words: WordPrefixes;
  private readonly sections: Uint8Array[];
  private readonly bodyReader: { read?: BodyReader };

  /** `verify`: check the checksum (a file read from disk); bytes just built by the worker are not. */
  constructor(bytes: Uint8Array, verify: boolean, decoded?: Decoded) {
    const done = decoded ?? runAtOnce(decode(bytes, verify));
    this.bytes = done.bytes;
    this.header = done.header;
    this.sections = done.sections;
    this.knowledge = done.knowledge;
    this.fiches = done.fiches;
    this.contacts = done.contacts;
    this.words = done.words;
    this.bodyReader = done.bodyReader;
  }

  /** Where the bodies the file does not store are read from (the search service's content folder). */
  readBodiesWith(read: BodyReader): void {
    this.bodyReader.read = read;
  }

  /**
   * The same, decoded a step per turn of the event loop: what a swap uses, so the main thread answers the
   * window between the steps (none takes more than a few milliseconds).
   */
  static async inSteps(bytes: Uint8Array, verify = false): Promise<PackedIndex> {
    const decoded = await stepThrough(decode(bytes, verify));
    return new PackedIndex(decoded.bytes, verify, decoded);
  }

  get contentHash(): string {
    return this.header.contentHash;
  }

  get builtAt(): string {
    return this.header.builtAt;
  }

  private section(section: Section): Uint8Array {
    return sectionOf(this.sections, section);
  }

  /** The word most often written for each term, read when a suggestion needs one. */
  surface(): SurfaceLookup {
    const terms = new StringTable(this.section(Section.SurfaceTerms));
    const words = new StringTable(this.section(Section.SurfaceWords));
    return (term) => {
      const i = terms.indexOf(term);
      return i < 0 ? undefined : words.at(i);
    };
  }

  /**
   * The snippet data: sorted terms and fiche ids; of each fiche's text, only the block or two holding the
   * passage are inflated, the first with the fiche's words (see text-blocks.ts).
   */
  snippets(): SnippetSource {
    const terms = new StringTable(this.section(Section.SnippetTerms));
    const ids = new StringTable(this.section(Section.SnippetIds));
    let texts: TextBlocks;
    try {
      texts = new TextBlocks(this.section(Section.SnippetTexts));
    } catch {
      throw new DamagedIndexError('the index file has misshapen snippets');
    }
    if (texts.length !== ids.length) throw new DamagedIndexError('the index file has misshapen snippets');
    return {
      indexOf: (id) => ids.indexOf(id),
      text: (doc) => texts.text(doc),
      words: (doc) => texts.head(doc),
      termNumber: (term) => terms.indexOf(term),
      termCount: terms.length,
    };
  }
}
