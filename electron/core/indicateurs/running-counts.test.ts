// The running counts of migration 005 must always equal what a full recount of the log gives: after inserts,
// corrections, cancellations, fiches added and taken off, and retention; and when the migration meets a log
// that already has entries.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Issue, JournalCanal, Motif } from '../../../common/journal/codes';
import { ISSUES, JOURNAL_CANAUX, MOTIFS } from '../../../common/journal/codes';
import { runRetention } from '../journal/retention';
import type { Db } from '../store/db';
import { sql } from '../store/db';
import { openDatabase, userVersion } from '../store/database';
import { MIGRATIONS } from '../store/migrations';
import { writeSetting } from '../store/settings';
import { sqliteDb, type Store } from '../store/store';
import { insertPoint } from '../../../dev/test-support/registres';
import { freshStore, logEntry } from '../../../dev/test-support/indicateurs';

/** A small seeded generator (mulberry32), so a failure replays. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What each running count must hold, recounted from journal ∪ journal_quotidien (outcomes, services) or the log. */
const RECOUNTS: Record<string, string> = {
  indicateurs_jour: `
    SELECT jour, issue, motif, point_id, canal, sum(nombre) AS nombre, sum(duree) AS duree_totale_s,
           sum(timed) AS duree_nombre FROM (
      SELECT jour, issue, coalesce(motif, '') AS motif, coalesce(point_id, 0) AS point_id, canal, 1 AS nombre,
             coalesce(duree_s, 0) AS duree, CASE WHEN duree_s IS NOT NULL THEN 1 ELSE 0 END AS timed FROM journal
      UNION ALL
      SELECT jour, issue, motif, point_id, canal, nombre, duree_totale_s, duree_nombre FROM journal_quotidien)
    GROUP BY 1, 2, 3, 4, 5`,
  indicateurs_service_jour: `
    SELECT jour, point_id, canal, service_id, sum(nombre) AS nombre FROM (
      SELECT jour, coalesce(point_id, 0) AS point_id, canal, service_id, 1 AS nombre FROM journal
      WHERE issue IN ('oriente_fiche', 'oriente_autre') AND service_id IS NOT NULL
      UNION ALL
      SELECT jour, point_id, canal, service_id, nombre FROM journal_quotidien
      WHERE issue IN ('oriente_fiche', 'oriente_autre') AND service_id <> '')
    GROUP BY 1, 2, 3, 4`,
  indicateurs_service_mois: `
    SELECT substr(jour, 1, 7) AS mois, service_id, point_id, canal, sum(nombre) AS nombre FROM (
      SELECT jour, coalesce(point_id, 0) AS point_id, canal, service_id, 1 AS nombre FROM journal
      WHERE issue IN ('oriente_fiche', 'oriente_autre') AND service_id IS NOT NULL
      UNION ALL
      SELECT jour, point_id, canal, service_id, nombre FROM journal_quotidien
      WHERE issue IN ('oriente_fiche', 'oriente_autre') AND service_id <> '')
    GROUP BY 1, 2, 3, 4`,
  indicateurs_heure_jour: `
    SELECT jour, coalesce(point_id, 0) AS point_id, canal, heure, count(*) AS nombre FROM journal GROUP BY 1, 2, 3, 4`,
  indicateurs_heure_mois: `
    SELECT substr(jour, 1, 7) AS mois, CAST(strftime('%u', jour) AS INTEGER) AS jour_semaine, heure,
           coalesce(point_id, 0) AS point_id, canal, count(*) AS nombre FROM journal GROUP BY 1, 2, 3, 4, 5`,
  indicateurs_fiche_jour: `
    SELECT j.jour, coalesce(j.point_id, 0) AS point_id, j.canal, f.fiche_id, count(*) AS nombre
    FROM journal_fiches f JOIN journal j ON j.id = f.entree_id GROUP BY 1, 2, 3, 4`,
  indicateurs_fiche_mois: `
    SELECT substr(j.jour, 1, 7) AS mois, f.fiche_id, coalesce(j.point_id, 0) AS point_id, j.canal,
           count(*) AS nombre
    FROM journal_fiches f JOIN journal j ON j.id = f.entree_id GROUP BY 1, 2, 3, 4`,
};

function sorted(rows: unknown[]): string[] {
  return rows.map((row) => JSON.stringify(row)).sort();
}

async function expectCountsMatchLog(db: Db): Promise<void> {
  for (const [table, recount] of Object.entries(RECOUNTS)) {
    const expected = await db.all<Record<string, unknown>>(sql.raw(recount));
    // The recount's columns, in its order; every test here logs entries, so it has rows to name them.
    expect(expected.length, table).toBeGreaterThan(0);
    const columns = Object.keys(expected[0] ?? {});
    const stored = await db.all(
      sql`SELECT ${sql.join(columns.map((c) => sql.ref(c)))} FROM ${sql.table(table)}`,
    );
    expect(sorted(stored), table).toEqual(sorted(expected));
  }
}

