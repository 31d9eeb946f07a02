// Nothing lost: a process killed with SIGKILL in the middle of a burst of logging loses no entry it had
// confirmed, and leaves a sound database.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { burstThenKill } from '../../../dev/test-support/burst-then-kill';
import { sql } from '../store/db';
import { Store } from '../store/store';
import { journalFixture } from '../../../dev/test-support/journal';

const CHILD = fileURLToPath(new URL('../../../dev/test-support/journal-crash-child.ts', import.meta.url));

describe('a crash in the middle of logging', () => {
  it('keeps every confirmed entry and a sound database, kill after kill', async () => {
    const fixture = await journalFixture();
    const dataDir = dirname(fixture.store.file);
    const compteId = fixture.alice.compteId ?? 0;
    await fixture.store.close();

    const confirmed: number[] = [];
    for (let round = 0; round < 3; round++) {
      const ids = (await burstThenKill(CHILD, [dataDir, String(compteId)], 300 + round * 250)).map(Number);
      expect(ids.length).toBeGreaterThanOrEqual(300);
      expect(ids.every((id) => Number.isInteger(id) && id > 0)).toBe(true);
      confirmed.push(...ids);

      // Straight after the kill: SQLite's own recovery of the WAL, then the app's own opening.
      // (SQLite's own checks, on a plain connection to the file: this test is about SQLite's WAL.)
      const raw = new Database(join(dataDir, 'infocite.db'));
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(raw.pragma('foreign_key_check')).toEqual([]);
      raw.close();
      const store = new Store(dataDir);
      const present = new Set(
        (await store.db.all<{ id: number }>(sql`SELECT id FROM journal`)).map((row) => row.id),
      );
      expect(confirmed.filter((id) => !present.has(id))).toEqual([]);
      // Whole entries only: every confirmed contact that had fiches still has them.
      const orphans = await store.db.value<number>(
        sql`SELECT count(*) FROM journal WHERE issue IN ('repondu', 'oriente_fiche', 'transmis')
            AND id NOT IN (SELECT entree_id FROM journal_fiches)`,
      );
      expect(orphans).toBe(0);
      await store.close();
    }
  }, 60_000);
});
