// Issue 17: the content watcher's failures and a damaged persisted index are reported and worked around, never
// fatal.
import type { FSWatcher } from 'chokidar';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ficheFile, sampleContent, writeContentFolder } from '../../../dev/test-support/content';
import { checksumMatchesInSteps, encodeIndexFile, readIndexFileHeader } from './index-file';
import { indexFile, removeLeftoverIndexFiles } from './persist';
import { FOLDER_PROBLEM_PATH, SearchService } from './search-service';
import { runAtOnce } from '../steps';

const workerFile = fileURLToPath(new URL('./index-worker.ts', import.meta.url));
const services: SearchService[] = [];
const folders: string[] = [];

function folder(prefix = 'infocite-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

function start(contentDir: string, dataDir: string, watch = false): SearchService {
  const service = new SearchService({
    contentDir,
    dataDir,
    workerFile,
    watch,
    debounceMs: 50,
    pollIntervalMs: 100,
  });
  services.push(service);
  return service;
}

afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function until(check: () => boolean, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The service's current watcher: the test stands in for the system, whose file events may fail. */
function watcherOf(service: SearchService): FSWatcher {
  return (service as unknown as { watcher: FSWatcher }).watcher;
}

describe('search service, hostile folders', () => {
  it('survives a symlink loop created while watching, and reports it', async () => {
    const content = writeContentFolder(sampleContent(), folder());
    const service = start(content, folder(), true);
    await service.ready();
    await service.watching();
    symlinkSync('..', join(content, 'fiches', 'boucle'));
    await until(() =>
      service
        .current()
        .knowledge.problems.some((p) => p.path === 'fiches/boucle' && p.message.includes('en boucle')),
    );
    await until(() => service.status().state === 'ready');
    expect(service.status()).toMatchObject({ state: 'ready', fiches: 6 });
    // Still watching: a new fiche is found.
    writeFileSync(join(content, 'fiches', 'piscine.md'), ficheFile('piscine', { titre: 'Piscine' }).text);
    await until(() => service.current().fiche('piscine') !== undefined);
  });

  it('reports a watcher error, switches to polling and keeps following the folder', async () => {
    const content = writeContentFolder(sampleContent(), folder());
    const service = start(content, folder(), true);
    await service.ready();
    await service.watching();
    const failing = watcherOf(service);
    failing.emit(
      'error',
      Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), {
        code: 'ENOSPC',
      }),
    );
    await until(() => service.current().knowledge.problems.some((p) => p.path === FOLDER_PROBLEM_PATH));
    const problem = service.current().knowledge.problems.find((p) => p.path === FOLDER_PROBLEM_PATH);
    expect(problem?.message).toContain('le système ne permet pas de surveiller plus de fichiers');
    expect(service.status().error).toBe(problem?.message);
    await until(() => service.status().state === 'ready');
    expect(watcherOf(service)).not.toBe(failing);
    expect(watcherOf(service).options.usePolling).toBe(true);
    await service.watching();

    writeFileSync(join(content, 'fiches', 'piscine.md'), ficheFile('piscine', { titre: 'Piscine' }).text);
    await until(() => service.current().fiche('piscine') !== undefined);

    // The polling watcher failing too is reported, still not fatal.
    watcherOf(service).emit('error', Object.assign(new Error('EACCES'), { code: 'EACCES' }));
    await until(() => service.status().error?.includes('accès refusé') === true);
  });

  it('rebuilds a persisted index of the right version that is cut, corrupted or misshapen', async () => {
    const content = writeContentFolder(sampleContent(), folder());
    const data = folder();
    const first = start(content, data);
    await first.ready();
    const whole = readFileSync(indexFile(data));
    const header = readIndexFileHeader(whole);
    if (!header) throw new Error('no header');
    const damaged: Array<[string, Uint8Array]> = [
      ['cut', whole.subarray(0, Math.floor(whole.length * 0.6))],
      [
        'one byte flipped',
        Uint8Array.from(whole, (byte, i) => (i === whole.length >> 1 ? byte ^ 0x5a : byte)),
      ],
      // A whole file with a valid checksum whose sections are not the index's: refused by their shapes.
      ['misshapen', encodeIndexFile(header, [Buffer.from('{}'), Buffer.from('{"fiches":"x"}')])],
      [
        'misshapen postings',
        encodeIndexFile(
          header,
          Array.from({ length: 23 }, () => new Uint8Array(3)),
        ),
      ],
    ];
    for (const [what, bytes] of damaged) {
      writeFileSync(indexFile(data), bytes);
      const next = start(content, data);
      expect(next.status().fromCache, what).toBe(false);
      await next.ready();
      expect(next.status(), what).toMatchObject({ state: 'ready', fiches: 6 });
      expect(next.current().search('passeport').results[0]?.id, what).toBe('passeport');
    }
    // Each rebuild wrote a whole index again, which the next start loads.
    const last = start(content, data);
    expect(last.status().fromCache).toBe(true);
    expect(last.current().search('passeport').results[0]?.id).toBe('passeport');
  });

  it('answers from a persisted index at once, then rebuilds it when its checksum, checked meanwhile, fails', async () => {
    const content = writeContentFolder(sampleContent(), folder());
    const data = folder();
    await start(content, data).ready();
    const whole = readFileSync(indexFile(data));
    // The last byte is in the snippet texts, which a load does not read: only the checksum can tell.
    writeFileSync(
      indexFile(data),
      Uint8Array.from(whole, (byte, i) => (i === whole.length - 1 ? byte ^ 0x5a : byte)),
    );
    const next = start(content, data);
    const rebuilt = new Promise<void>((resolve) => next.onRebuilt(resolve));
    expect(next.status()).toMatchObject({ state: 'ready', fromCache: true });
    expect(next.current().search('passeport').results[0]?.id).toBe('passeport');
    await rebuilt;
    expect(next.status()).toMatchObject({ state: 'ready', fromCache: false, fiches: 6 });
    expect(next.current().search('passeport').results[0]?.id).toBe('passeport');
    // The rebuild wrote a whole index again, whose checksum matches.
    const again = readFileSync(indexFile(data));
    expect(runAtOnce(checksumMatchesInSteps(again))).toBe(true);
  });

  it('removes the temporary file of an index write that never finished, not one being written', () => {
    const data = folder();
    const dir = join(data, 'index');
    mkdirSync(dir);
    const old = join(dir, 'search-index.json.1234.1700000000000.tmp');
    const recent = join(dir, 'search-index.json.5678.1800000000000.tmp');
    writeFileSync(old, '{"format":');
    writeFileSync(recent, '{"format":');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(old, anHourAgo, anHourAgo);
    expect(removeLeftoverIndexFiles(data)).toEqual([old]);
    expect(readdirSync(dir)).toEqual(['search-index.json.5678.1800000000000.tmp']);
  });
});
