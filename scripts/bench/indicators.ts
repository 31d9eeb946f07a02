// npm run bench -- --indicateurs [--quick] [--database postgres://…|auto]
//
// What the indicators cost on a large city's year: 1,000,000 log entries (100,000 with --quick) written by the
// log's generator, with the registries beside them (label decisions, agents, training). Times the dashboard
// (indicateurs.tableau) for the whole year under each granularity and filter, a month, a range with edge days,
// and the annual review with its CSV file, through the core functions the API handlers call. It prints
// wall-clock and CPU times and the targets of issue 5 (year's dashboard ≤ 500 ms, annual review ≤ 2 s); with
// --database, the same on PostgreSQL after SQLite, side by side. It asserts nothing.
import { loadavg } from 'node:os';
import { annualReview } from '../../electron/core/indicateurs/bilan';
import { bilanCsv } from '../../electron/core/indicateurs/csv';
import type { Names, TableauRequest } from '../../electron/core/indicateurs/tableau';
import { tableau } from '../../electron/core/indicateurs/tableau';
import { sql, type Db } from '../../electron/core/store/db';
import type { BenchEngine, PostgresTarget } from './engines';
import { benchEngines, loadRows, ratio } from './engines';
import { generateRegistries } from './indicators-data';
import { demoKnowledge, generateJournal } from './journal-data';
import { timed, type Timing } from './stats';
import { fixed, formatTable, log, mark, megabytes, ms, timingRow, type TimingColumns } from './table';

const ENTRIES = { full: 1_000_000, quick: 100_000 };
const RUNS = { full: 7, quick: 3 };
const YEAR = 2025;
const POINTS = 50;
const SEED = 20_250_101;
/** Issue 5: the year's dashboard ≤ 500 ms, the annual review ≤ 2 s. */
const TARGETS = { tableau: 500, bilan: 2000 };
/** The day the dashboard is opened: the year is over, its states are read on 31 December. */
const NOW = new Date(Date.UTC(YEAR + 1, 1, 2, 9));

const RUNNING_COUNTS = [
  'indicateurs_jour',
  'indicateurs_service_jour',
  'indicateurs_service_mois',
  'indicateurs_heure_jour',
  'indicateurs_heure_mois',
  'indicateurs_fiche_jour',
  'indicateurs_fiche_mois',
];

/** The columns of the indicators' table: p50, max, CPU p50, CPU max, target p50. */
const COLUMNS: TimingColumns = { wall: ['p50', 'max'], cpu: ['p50', 'max'], judged: 'p50' };

function demoNames(): Names {
  const knowledge = demoKnowledge();
  const contacts = new Map(knowledge.contacts.map((contact) => [contact.id, contact.nom]));
  const fiches = new Map(knowledge.fiches.map((fiche) => [fiche.id, fiche.titre]));
  return { service: (id) => contacts.get(id), fiche: (id) => fiches.get(id) };
}

async function count(db: Db, table: string): Promise<number> {
  return Number(await db.value<number>(sql`SELECT count(*) FROM ${sql.table(table)}`));
}

interface IndicatorsResult {
  generatedS: number;
  bytes: number;
  /** By label: the timing and its target. */
  timings: Array<{ label: string; timing: Timing; target?: number }>;
}

