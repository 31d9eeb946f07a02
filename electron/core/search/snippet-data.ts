// What a snippet needs, prepared once when the index is built (in the worker) and persisted with it: each
// fiche's body as plain text and the positions and terms of its words. A query then finds its matched words by
// comparing numbers, instead of rendering the markdown and analysing the whole body of every result again.
import type { Segment } from '../../../common/contract';
import { analyze } from './analyzer';
import type { SnippetHit } from './snippet';
import { MAX_SCANNED_TOKENS, snippetFromHits } from './snippet';

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

/** The snippets of one build's fiches. */
export class SnippetStore {
  private termIds: Map<string, number> | undefined;
  /** wantedStamp[term] === stamp: the term is matched by the current snippet's query (no set to fill). */
  private wantedStamp: Int32Array | undefined;
  private stamp = 0;
  /** The words of the fiches whose snippets were asked for, decoded once. */
  private readonly decoded = new Map<string, Uint8Array>();

  constructor(private readonly data: PersistedSnippets) {}

  has(id: string): boolean {
    return Object.hasOwn(this.data.docs, id);
  }

  /** The snippet of fiche `id` for the matched terms; undefined when this build does not hold the fiche. */
  snippet(id: string, matched: Iterable<string>): Segment[] | undefined {
    if (!this.has(id)) return undefined;
    const [text, packed] = this.data.docs[id] ?? ['', ''];
    // Built on the first snippet rather than at load: the start does not wait for it.
    this.termIds ??= new Map(this.data.terms.map((term, i) => [term, i]));
    const wanted = (this.wantedStamp ??= new Int32Array(this.data.terms.length));
    const stamp = ++this.stamp;
    let any = false;
    for (const term of matched) {
      const termId = this.termIds.get(term);
      if (termId !== undefined) {
        wanted[termId] = stamp;
        any = true;
      }
    }
    const hits: SnippetHit[] = [];
    if (any) {
      let bytes = this.decoded.get(id);
      if (!bytes) this.decoded.set(id, (bytes = Buffer.from(packed, 'base64')));
      let start = 0;
      let index = 0;
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
        if (wanted[termId] === stamp) hits.push({ index, start, term: termId });
        index++;
      }
    }
    return snippetFromHits(text, hits);
  }
}
