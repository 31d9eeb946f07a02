// Nothing lost at the desk: a desk process killed with SIGKILL in the middle of a burst of logging keeps every
// entry it had confirmed in its outbox, ready to be sent when it starts again, and a sound outbox file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { burstThenKill } from '../../../dev/test-support/burst-then-kill';
import { OUTBOX_FILE, Outbox } from './outbox';

const CHILD = fileURLToPath(new URL('../../../dev/test-support/outbox-crash-child.ts', import.meta.url));

describe('a desk killed in the middle of logging', () => {
  it('keeps every confirmed entry in its outbox, kill after kill', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'infocite-outbox-crash-'));
    const confirmed: number[] = [];
    for (let round = 0; round < 2; round++) {
      const ids = (await burstThenKill(CHILD, [dataDir], 200 + round * 200)).map(Number);
      expect(ids.length).toBeGreaterThanOrEqual(200);
      confirmed.push(...ids);

      const raw = new Database(join(dataDir, OUTBOX_FILE));
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      raw.close();
      // The desk starting again: every confirmed entry is waiting to be sent, with its mirror row.
      const outbox = new Outbox({ dataDir, now: () => new Date() });
      const waiting = new Set(outbox.pending(100_000).map((entry) => entry.uid));
      // A contact's local id is its mirror row (contacts_locaux), which names its uid.
      const uidOf = outbox.db.prepare('SELECT uid FROM contacts_locaux WHERE id = ?').pluck();
      const lost = confirmed.filter((id) => {
        const uid = uidOf.get(id) as string | undefined;
        return uid === undefined || !waiting.has(uid);
      });
      expect(lost).toEqual([]);
      expect(waiting.size).toBeGreaterThanOrEqual(confirmed.length);
      outbox.close();
    }
  }, 60_000);
});