async function measure(engine: BenchEngine, entries: number, runs: number): Promise<IndicatorsResult> {
  const tag = `indicateurs (${engine.name})`;
  const store = await engine.open();
  try {
    const db = store.db;
    log(`${tag}: generating ${entries} entries (the running counts follow through their triggers)…`);
    const cpu = process.cpuUsage();
    const generated = await generateJournal(db, { entries, year: YEAR, points: POINTS, seed: SEED });
    const registries = await generateRegistries(db, { year: YEAR, pointIds: generated.pointIds, seed: SEED });
    const settleMs = await engine.settle(db);
    const used = process.cpuUsage(cpu);
    const bytes = await engine.size(store);
    console.log(
      `${engine.name}: generated in ${fixed(generated.ms / 1000, 1)} s (${fixed((used.user + used.system) / 1e6, 1)} s of CPU in this process), ` +
        `${generated.fiches.toLocaleString('en')} fiches consulted, ${generated.searches.toLocaleString('en')} ` +
        `searches, ${registries.labelEvents} label decisions, ${registries.agents} agents, ` +
        `${registries.sessions} training sessions; ` +
        `${settleMs === undefined ? '' : `VACUUM (ANALYZE) ${fixed(settleMs / 1000, 1)} s; `}database ${megabytes(bytes)}`,
    );
    const rowCounts: string[] = [];
    for (const table of RUNNING_COUNTS)
      rowCounts.push(`${table.replace('indicateurs_', '')} ${(await count(db, table)).toLocaleString('en')}`);
    console.log(`running counts (rows): ${rowCounts.join(', ')}`);

    const names = demoNames();
    const year: TableauRequest = { du: `${YEAR}-01-01`, au: `${YEAR}-12-31`, granularite: 'mois' };
    const firstPoint = generated.pointIds[0] ?? 1;
    const cases: Array<[string, TableauRequest, number?]> = [
      ['year by month', year, TARGETS.tableau],
      ['year by week', { ...year, granularite: 'semaine' }, TARGETS.tableau],
      ['year by day', { ...year, granularite: 'jour' }, TARGETS.tableau],
      ['year, one point', { ...year, pointId: firstPoint }, TARGETS.tableau],
      ['year, entité CCAS', { ...year, entite: 'ccas' }, TARGETS.tableau],
      ['year, telephone', { ...year, canal: 'telephone' }, TARGETS.tableau],
      ['15 Jan – 15 Dec (edge days)', { ...year, du: `${YEAR}-01-15`, au: `${YEAR}-12-15` }, TARGETS.tableau],
      ['March by day', { du: `${YEAR}-03-01`, au: `${YEAR}-03-31`, granularite: 'jour' }],
    ];
    const timings: IndicatorsResult['timings'] = [];
    for (const [label, request, target] of cases) {
      log(`${tag}: tableau, ${label}…`);
      timings.push({
        label: `tableau: ${label}`,
        timing: await timed(runs, () => tableau(db, request, names, NOW)),
        target,
      });
    }
    log(`${tag}: annual review…`);
    timings.push({
      label: 'bilan.annuel',
      timing: await timed(runs, () => annualReview(db, YEAR, names, NOW)),
      target: TARGETS.bilan,
    });
    timings.push({
      label: 'bilan.csv',
      timing: await timed(runs, async () => bilanCsv(await annualReview(db, YEAR, names, NOW))),
      target: TARGETS.bilan,
    });
    console.log(
      formatTable(
        [`indicators, ${engine.name} (ms)`, 'p50', 'max', 'CPU p50', 'CPU max', 'target p50'],
        timings.map(({ label, timing, target }) => timingRow(label, timing, COLUMNS, target)),
      ),
    );
    return { generatedS: generated.ms / 1000, bytes, timings };
  } finally {
    await store.close();
  }
}

function compare(sqlite: IndicatorsResult, postgres: IndicatorsResult): void {
  const rows = sqlite.timings.map(({ label, timing, target }, index) => {
    const a = timing.wall.p50;
    const b = postgres.timings[index]?.timing.wall.p50 ?? Number.NaN;
    const goal = target === undefined ? '' : `≤ ${target} ${mark(a <= target)} ${mark(b <= target)}`;
    return [`${label}, p50 ms`, ms(a), ms(b), ratio(b, a), goal];
  });
  rows.push(...loadRows(sqlite, postgres));
  console.log('\n   SQLite beside PostgreSQL (wall-clock median; target marks: SQLite, then PostgreSQL)');
  console.log(formatTable(['indicators', 'SQLite', 'PostgreSQL', 'PostgreSQL / SQLite', 'target'], rows));
}

export async function benchIndicators(options: { quick: boolean; postgres?: PostgresTarget }): Promise<void> {
  const entries = options.quick ? ENTRIES.quick : ENTRIES.full;
  const runs = options.quick ? RUNS.quick : RUNS.full;
  console.log(
    `\n━━ indicators: ${entries.toLocaleString('en')} log entries of ${YEAR} on ${POINTS} points ` +
      `(load average ${fixed(loadavg()[0] ?? Number.NaN, 2)} at start)`,
  );
  const results: IndicatorsResult[] = [];
  for (const make of benchEngines('indicateurs', options.postgres)) {
    const engine = await make();
    try {
      results.push(await measure(engine, entries, runs));
    } finally {
      await engine.cleanUp();
    }
  }
  console.log(
    `   ${runs} runs after one warm-up, through the core functions the API handlers call. The targets apply to ` +
      'the wall-clock median; the CPU columns are this process’s own time, which other processes on a shared ' +
      'machine (PostgreSQL’s server among them) do not inflate.',
  );
  const [sqlite, postgres] = results;
  if (sqlite && postgres) compare(sqlite, postgres);
}
