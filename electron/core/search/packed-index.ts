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
import { BlobTable, encodeBlobs, encodeByteBlobs, encodeStrings, StringTable } from './string-table';
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
  SnippetTexts: 21,
  SnippetWords: 22,
  Count: 23,
} as const;
type Section = (typeof Section)[keyof typeof Section] | number;

/**
 * The fiches' metadata is parsed by chunks of this many: a swap decodes one chunk per turn of the event loop,
 * so even 20,000 fiches never hold the main thread more than a few milliseconds at a time.
 */
const FICHES_PER_CHUNK = 250;

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
    bytesOf(table.docs),
    bytesOf(table.weights),
    bytesOf(table.fieldBits),
  ];
}

function withoutBody<T extends { body: string }>(item: T): Omit<T, 'body'> {
  const { body: _body, ...rest } = item;
  return rest;
}

/**
 * The search data in the binary layout: the bytes persisted, shipped to desks and handed over by the worker.
 * `compress`: bodies and snippet texts deflated (for a file; an engine made in the process may skip it).
 */
export function encodeSearchData(data: SearchData, compress = true): Uint8Array {
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
    encodeBlobs([
      JSON.stringify({ ...knowledge, fiches: [], contacts: knowledge.contacts.map(withoutBody) }),
      ...chunks(knowledge.fiches, FICHES_PER_CHUNK).map((chunk) => JSON.stringify(chunk.map(withoutBody))),
    ]),
    encodeBlobs(
      [...knowledge.fiches, ...knowledge.contacts].map((item) => item.body),
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
    encodeBlobs(snippets.texts, compress),
    encodeByteBlobs(snippets.words),
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

/** Gives each item a `body` read from the file when first asked for (most bodies are never read). */
function attachBodies(items: ReadonlyArray<Fiche | Contact>, bodies: BlobTable, first: number): void {
  items.forEach((item, i) => {
    const settle = (value: string) =>
      Object.defineProperty(item, 'body', { value, writable: true, configurable: true, enumerable: true });
    Object.defineProperty(item, 'body', {
      configurable: true,
      enumerable: true,
      get: () => {
        const body = bodies.text(first + i);
        settle(body);
        return body;
      },
      set: settle,
    });
  });
}

/** Snippet texts kept inflated: a few pages of results. */
const RECENT_TEXTS = 100;

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
  for (let i = 1; i < parts.length; i++) {
    yield;
    const chunk = JSON.parse(parts.text(i)) as Fiche[];
    if (!Array.isArray(chunk)) throw new DamagedIndexError('the index file has a misshapen knowledge base');
    for (const fiche of chunk) knowledge.fiches.push(fiche);
  }
  yield;
  const bodies = new BlobTable(section(Section.Bodies));
  if (
    knowledge.fiches.length !== meta.fiches ||
    knowledge.contacts.length !== meta.contacts ||
    bodies.length !== meta.fiches + meta.contacts
  )
    throw new DamagedIndexError('the index file has a misshapen knowledge base');
  attachBodies(knowledge.fiches, bodies, 0);
  attachBodies(knowledge.contacts, bodies, meta.fiches);
  yield;
  const fiches = postingTable(sections, Section.FicheTerms, meta.ficheFields);
  const contacts = postingTable(sections, Section.ContactTerms, meta.contactFields);
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
  };
}

function postingTable(sections: Uint8Array[], first: Section, fields: string[]): PostingTable {
  const section = (which: Section) => sectionOf(sections, which);
  const terms = new StringTable(section(first));
  const refs = new StringTable(section(first + 1)).all() as string[];
  const offsets = typed(section(first + 2), 4, (b, o, n) => new Uint32Array(b, o, n));
  const docs = typed(section(first + 3), 4, (b, o, n) => new Int32Array(b, o, n));
  const weights = typed(section(first + 4), 4, (b, o, n) => new Float32Array(b, o, n));
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

  /** `verify`: check the checksum (a file read from disk); bytes just built by the worker are not. */
  constructor(bytes: Uint8Array, verify: boolean, decoded?: Decoded) {
    let done = decoded;
    if (!done) {
      const steps = decode(bytes, verify);
      let step = steps.next();
      while (!step.done) step = steps.next();
      done = step.value;
    }
    this.bytes = done.bytes;
    this.header = done.header;
    this.sections = done.sections;
    this.knowledge = done.knowledge;
    this.fiches = done.fiches;
    this.contacts = done.contacts;
    this.words = done.words;
  }

  /**
   * The same, decoded a step per turn of the event loop: what a swap uses, so the main thread answers the
   * window between the steps (none takes more than a few milliseconds).
   */
  static async inSteps(bytes: Uint8Array, verify = false): Promise<PackedIndex> {
    const steps = decode(bytes, verify);
    let step = steps.next();
    while (!step.done) {
      await new Promise((resolve) => setImmediate(resolve));
      step = steps.next();
    }
    return new PackedIndex(step.value.bytes, verify, step.value);
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

  /** The snippet data: sorted terms and fiche ids, each fiche's text and words read when its snippet is cut. */
  snippets(): SnippetSource {
    const terms = new StringTable(this.section(Section.SnippetTerms));
    const ids = new StringTable(this.section(Section.SnippetIds));
    const texts = new BlobTable(this.section(Section.SnippetTexts));
    const words = new BlobTable(this.section(Section.SnippetWords));
    if (texts.length !== ids.length || words.length !== ids.length)
      throw new DamagedIndexError('the index file has misshapen snippets');
    // The texts of the last results shown, inflated once: the next keystroke mostly shows the same fiches.
    const recent = new Map<number, string>();
    return {
      indexOf: (id) => ids.indexOf(id),
      text: (doc) => {
        let text = recent.get(doc);
        if (text === undefined) {
          text = texts.text(doc);
          if (recent.size >= RECENT_TEXTS) recent.delete(recent.keys().next().value ?? doc);
          recent.set(doc, text);
        }
        return text;
      },
      words: (doc) => words.bytes(doc),
      termNumber: (term) => terms.indexOf(term),
      termCount: terms.length,
    };
  }
}
