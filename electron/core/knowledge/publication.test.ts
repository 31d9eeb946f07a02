// The manifest of a content folder: plain content files inside it only, hashed once per version of each file,
// and the persisted index described by its first bytes.
import { mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../search/analyzer';
import { encodeIndexFile } from '../search/index-file';
import { persistText, readIndexHeader, indexFile } from '../search/persist';
import { SEARCH_DATA_FORMAT } from '../search/search-data';
import { MAX_CONTENT_FILE_BYTES } from './content-files';
import { ContentHasher } from './content-manifest';
import { sha256Of } from '../hash';
import { ContentPublication } from './publication';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'infocite-manifest-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('ContentHasher', () => {
  it('lists the content files only: no hidden, README, other kinds, links or oversized files', () => {
    const outside = folder({ 'secret.md': 'dehors' });
    const dir = folder({
      'fiches/a.md': 'A',
      'synonymes.yml': '[]',
      'fiches/.a.md.0123456789ab.tmp': 'temporaire',
      '.git/x.md': 'git',
      'README.md': 'lisez-moi',
      'notes.txt': 'notes',
      'gros.md': 'x'.repeat(MAX_CONTENT_FILE_BYTES + 1),
    });
    symlinkSync(join(outside, 'secret.md'), join(dir, 'lien.md'));
    symlinkSync(outside, join(dir, 'dossier-lie'));
    expect(new ContentHasher(dir).list()).toEqual([
      { path: 'fiches/a.md', sha256: sha256Of('A'), size: 1 },
      { path: 'synonymes.yml', sha256: sha256Of('[]'), size: 2 },
    ]);
  });

  it('hashes a file again only when its modification time or size changed', () => {
    const dir = folder({ 'a.md': 'avant' });
    // Whole seconds, which utimes sets exactly.
    const atime = new Date('2026-11-23T09:00:00Z');
    const mtime = atime;
    utimesSync(join(dir, 'a.md'), atime, mtime);
    const hasher = new ContentHasher(dir);
    expect(hasher.list()[0]?.sha256).toBe(sha256Of('avant'));
    // Same size, same time: taken from the cache (which is why the bytes are not read again).
    writeFileSync(join(dir, 'a.md'), 'apres');
    utimesSync(join(dir, 'a.md'), atime, mtime);
    expect(hasher.list()[0]?.sha256).toBe(sha256Of('avant'));
    utimesSync(join(dir, 'a.md'), atime, new Date(mtime.getTime() + 1000));
    expect(hasher.list()[0]?.sha256).toBe(sha256Of('apres'));
  });
});

describe('ContentPublication', () => {
  it('publishes the persisted index with its header and hash, and a new version when it changes', () => {
    const contentDir = folder({ 'a.md': 'A' });
    const dataDir = mkdtempSync(join(tmpdir(), 'infocite-data-'));
    const publication = new ContentPublication({ contentDir, dataDir });
    expect(publication.manifest().index).toBeNull();

    const json = encodeIndexFile(
      { format: SEARCH_DATA_FORMAT, analyzerVersion: ANALYZER_VERSION, contentHash: 'abc:"x"', builtAt: '…' },
      [],
    );
    persistText(dataDir, json);
    expect(readIndexHeader(indexFile(dataDir))).toEqual({
      format: SEARCH_DATA_FORMAT,
      analyzerVersion: ANALYZER_VERSION,
      contentHash: 'abc:"x"',
    });
    const manifest = publication.manifest();
    expect(manifest.index).toEqual({
      format: SEARCH_DATA_FORMAT,
      analyzerVersion: ANALYZER_VERSION,
      contentHash: 'abc:"x"',
      sha256: sha256Of(json),
      size: json.length,
    });
    expect(publication.indexPath(sha256Of(json))).toBe(indexFile(dataDir));
    expect(publication.file(sha256Of('A'))?.toString()).toBe('A');
    expect(publication.file(sha256Of('B'))).toBeNull();
  });

  it('does not publish an index it cannot describe', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'infocite-data-'));
    persistText(dataDir, Buffer.from('{"analyzerVersion":1}'));
    expect(readIndexHeader(indexFile(dataDir))).toBeUndefined();
    const publication = new ContentPublication({ contentDir: folder({}), dataDir });
    expect(publication.manifest().index).toBeNull();
  });
});
