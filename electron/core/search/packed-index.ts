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
    utf8(
      JSON.stringify({
        ...knowledge,
        fiches: knowledge.fiches.map(withoutBody),
        contacts: knowledge.contacts.map(withoutBody),
      }),
    ),
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

/**
 * The persisted search data, read lazily from the file's bytes. Throws DamagedIndexError (or a JSON error) when
 * the bytes are not a whole index file: the caller rebuilds.
 */
export class PackedIndex {
  readonly header: IndexFileHeader;
  readonly knowledge: KnowledgeBase;
  readonly fiches: PostingTable;
  readonly contacts: PostingTable;
  readonly words: WordPrefixes;
  private readonly sections: Uint8Array[];

  /** `verify`: check the checksum (a file read from disk); bytes just built by the worker are not. */
  constructor(
    readonly bytes: Uint8Array,
    verify: boolean,
  ) {
    // Typed arrays are read in place: the file's bytes must start on an 8-byte boundary (a file read whole
    // has a buffer of its own; a slice of a shared pool would not).
    const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
    const { header, sections } = readIndexFile(aligned, verify);
    if (sections.length < Section.Count) throw new DamagedIndexError('the index file lacks sections');
    this.header = header;
    this.sections = sections;
    const text = (section: Section) => {
      const bytes = this.section(section);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    };
    const meta = JSON.parse(text(Section.Meta)) as Meta;
    this.knowledge = JSON.parse(text(Section.Knowledge)) as KnowledgeBase;
    if (
      this.knowledge.fiches.length !== meta.fiches ||
      this.knowledge.contacts.length !== meta.contacts ||
      !Array.isArray(this.knowledge.themes) ||
      !Array.isArray(this.knowledge.synonyms) ||
      !Array.isArray(this.knowledge.problems)
    )
      throw new DamagedIndexError('the index file has a misshapen knowledge base');
    const bodies = new BlobTable(this.section(Section.Bodies));
    if (bodies.length !== meta.fiches + meta.contacts)
      throw new DamagedIndexError('the index file has a misshapen knowledge base');
    attachBodies(this.knowledge.fiches, bodies, 0);
    attachBodies(this.knowledge.contacts, bodies, meta.fiches);
    this.fiches = this.postingTable(Section.FicheTerms, meta.ficheFields);
    this.contacts = this.postingTable(Section.ContactTerms, meta.contactFields);
    const words = new StringTable(this.section(Section.Words));
    const wordTerms = new StringTable(this.section(Section.WordTerms));
    if (words.length !== wordTerms.length) throw new DamagedIndexError('the index file has misshapen words');
    this.words = new WordPrefixes({ words, terms: wordTerms });
  }

  get contentHash(): string {
    return this.header.contentHash;
  }

  get builtAt(): string {
    return this.header.builtAt;
  }

  private section(section: Section): Uint8Array {
    const bytes = this.sections[section];
    if (!bytes) throw new DamagedIndexError('the index file lacks sections');
    return bytes;
  }

  private postingTable(first: Section, fields: string[]): PostingTable {
    const terms = new StringTable(this.section(first));
    const refs = new StringTable(this.section(first + 1)).all() as string[];
    const offsets = typed(this.section(first + 2), 4, (b, o, n) => new Uint32Array(b, o, n));
    const docs = typed(this.section(first + 3), 4, (b, o, n) => new Int32Array(b, o, n));
    const weights = typed(this.section(first + 4), 4, (b, o, n) => new Float32Array(b, o, n));
    const fieldBits = this.section(first + 5);
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