const FICHES = ['passeport', 'cni', 'acte', 'logement', 'encombrants'];
const SERVICES = ['mairie', 'ccas', 'dechets-service'];

function randomEntry(random: () => number, points: number[]) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const issue: Issue = pick(ISSUES);
  const day = 1 + Math.floor(random() * 28);
  return {
    jour: `2024-${pick(['01', '02', '03'])}-${String(day).padStart(2, '0')}`,
    heure: 8 + Math.floor(random() * 10),
    pointId: random() < 0.1 ? null : pick(points),
    canal: pick(JOURNAL_CANAUX) as JournalCanal,
    issue,
    motif: issue === 'non_resolu' ? (pick(MOTIFS) as Motif) : undefined,
    serviceId: random() < 0.7 ? pick(SERVICES) : undefined,
    theme: random() < 0.5 ? pick(['etat-civil', 'social']) : undefined,
    duree: random() < 0.3 ? null : Math.floor(random() * 600),
    fiches: FICHES.filter(() => random() < 0.3),
  };
}

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
});

describe('the running counts of the log', () => {
  it('follow inserts, corrections, cancellations, fiches and retention exactly', async () => {
    store = freshStore();
    const db = store.db;
    const random = seeded(20_250_301);
    const points = [await insertPoint(db), await insertPoint(db), await insertPoint(db)];
    const ids: number[] = [];
    for (let n = 0; n < 400; n++) ids.push(await logEntry(db, randomEntry(random, points)));
    await expectCountsMatchLog(db);

    // Corrections of every kind of column, as journal.update makes them (and more).
    for (const id of ids.slice(0, 120)) {
      const e = randomEntry(random, points);
      await db.run(
        sql`UPDATE journal SET issue = ${e.issue}, motif = ${e.motif ?? null}, canal = ${e.canal},
              service_id = ${e.serviceId ?? null}, duree_s = ${e.duree}, point_id = ${e.pointId}
            WHERE id = ${id}`,
      );
    }
    await db.run(sql`UPDATE journal SET jour = ${'2024-04-02'}, heure = ${12} WHERE id = ${ids[200]}`);
    await expectCountsMatchLog(db);

    // Cancellations (with their fiches), fiches taken off and added.
    for (const id of ids.slice(120, 180)) await db.run(sql`DELETE FROM journal WHERE id = ${id}`);
    await db.run(sql`DELETE FROM journal_fiches WHERE fiche_id = 'cni' AND entree_id % 3 = 0`);
    await db.run(
      sql`INSERT INTO journal_fiches (entree_id, fiche_id) SELECT id, 'nouvelle' FROM journal WHERE id % 5 = 0
          ON CONFLICT DO NOTHING`,
    );
    await expectCountsMatchLog(db);

    // Retention folds January and February (before 1 March 2024) and deletes them; twice is a no-op.
    await writeSetting(db, 'journal.retention_mois', 1);
    const now = new Date('2024-04-01T10:00:00Z');
    expect((await runRetention(db, now)).aggregated).toBeGreaterThan(100);
    await expectCountsMatchLog(db);
    await runRetention(db, now);
    await expectCountsMatchLog(db);
    // A daily count corrected or deleted by hand (an administrator's repair) is followed too. (This file tests
    // SQLite's triggers of migration 005: rowid picks the rows as it always has.)
    await db.run(
      sql`UPDATE journal_quotidien SET nombre = nombre + 2, canal = 'courrier' WHERE rowid % 4 = 0`,
    );
    await db.run(sql`DELETE FROM journal_quotidien WHERE rowid % 7 = 0`);
    await expectCountsMatchLog(db);

    // And nothing is left at zero.
    for (const table of Object.keys(RECOUNTS))
      expect(await db.value(sql`SELECT count(*) FROM ${sql.table(table)} WHERE nombre = 0`), table).toBe(0);
  });

  it('counts the entries a database already holds when it is migrated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'infocite-indicateurs-'));
    const file = join(dir, 'infocite.db');
    const before = MIGRATIONS.filter((m) => m.version < 5);
    const oldHandle = openDatabase(file, { backupDir: dir, migrations: before });
    const old = sqliteDb(oldHandle);
    const random = seeded(7);
    const points = [await insertPoint(old), await insertPoint(old)];
    for (let n = 0; n < 150; n++) await logEntry(old, randomEntry(random, points));
    await old.run(
      sql`INSERT INTO journal_quotidien (jour, point_id, theme, canal, issue, motif, service_id, nombre,
            duree_totale_s, duree_nombre)
          VALUES ('2023-06-01', ${points[0]}, '', 'telephone', 'oriente_autre', '', 'ccas', 7, 600, 4)`,
    );
    oldHandle.close();
    const handle = openDatabase(file, { backupDir: dir });
    const db = sqliteDb(handle);
    try {
      expect(userVersion(handle)).toBeGreaterThanOrEqual(5);
      await expectCountsMatchLog(db);
      expect(await db.value(sql`SELECT count(*) FROM objectifs`)).toBe(4);
    } finally {
      handle.close();
    }
  });
});
