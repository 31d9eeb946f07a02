// Nothing lost at the desk: a desk process killed with SIGKILL in the middle of a burst of logging keeps every
// entry it had confirmed in its outbox, ready to be sent when it starts again, and a sound outbox file.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { OUTBOX_FILE, Outbox } from './outbox';

const CHILD = fileURLToPath(new URL('../../../dev/test-support/outbox-crash-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs the child until it has confirmed `wanted` entries, kills it with SIGKILL, returns the ids it printed. */
function burstThenKill(dataDir: string, wanted: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
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
      resolve(buffer.split('\n').slice(0, -1).map(Number));
    });
  });
}

describe('a desk killed in the middle of logging', () => {
  it('keeps every confirmed entry in its outbox, kill after kill', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'infocite-outbox-crash-'));
    const confirmed: number[] = [];
    for (let round = 0; round < 2; round++) {
      const ids = await burstThenKill(dataDir, 200 + round * 200);
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
