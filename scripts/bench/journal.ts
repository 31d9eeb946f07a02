// npm run bench -- --journal [--quick] [--database postgres://…|auto]
//
// What the orientation log costs: the time to log one contact (p50/p95 over 2,000 calls) on a database that
// already holds a large city's year (1,000,000 entries; 100,000 with --quick), through the core function and
// through the whole API path (dispatch: session, role, zod validation, handler); a desk search recorded; and
// retention folding that year into daily counts. With --database, the same measurement runs on PostgreSQL after
// SQLite, and the two are printed side by side. It prints figures and the target; it asserts nothing.
import { loadavg } from 'node:os';
import { dispatch } from '../../electron/server/dispatch';
import { createCore } from '../../electron/core/app';
import { INSTALLATION_POINT_KEY } from '../../electron/core/points/installation-point';
import type { RecordInput } from '../../electron/core/journal/record';
import { recordEntry } from '../../electron/core/journal/record';
import { knowledgeRefs } from '../../electron/core/journal/refs';
import { RETENTION_KEY, runRetention } from '../../electron/core/journal/retention';
import { recordSearch } from '../../electron/core/journal/searches';
import { sql } from '../../electron/core/store/db';
import { writeSetting } from '../../electron/core/store/settings';
import { signedIn } from '../../dev/test-support/comptes';
import { DEMO_CONTENT_DIR, WORKER_SOURCE_FILE } from '../lib/paths';
import { demoKnowledge, generateJournal } from './journal-data';
import type { BenchEngine, PostgresTarget } from './engines';
import { benchEngines, loadRows, ratio } from './engines';
import { timed, type Timing } from './stats';
import { fixed, formatTable, log, mark, megabytes, ms, timingRow, type TimingColumns } from './table';

const ENTRIES = { full: 1_000_000, quick: 100_000 };
const CALLS = 2_000;
const WARM_UP = 100;
const YEAR = 2025;
const SEED = 20_250_101;
/** Issue 5: logging one entry ≤ 5 ms. */
const TARGET_MS = 5;
/** Contacts as a desk logs them, cycling: answered, oriented to the fiche's service, elsewhere, not resolved. */
function deskInputs(): RecordInput[] {
  const knowledge = demoKnowledge();
  const fiches = knowledge.fiches.filter((fiche) => fiche.statut === 'publiee');
  const withService = fiches.filter((fiche) => fiche.services.length > 0);
  const inputs: RecordInput[] = [];
  for (let n = 0; n < 40; n++) {
    const fiche = fiches[(n * 7) % fiches.length];
    const other = fiches[(n * 13 + 5) % fiches.length];
    const oriented = withService[n % withService.length];
    const contact = knowledge.contacts[n % knowledge.contacts.length];
    if (!fiche || !other || !oriented || !contact) continue;
    const kind = n % 5;
    if (kind <= 1) inputs.push({ issue: 'repondu', fiches: [fiche.id, other.id] });
    else if (kind === 2)
      inputs.push({ issue: 'oriente_fiche', fiches: [oriented.id], serviceId: oriented.services[0] });
    else if (kind === 3) inputs.push({ issue: 'oriente_autre', fiches: [fiche.id], serviceId: contact.id });
    else inputs.push({ issue: 'non_resolu', motif: 'pas_de_fiche', fiches: [] });
  }
  return inputs;
}

/** The columns of the contact table: calls, p50, p95, max, CPU p50, CPU p95, target p95. */
const COLUMNS: TimingColumns = { wall: ['count', 'p50', 'p95', 'max'], cpu: ['p50', 'p95'], judged: 'p95' };

interface JournalResult {
  generatedS: number;
  settleS?: number;
  bytes: number;
  core: Timing;
  api: Timing;
  search: Timing;
  retention?: { s: number; aggregated: number; daily: number; recherches: number };
}

