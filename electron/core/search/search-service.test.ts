import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentFolderError, readContentFolder } from '../knowledge/content-files';
import { ficheFile, sampleContent, writeContentFolder } from '../../../dev/test-support/content';
import { buildSearchData } from './index-build';
import { persist } from './persist';
import { SearchService } from './search-service';

const workerFile = fileURLToPath(new URL('./index-worker.ts', import.meta.url));
const services: SearchService[] = [];
const folders: string[] = [];

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'infocite-test-'));
  folders.push(dir);
  return dir;
}

function start(contentDir: string, dataDir: string, watch = false): SearchService {
  const service = new SearchService({ contentDir, dataDir, workerFile, watch, debounceMs: 50 });
  services.push(service);
  return service;
}

afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('search service', () => {
  it('builds in a worker, persists, and reloads the persisted index when the content is unchanged', async () => {
    const content = writeContentFolder(sampleContent(), folder());
    const data = folder();
    const first = start(content, data);
    expect(first.status().state).toBe('building');
    await first.ready();
    expect(first.status()).toMatchObject({ state: 'ready', fromCache: false, fiches: 6, contacts: 2 });
    expect(first.current().search('passeport').results[0]?.id).toBe('passeport');

    const second = start(content, data);
    expect(second.status()).toMatchObject({ state: 'ready', fromCache: true });
    expect(second.current().search('passeport').results[0]?.id).toBe('passeport');
    // The file does not store the bodies: the fiche page reads them from the folder, from either index.
    const body = sampleContent()
      .find((file) => file.path === second.current().fiche('passeport')?.path)
      ?.text.split('---\n')
      .slice(2)
      .join('---\n')
      .trim();
    expect(body?.length).toBeGreaterThan(20);
    // Exactly as the parser cuts it (trimmed), though only the front-matter is split off.
    expect(second.current().fiche('passeport')?.body).toBe(body);
    expect(first.current().fiche('passeport')?.body).toBe(body);

    writeFileSync(
      join(content, 'fiches', 'nouvelle.md'),
      ficheFile('nouvelle', { titre: 'Piscine municipale' }).text,
    );
    const third = start(content, data);
    expect(third.status().fromCache).toBe(false);
    await third.ready();
    expect(
      third
        .current()
        .search('piscine')
        .results.map((h) => h.id),
    ).toEqual(['nouvelle']);
  });

  it('prepares an engine loaded from disk while it already answers, so a first search makes nothing', async () => {
    const content = writeContentFolder(sampleContent(), folder());
    const data = folder();
    await start(content, data).ready();
    const compare = vi.spyOn(String.prototype, 'localeCompare');
    try {
      const loaded = start(content, data);
      expect(loaded.status().fromCache).toBe(true);
      // A few turns of the event loop: the preparation runs a step per turn.
      for (let turn = 0; turn < 50; turn++) await new Promise((resolve) => setImmediate(resolve));
      compare.mockClear();
      expect(loaded.current().search('passeport').results[0]?.id).toBe('passeport');
      // Unprepared, the first search would order the refs (the ranking's ties) itself.
      expect(compare).not.toHaveBeenCalled();
    } finally {
      compare.mockRestore();
    }
  });

  it('loads an index installed for the new content (a desk’s mirror ships the server’s) instead of building', async () => {
    const content = writeContentFolder(sampleContent(), folder());
    const data = folder();
    const service = start(content, data);
    await service.ready();
    // The server's folder has one more fiche, and the index it built from it.
    const extra = ficheFile('piscine', { titre: 'Piscine municipale' });
    const serverFolder = writeContentFolder([...sampleContent(), extra], folder());
    const server = readContentFolder(serverFolder);
    persist(data, buildSearchData(server.files, server.hash));

    writeFileSync(join(content, extra.path), extra.text);
    await service.rebuild();
    expect(service.status()).toMatchObject({ state: 'ready', fromCache: true });
    expect(service.current().contentHash).toBe(server.hash);
    expect(
      service
        .current()
        .search('piscine')
        .results.map((hit) => hit.id),
    ).toEqual(['piscine']);
  });

  it('rebuilds when a file of the content folder changes, and reports a broken file without losing the rest', async () => {
    const content = writeContentFolder(sampleContent(), folder());
    const service = start(content, folder(), true);
    await service.ready();
    await service.watching();
    const rebuilt = new Promise<void>((resolve) => service.onRebuilt(resolve));
    writeFileSync(
      join(content, 'fiches', 'piscine.md'),
      ficheFile('piscine', { titre: 'Piscine municipale' }).text,
    );
    writeFileSync(join(content, 'fiches', 'casse.md'), '---\nid: casse\n---\n');
    await rebuilt;
    await service.ready();
    const engine = service.current();
    expect(engine.search('piscine').results.map((h) => h.id)).toEqual(['piscine']);
    expect(engine.search('passeport').results[0]?.id).toBe('passeport');
    expect(engine.knowledge.problems.map((p) => p.path)).toContain('fiches/casse.md');
  });

  it('lays changed fiches over the index at once, then replaces it with the full rebuild', async () => {
    const content = writeContentFolder(sampleContent(), folder());
    const service = start(content, folder(), true);
    await service.ready();
    await service.watching();
    const states: boolean[] = [];
    const full = new Promise<void>((resolve) =>
      service.onRebuilt(() => {
        states.push(service.current().partial);
        if (!service.current().partial) resolve();
      }),
    );
    writeFileSync(
      join(content, 'fiches', 'piscine.md'),
      ficheFile('piscine', { titre: 'Piscine municipale' }).text,
    );
    writeFileSync(
      join(content, 'fiches', 'passeport.md'),
      ficheFile('passeport', { titre: 'Passeport express' }).text,
    );
    rmSync(join(content, 'fiches', 'encombrants.md'));
    await expect.poll(() => states.length, { timeout: 5000 }).toBeGreaterThan(0);
    expect(states[0]).toBe(true);
    const check = () => {
      const engine = service.current();
      expect(engine.search('piscine').results.map((h) => h.id)).toEqual(['piscine']);
      expect(engine.search('express').results.map((h) => h.id)).toEqual(['passeport']);
      expect(engine.search('timbre fiscal').results).toEqual([]);
      expect(engine.search('encombrants').results).toEqual([]);
      expect(engine.fiche('encombrants')).toBeUndefined();
      expect(engine.knowledge.fiches.map((f) => f.id).sort()).toEqual([
        'acte',
        'brouillon',
        'cni',
        'logement',
        'passeport',
        'piscine',
      ]);
    };
    check();
    await full;
    check();
  });

  it('refuses a content folder that does not exist, in French', () => {
    expect(() => start(join(tmpdir(), 'infocite-absent-folder'), folder())).toThrow(ContentFolderError);
    expect(() => start(join(tmpdir(), 'infocite-absent-folder'), folder())).toThrow(/n'existe pas/);
  });

  it('answers "building" rather than nothing while the first index is built', () => {
    const service = start(writeContentFolder(sampleContent(), folder()), folder());
    expect(() => service.current()).toThrow(/en cours de construction/);
  });
});
