// npm run bench -- --bureaux [--quick]
//
// A city's peak (issue 11 §9): 50 connected desks each logging one contact a second for 60 s (--quick: 10 desks,
// 10 s), against a city server (the real core and HTTP transport on 127.0.0.1), each desk with its own outbox
// and sender. Prints the desk-side confirm time (the call that commits the entry to the outbox: what the agent
// waits for before the toast), the server's ingest time per batch, and whether every confirmed entry reached
// the server exactly once. The desks share one local core for their knowledge reads (they only read it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core/app';
import { SYSTEM_ACTOR } from '../../electron/core/audit/record';
import type { ClientSlot } from '../../electron/core/auth/session';
import { createPoste } from '../../electron/core/postes/postes';
import { sql } from '../../electron/core/store/db';
import { fileCredentialStore } from '../../electron/server/desk/credential-store';
import { Desk } from '../../electron/server/desk/desk';
import { startHttpServer } from '../../electron/server/http-server';
import { agentAt } from '../../dev/test-support/desks';
import { makePoint } from '../../dev/test-support/registres';
import { DEMO_CONTENT_DIR, WORKER_SOURCE_FILE } from '../lib/paths';
import { percentile } from './stats';
import { fixed, formatTable } from './table';

const POINTS = 10;
const PIN = '2468';

interface BureauxOptions {
  quick: boolean;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

export async function benchBureaux({ quick }: BureauxOptions): Promise<void> {
  const deskCount = quick ? 10 : 50;
  const seconds = quick ? 10 : 60;
  console.log(
    `\n━━ ${deskCount} connected desks at their peak: 1 contact/s each for ${seconds} s (loopback, one machine)`,
  );
  const root = mkdtempSync(join(tmpdir(), 'infocite-bench-bureaux-'));
  const cores: Core[] = [];
  const desks: Desk[] = [];
  const ingestMs: number[] = [];
  try {
    const server = await createCore({
      contentDir: DEMO_CONTENT_DIR,
      dataDir: join(root, 'server'),
      workerFile: WORKER_SOURCE_FILE,
    });
    cores.push(server);
    await server.search.ready();
    const http = await startHttpServer(server, {
      port: 0,
      onRequest: (record) => {
        if (record.path === '/api/sync.ingest') ingestMs.push(record.ms);
      },
    });
    const local = await createCore({
      contentDir: DEMO_CONTENT_DIR,
      dataDir: join(root, 'desk-core'),
      workerFile: WORKER_SOURCE_FILE,
    });
    cores.push(local);
    await local.search.ready();

    const points: number[] = [];
    for (let i = 0; i < POINTS; i++) points.push(await makePoint(server.store.db, `BUREAU-${i + 1}`));
    const agents = [];
    for (const pointId of points) agents.push(await agentAt(server, pointId, { pin: PIN }));
    const windows: ClientSlot[] = [];
    for (let i = 0; i < deskCount; i++) {
      const dataDir = join(root, `poste-${i + 1}`);
      const pointId = points[i % POINTS] ?? 0;
      const desk = new Desk({
        serverUrl: http.url,
        dataDir,
        contentDir: DEMO_CONTENT_DIR,
        core: local,
        credentials: fileCredentialStore(dataDir),
      });
      desks.push(desk);
      const { code } = await createPoste(
        server.store.db,
        SYSTEM_ACTOR,
        { nom: `Poste ${i + 1}`, pointId },
        new Date(),
      );
      const window: ClientSlot = { token: null };
      for (const [method, input] of [
        ['desk.enrol', { code }],
        ['auth.pinLogin', { compteId: agents[i % POINTS]?.compteId, pin: PIN }],
      ] as const) {
        const answer = await desk.call(window, method, input);
        if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
      }
      windows.push(window);
      desk.sender.start();
    }

    const confirmMs: number[] = [];
    let refused = 0;
    const started = performance.now();
    await Promise.all(
      desks.map(async (desk, i) => {
        // Spread over the first second, then one a second.
        await new Promise((resolve) => setTimeout(resolve, (1000 * i) / deskCount));
        for (let s = 0; s < seconds; s++) {
          const due = started + (1000 * i) / deskCount + 1000 * s;
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
          const t = performance.now();
          const answer = await desk.call(windows[i] ?? { token: null }, 'journal.record', {
            issue: 'repondu',
            fiches: [],
          });
          confirmMs.push(performance.now() - t);
          if (!answer.ok) refused++;
        }
      }),
    );
    const confirmed = confirmMs.length - refused;
    const drained = await until(() => desks.every((desk) => desk.outbox.count() === 0), 120_000);
    const stored = (await server.store.db.one(
      sql`SELECT count(*) AS rows, count(DISTINCT uid) AS uids FROM journal WHERE uid IS NOT NULL`,
    )) as { rows: number; uids: number };
    const rejets = (await server.store.db.one(sql`SELECT count(*) AS n FROM sync_rejets`)) as { n: number };
    const waiting = desks.reduce((sum, desk) => sum + desk.outbox.count(), 0);

    console.log(
      formatTable(
        ['measure', 'p50', 'p95', 'max', 'count'],
        [
          [
            'desk confirm (commit to the outbox), ms',
            fixed(percentile(confirmMs, 50), 2),
            fixed(percentile(confirmMs, 95), 2),
            fixed(Math.max(...confirmMs), 2),
            String(confirmMs.length),
          ],
          [
            'server ingest of one batch (HTTP), ms',
            fixed(percentile(ingestMs, 50), 1),
            fixed(percentile(ingestMs, 95), 1),
            fixed(Math.max(...ingestMs), 1),
            String(ingestMs.length),
          ],
        ],
      ),
    );
    console.log(
      `confirmed ${confirmed} (refused at the desk ${refused}); on the server ${stored.rows} rows, ` +
        `${stored.uids} distinct ids → lost ${confirmed - stored.uids}, doubled ${stored.rows - stored.uids}; ` +
        `still waiting in outboxes ${waiting}${drained ? '' : ' (not drained within 120 s)'}; dead letters ${rejets.n}. ` +
        `Goal: desk confirm p95 ≤ 5 ms, 0 lost, 0 doubled.`,
    );
    await Promise.all(desks.map((desk) => desk.close()));
    desks.length = 0;
    await http.close();
  } finally {
    await Promise.all(desks.map((desk) => desk.close().catch(() => undefined)));
    await Promise.all(cores.map((core) => core.close()));
    rmSync(root, { recursive: true, force: true });
  }
}
