// What the city server publishes to its desks: the manifest of its content folder (each file's path, sha-256
// and size) and the search index it built, so that a desk fetches only what changed and, when its analyzer is
// the same, never builds the index itself. Files are served by their hash only, read from the paths the
// server's own walk found: a desk cannot name a path, so it cannot reach anything outside the folder.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { indexFile, readIndexHeader } from '../search/persist';
import { SEARCH_DATA_FORMAT } from '../search/search-data';
import { isInside } from './content-files';
import type { ManifestFile } from './content-manifest';
import { ContentHasher } from './content-manifest';
import { sha256Of } from '../hash';

export interface PublishedIndex {
  format: number;
  analyzerVersion: number;
  /** The content version it was built from (the hash of readContentFolder), which a desk checks. */
  contentHash: string;
  sha256: string;
  size: number;
}

export interface ContentManifest {
  /** The hash of the rest of the manifest: its ETag. */
  version: string;
  files: ManifestFile[];
  index: PublishedIndex | null;
}

export interface PublicationOptions {
  contentDir: string;
  dataDir: string;
  /**
   * A manifest older than this is listed again even if no change was announced (a core that does not watch
   * its folder); changes are otherwise announced by `invalidate()`, from the search service's rebuilds.
   */
  maxAgeMs?: number;
  now?: () => number;
}

interface IndexState {
  mtimeMs: number;
  size: number;
  published: PublishedIndex;
}

export class ContentPublication {
  private readonly hasher: ContentHasher;
  private current: { manifest: ContentManifest; at: number; bySha: Map<string, string> } | undefined;
  private index: IndexState | undefined;
  private readonly now: () => number;

  constructor(private readonly options: PublicationOptions) {
    this.hasher = new ContentHasher(options.contentDir);
    this.now = options.now ?? Date.now;
  }

  /** The folder or the index changed: the next manifest is listed again (only changed files are hashed). */
  invalidate(): void {
    this.current = undefined;
  }

  manifest(): ContentManifest {
    const maxAge = this.options.maxAgeMs ?? 30_000;
    // The index is written once per content version: one stat tells whether it changed since.
    if (this.current && this.now() - this.current.at < maxAge && this.indexUnchanged())
      return this.current.manifest;
    const files = this.hasher.list();
    const index = this.publishedIndex();
    const version = sha256Of(JSON.stringify({ files, index }));
    const bySha = new Map(files.map((file) => [file.sha256, file.path]));
    this.current = { manifest: { version, files, index }, at: this.now(), bySha };
    return this.current.manifest;
  }

  /** The bytes of the listed file whose hash is `sha256`, or null (unknown, or changed since it was listed). */
  file(sha256: string): Buffer | null {
    const path = this.manifestLookup(sha256);
    if (path === undefined) return null;
    let bytes: Buffer;
    try {
      const root = realpathSync(this.options.contentDir);
      const real = realpathSync(join(root, path));
      // The walk follows no link, but a folder could have been swapped for one since: checked again here.
      if (!isInside(root, real)) return null;
      bytes = readFileSync(real);
    } catch {
      this.invalidate();
      return null;
    }
    if (sha256Of(bytes) !== sha256) {
      this.invalidate();
      return null;
    }
    return bytes;
  }

  /** The index file's path when it is still the published version `sha256`, or null. */
  indexPath(sha256: string): string | null {
    const published = this.manifest().index;
    if (!published || published.sha256 !== sha256) return null;
    const file = indexFile(this.options.dataDir);
    try {
      const stat = statSync(file);
      if (stat.mtimeMs !== this.index?.mtimeMs || stat.size !== this.index.size) {
        this.invalidate();
        return null;
      }
    } catch {
      this.invalidate();
      return null;
    }
    return file;
  }

  private indexUnchanged(): boolean {
    try {
      const stat = statSync(indexFile(this.options.dataDir));
      return stat.mtimeMs === this.index?.mtimeMs && stat.size === this.index.size;
    } catch {
      return this.index === undefined;
    }
  }

  private manifestLookup(sha256: string): string | undefined {
    this.manifest();
    return this.current?.bySha.get(sha256);
  }

  /** The persisted index as published; hashed again only when the file changed. */
  private publishedIndex(): PublishedIndex | null {
    const file = indexFile(this.options.dataDir);
    let stat;
    try {
      stat = statSync(file);
    } catch {
      this.index = undefined;
      return null;
    }
    if (this.index && this.index.mtimeMs === stat.mtimeMs && this.index.size === stat.size)
      return this.index.published;
    const header = readIndexHeader(file);
    if (!header || header.format !== SEARCH_DATA_FORMAT) return null;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return null;
    }
    // Hashed from the bytes read, whose size may differ from the stat's if the file was replaced meanwhile:
    // the next listing sees a different stat and hashes again.
    const published: PublishedIndex = { ...header, sha256: sha256Of(bytes), size: bytes.length };
    this.index = { mtimeMs: stat.mtimeMs, size: stat.size, published };
    return published;
  }
}
