// npm run bench -- --bureaux [--quick] [--database postgres://…|auto]
//
// A city's peak (issue 11 §9): 50 connected desks each logging one contact a second for 60 s (--quick: 10 desks,
// 10 s), against a city server (the real core and HTTP transport on 127.0.0.1), each desk with its own outbox
// and sender. Prints the desk-side confirm time (the call that commits the entry to the outbox: what the agent
// waits for before the toast), the server's ingest time per batch, and whether every confirmed entry reached
// the server exactly once. The desks share one local core for their knowledge reads (they only read it). With
// --database, the same peak runs against a city server on PostgreSQL after the one on SQLite, side by side.
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
import type { BenchEngine, PostgresTarget } from './engines';
import { benchEngines, ratio } from './engines';
import { percentile } from './stats';
import { fixed, formatTable, log, mark } from './table';

const POINTS = 10;
const PIN = '2468';
/** Issue 11: the desk confirms a contact within 5 ms (p95). */
const TARGET_CONFIRM_MS = 5;
interface BureauxOptions {
  quick: boolean;
  /** Run the same peak against a city server on PostgreSQL too, after the one on SQLite. */
  postgres?: PostgresTarget;
}

interface PeakResult {
  confirmMs: number[];
  ingestMs: number[];
  confirmed: number;
  lost: number;
  doubled: number;
  waiting: number;
  rejets: number;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

async function peak(engine: BenchEngine, deskCount: number, seconds: number): Promise<PeakResult> {
  log(`bureaux (${engine.name}): ${deskCount} desks enrolling…`);
  const root = engine.dataDir;
  const cores: Core[] = [];
  const desks: Desk[] = [];
  const ingestMs: number[] = [];
  try {
    const server = await createCore({
      contentDir: DEMO_CONTENT_DIR,
      dataDir: join(root, 'server'),
      workerFile: WORKER_SOURCE_FILE,
      database: engine.database,
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

    log(`bureaux (${engine.name}): the peak, ${seconds} s…`);
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
    // PostgreSQL: how many of the server's transactions were rolled back (serialisation failures tried again).
    const pgStats = engine.database
      ? ((await server.store.db.one(
          sql`SELECT xact_commit AS commits, xact_rollback AS rollbacks, deadlocks
              FROM pg_stat_database WHERE datname = current_database()`,
        )) as { commits: number; rollbacks: number; deadlocks: number } | undefined)
      : undefined;

    const result: PeakResult = {
      confirmMs,
      ingestMs,
      confirmed,
      lost: confirmed - Number(stored.uids),
      doubled: Number(stored.rows) - Number(stored.uids),
      waiting,
      rejets: Number(rejets.n),
    };
    console.log(
      formatTable(
        [`${engine.name} city server`, 'p50', 'p95', 'max', 'count'],
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
        `${stored.uids} distinct ids → lost ${result.lost}, doubled ${result.doubled}; ` +
        `still waiting in outboxes ${waiting}${drained ? '' : ' (not drained within 120 s)'}; dead letters ${rejets.n}. ` +
        `Goal: desk confirm p95 ≤ ${TARGET_CONFIRM_MS} ms, 0 lost, 0 doubled.`,
    );
    if (pgStats)
      console.log(
        `PostgreSQL: ${pgStats.commits} transactions committed, ${pgStats.rollbacks} rolled back ` +
          `(serialisation failures tried again, refusals), ${pgStats.deadlocks} deadlocks, in the whole run.`,
      );
    await Promise.all(desks.map((desk) => desk.close()));
    desks.length = 0;
    await http.close();
    return result;
  } finally {
    await Promise.all(desks.map((desk) => desk.close().catch(() => undefined)));
    await Promise.all(cores.map((core) => core.close()));
  }
}

function compare(sqlite: PeakResult, postgres: PeakResult): void {
  const rows: string[][] = [];
  for (const [label, of, digits] of [
    ['desk confirm', (r: PeakResult) => r.confirmMs, 2],
    ['server ingest of one batch', (r: PeakResult) => r.ingestMs, 1],
  ] as const) {
    for (const p of [50, 95]) {
      const [a, b] = [percentile(of(sqlite), p), percentile(of(postgres), p)];
      const goal =
        label === 'desk confirm' && p === 95
          ? `≤ ${TARGET_CONFIRM_MS} ${mark(a <= TARGET_CONFIRM_MS)} ${mark(b <= TARGET_CONFIRM_MS)}`
          : '';
      rows.push([`${label}, p${p} ms`, fixed(a, digits), fixed(b, digits), ratio(b, a), goal]);
    }
  }
  const counts = (of: (r: PeakResult) => number, label: string, goal: string) =>
    rows.push([label, String(of(sqlite)), String(of(postgres)), '', goal]);
  counts((r) => r.confirmed, 'entries confirmed at the desks', '');
  counts((r) => r.lost, 'lost', `0 ${mark(sqlite.lost === 0)} ${mark(postgres.lost === 0)}`);
  counts((r) => r.doubled, 'doubled', `0 ${mark(sqlite.doubled === 0)} ${mark(postgres.doubled === 0)}`);
  counts((r) => r.waiting + r.rejets, 'still waiting or dead letters', '');
  console.log('\n   city server on SQLite beside PostgreSQL (target marks: SQLite, then PostgreSQL)');
  console.log(
    formatTable(['desks at their peak', 'SQLite', 'PostgreSQL', 'PostgreSQL / SQLite', 'target'], rows),
  );
}

export async function benchBureaux({ quick, postgres }: BureauxOptions): Promise<void> {
  const deskCount = quick ? 10 : 50;
  const seconds = quick ? 10 : 60;
  console.log(
    `\n━━ ${deskCount} connected desks at their peak: 1 contact/s each for ${seconds} s (loopback, one machine)`,
  );
  const results: PeakResult[] = [];
  for (const make of benchEngines('bureaux', postgres)) {
    const engine = await make();
    try {
      results.push(await peak(engine, deskCount, seconds));
    } finally {
      await engine.cleanUp();
    }
  }
  const [sqlite, pg] = results;
  if (sqlite && pg) compare(sqlite, pg);
}
