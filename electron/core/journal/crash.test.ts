// Nothing lost: a process killed with SIGKILL in the middle of a burst of logging loses no entry it had
// confirmed, and leaves a sound database.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Store } from '../store/store';
import { journalFixture } from '../../../dev/test-support/journal';

const CHILD = fileURLToPath(new URL('../../../dev/test-support/journal-crash-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs the child until it has confirmed `wanted` entries, kills it with SIGKILL, returns the ids it printed. */
function burstThenKill(dataDir: string, compteId: number, wanted: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, String(compteId)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    let errors = '';
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      if (!killed && buffer.split('\n').length > wanted) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`child ended on its own: ${errors}`));
      // Only complete lines are confirmations; a torn last line is not.
      const lines = buffer.split('\n').slice(0, -1);
      resolve(lines.map(Number));
    });
  });
}

describe('a crash in the middle of logging', () => {
  it('keeps every confirmed entry and a sound database, kill after kill', async () => {
    const fixture = journalFixture();
    const dataDir = dirname(fixture.store.file);
    const compteId = fixture.alice.compteId ?? 0;
    fixture.store.close();

    const confirmed: number[] = [];
    for (let round = 0; round < 3; round++) {
      const ids = await burstThenKill(dataDir, compteId, 300 + round * 250);
      expect(ids.length).toBeGreaterThanOrEqual(300);
      expect(ids.every((id) => Number.isInteger(id) && id > 0)).toBe(true);
      confirmed.push(...ids);

      // Straight after the kill: SQLite's own recovery of the WAL, then the app's own opening.
      const raw = new Database(join(dataDir, 'infocite.db'));
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      raw.close();
      const store = new Store(dataDir);
      const present = new Set(store.db.prepare('SELECT id FROM journal').pluck().all() as number[]);
      expect(confirmed.filter((id) => !present.has(id))).toEqual([]);
      expect(store.db.pragma('foreign_key_check')).toEqual([]);
      // Whole entries only: every confirmed contact that had fiches still has them.
      const orphans = store.db
        .prepare(
          "SELECT count(*) FROM journal WHERE issue IN ('repondu', 'oriente_fiche', 'transmis') AND id NOT IN " +
            '(SELECT entree_id FROM journal_fiches)',
        )
        .pluck()
        .get();
      expect(orphans).toBe(0);
      store.close();
    }
  }, 60_000);
});