async function measure(engine: BenchEngine, entries: number, quick: boolean): Promise<JournalResult> {
  const tag = `journal (${engine.name})`;
  // 1. The year, written by the generator the indicator benches share.
  const store = await engine.open();
  log(`${tag}: generating ${entries} entries…`);
  const cpu = process.cpuUsage();
  const generated = await generateJournal(store.db, { entries, year: YEAR, points: 12, seed: SEED });
  const settleMs = await engine.settle(store.db);
  const cpuUsed = process.cpuUsage(cpu);
  const bytes = await engine.size(store);
  console.log(
    `${engine.name}: generated in ${fixed(generated.ms / 1000, 1)} s (${fixed((cpuUsed.user + cpuUsed.system) / 1e6, 1)} s of ` +
      `CPU in this process; ${fixed(entries / (generated.ms / 1000) / 1000, 0)}k entries/s), with ${generated.fiches.toLocaleString('en')} fiches consulted and ` +
      `${generated.searches.toLocaleString('en')} searches, on ${generated.pointIds.length} points; ` +
      `${settleMs === undefined ? '' : `VACUUM (ANALYZE) ${fixed(settleMs / 1000, 1)} s; `}database ${megabytes(bytes)}`,
  );
  const pointId = generated.pointIds[0] ?? 1;
  await writeSetting(store.db, INSTALLATION_POINT_KEY, pointId);

  // 2. One contact through the core function: what the desk waits for before its toast.
  log(`${tag}: logging through the core function…`);
  const refs = knowledgeRefs(demoKnowledge());
  const inputs = deskInputs();
  const actor = { compteId: null, identifiant: 'bench' };
  const at = new Date(`${YEAR + 1}-03-10T09:00:00Z`);
  const core = await timed(
    CALLS,
    async (n) => {
      await recordEntry(store.db, refs, actor, inputs[n % inputs.length] as RecordInput, at);
    },
    WARM_UP,
  );
  const search = await timed(
    CALLS,
    async (n) => {
      await recordSearch(store.db, { q: `passeport perdu ${n % 50}`, resultats: n % 7 }, at);
    },
    WARM_UP,
  );
  await store.close();

  // 3. The same through the API, as the window calls it.
  log(`${tag}: logging through dispatch (demo content index building)…`);
  const app = await createCore({
    contentDir: DEMO_CONTENT_DIR,
    dataDir: engine.dataDir,
    workerFile: WORKER_SOURCE_FILE,
    database: engine.database,
  });
  let api: Timing;
  try {
    await app.search.ready();
    const agent = await signedIn(app, ['agent']);
    api = await timed(
      CALLS,
      async (n) => {
        const answer = await dispatch(app, agent, 'journal.record', inputs[n % inputs.length]);
        if (!answer.ok) throw new Error(answer.error.message);
      },
      WARM_UP,
    );
  } finally {
    await app.close();
  }
  console.log(
    formatTable(
      [
        `log one contact, ${engine.name} (ms)`,
        'calls',
        'p50',
        'p95',
        'max',
        'CPU p50',
        'CPU p95',
        'target p95',
      ],
      [
        timingRow('journal.record: core function', core, COLUMNS, TARGET_MS),
        timingRow('journal.record: through dispatch', api, COLUMNS, TARGET_MS),
        timingRow('journal.recordSearch: core function', search, COLUMNS),
      ],
    ),
  );
  const result: JournalResult = {
    generatedS: generated.ms / 1000,
    settleS: settleMs === undefined ? undefined : settleMs / 1000,
    bytes,
    core,
    api,
    search,
  };

  // 4. Retention folding the whole year at once (the worst case: a first run after the period).
  if (!quick) {
    const reopened = await engine.open();
    try {
      await writeSetting(reopened.db, RETENTION_KEY, 12);
      log(`${tag}: retention over the whole year…`);
      const started = performance.now();
      const folded = await runRetention(reopened.db, new Date(Date.UTC(YEAR + 2, 0, 1, 12)));
      const took = performance.now() - started;
      const daily = Number(await reopened.db.value<number>(sql`SELECT count(*) FROM journal_quotidien`));
      result.retention = {
        s: took / 1000,
        aggregated: folded.aggregated,
        daily,
        recherches: folded.recherches,
      };
      console.log(
        `${engine.name} retention: ${folded.aggregated.toLocaleString('en')} entries folded into ` +
          `${daily.toLocaleString('en')} daily counts and ${folded.recherches.toLocaleString('en')} searches ` +
          `deleted in ${fixed(took / 1000, 1)} s (one transaction)`,
      );
    } finally {
      await reopened.close();
    }
  }
  return result;
}

function compare(sqlite: JournalResult, postgres: JournalResult): void {
  const timing = (label: string, of: (r: JournalResult) => Timing, target?: number): string[][] =>
    (['p50', 'p95'] as const).map((figure) => {
      const [a, b] = [of(sqlite).wall[figure], of(postgres).wall[figure]];
      const goal =
        target === undefined || figure !== 'p95'
          ? ''
          : `≤ ${target} ${mark(a <= target)} ${mark(b <= target)}`;
      return [`${label}, ${figure} ms`, ms(a), ms(b), ratio(b, a), goal];
    });
  const rows = [
    ...timing('journal.record: core function', (r) => r.core, TARGET_MS),
    ...timing('journal.record: through dispatch', (r) => r.api, TARGET_MS),
    ...timing('journal.recordSearch: core function', (r) => r.search),
    ...loadRows(sqlite, postgres),
  ];
  if (sqlite.retention && postgres.retention)
    rows.push([
      'retention over the year, s',
      fixed(sqlite.retention.s, 1),
      fixed(postgres.retention.s, 1),
      ratio(postgres.retention.s, sqlite.retention.s),
      '',
    ]);
  console.log('\n   SQLite beside PostgreSQL (wall clock; target marks: SQLite, then PostgreSQL)');
  console.log(
    formatTable(['orientation log', 'SQLite', 'PostgreSQL', 'PostgreSQL / SQLite', 'target'], rows),
  );
}

export async function benchJournal(options: { quick: boolean; postgres?: PostgresTarget }): Promise<void> {
  const entries = options.quick ? ENTRIES.quick : ENTRIES.full;
  console.log(
    `\n━━ orientation log: ${entries.toLocaleString('en')} entries of ${YEAR} already logged ` +
      `(load average ${fixed(loadavg()[0] ?? Number.NaN, 2)} at start)`,
  );
  const results: JournalResult[] = [];
  for (const make of benchEngines('journal', options.postgres)) {
    const engine = await make();
    try {
      results.push(await measure(engine, entries, options.quick));
    } finally {
      await engine.cleanUp();
    }
  }
  console.log(
    '   Each call is its own transaction, committed before it returns (SQLite: to the WAL, synchronous = NORMAL; ' +
      'PostgreSQL: SERIALIZABLE, through a pool of 10 connections). The target applies to the wall-clock p95; ' +
      'the CPU columns are this process’s own time, which other processes on the machine (PostgreSQL’s server ' +
      'among them) do not inflate.',
  );
  const [sqlite, pg] = results;
  if (sqlite && pg) compare(sqlite, pg);
}
