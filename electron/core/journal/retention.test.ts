import { afterEach, describe, expect, it } from 'vitest';
import { sql, type Db, type RawBuilder } from '../store/db';
import { insertPoint } from '../../../dev/test-support/registres';
import { ISSUES, JOURNAL_CANAUX, MOTIFS } from '../../../common/journal/codes';
import { readRetention, runRetention, writeRetention } from './retention';
import type { JournalFixture } from '../../../dev/test-support/journal';
import { journalFixture, NOW } from '../../../dev/test-support/journal';

let fixture: JournalFixture;
afterEach(async () => {
  await fixture?.store.close();
});

/** mulberry32: the same dataset on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` entries over the days from `from`, every nullable key sometimes NULL (no point, thème, service or
 * duration), with fiches and linked searches, and few enough codes that groups hold several entries.
 */
async function randomEntries(
  db: Db,
  random: () => number,
  count: number,
  from: string,
  days: number,
): Promise<void> {
  const points = [await insertPoint(db), await insertPoint(db), null];
  const themes = ['identite', 'etat-civil', 'logement', null];
  const services = ['mairie', 'dechets-service', null];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  await db.transaction(async (tx) => {
    for (let n = 0; n < count; n++) {
      const day = new Date(Date.parse(`${from}T12:00:00Z`) + Math.floor(random() * days) * 86_400_000);
      const jour = day.toISOString().slice(0, 10);
      const issue = pick(ISSUES);
      const point = pick(points);
      const heure = 8 + Math.floor(random() * 10);
      const canal = pick(JOURNAL_CANAUX);
      const service = pick(services);
      const motif = issue === 'non_resolu' ? pick(MOTIFS) : null;
      const theme = pick(themes);
      const duree = random() < 0.2 ? null : Math.floor(random() * 900);
      const id = await tx.value<number>(
        sql`INSERT INTO journal (horodatage, jour, heure, point_id, compte_id, canal, issue, service_id, motif,
              theme, duree_s)
            VALUES (${day.toISOString()}, ${jour}, ${heure}, ${point}, NULL, ${canal}, ${issue}, ${service},
              ${motif}, ${theme}, ${duree})
            RETURNING id`,
      );
      for (let f = Math.floor(random() * 3); f > 0; f--)
        await tx.run(
          sql`INSERT INTO journal_fiches (entree_id, fiche_id) VALUES (${id}, ${pick(['passeport', 'cni', 'acte'])})
              ON CONFLICT DO NOTHING`,
        );
      if (random() < 0.5)
        await tx.run(
          sql`INSERT INTO recherches (horodatage, jour, point_id, requete, resultats, entree_id)
              VALUES (${day.toISOString()}, ${jour}, ${point}, 'q', 1, ${id})`,
        );
    }
  });
}

type Totals = Record<string, [number, number, number]>;

/** Every total the indicators can compute, per (day, point, thème, channel, outcome, reason, service). */
async function totals(db: Db): Promise<Totals> {
  const rows = await db.all<{ k: string; n: number; d: number; dn: number }>(
    sql`SELECT jour || '|' || p || '|' || t || '|' || canal || '|' || issue || '|' || m || '|' || s AS k,
               sum(n) AS n, sum(d) AS d, sum(dn) AS dn
        FROM (
          SELECT jour, coalesce(point_id, 0) AS p, coalesce(theme, '') AS t, canal, issue,
                 coalesce(motif, '') AS m, coalesce(service_id, '') AS s, 1 AS n, coalesce(duree_s, 0) AS d,
                 CASE WHEN duree_s IS NOT NULL THEN 1 ELSE 0 END AS dn
          FROM journal
          UNION ALL
          SELECT jour, point_id, theme, canal, issue, motif, service_id, nombre, duree_totale_s, duree_nombre
          FROM journal_quotidien
        ) AS u GROUP BY k`,
  );
  return Object.fromEntries(rows.map((row) => [row.k, [row.n, row.d, row.dn]]));
}

async function count(db: Db, query: RawBuilder<unknown>): Promise<number> {
  return (await db.value<number>(query)) ?? 0;
}

/** SQLite's own check that no row points to a missing one (PostgreSQL enforces its keys at every write). */
async function foreignKeyProblems(db: Db): Promise<unknown[]> {
  return db.engine === 'sqlite' ? db.all(sql`PRAGMA foreign_key_check`) : [];
}

describe('retention', () => {
  it('is 24 months until an administrator changes it, and the change is audited', async () => {
    fixture = await journalFixture();
    expect(await readRetention(fixture.db)).toEqual({ mois: 24 });
    expect(await writeRetention(fixture.db, fixture.alice, 6, NOW)).toEqual({ mois: 6 });
    expect(await readRetention(fixture.db)).toEqual({ mois: 6 });
    expect(
      await fixture.db.one(
        sql`SELECT compte_id, objet, objet_id, avant, apres FROM audit WHERE objet = 'reglage'`,
      ),
    ).toEqual({
      compte_id: fixture.alice.compteId,
      objet: 'reglage',
      objet_id: 'journal.retention_mois',
      avant: JSON.stringify({ mois: 24 }),
      apres: JSON.stringify({ mois: 6 }),
    });
  });

  it('folds and deletes what is older than the period, keeps every total, and is idempotent', async () => {
    fixture = await journalFixture();
    const { db } = fixture;
    // Three years up to today, 24 months kept: about a third is folded.
    await randomEntries(db, seeded(42), 6000, '2023-11-01', 3 * 366);
    const before = await totals(db);
    const entries = await count(db, sql`SELECT count(*) FROM journal`);
    const old = await count(db, sql`SELECT count(*) FROM journal WHERE jour < '2024-11-23'`);
    const oldSearches = await count(db, sql`SELECT count(*) FROM recherches WHERE jour < '2024-11-23'`);
    const recentFiches = await count(
      db,
      sql`SELECT count(*) FROM journal_fiches
          WHERE entree_id IN (SELECT id FROM journal WHERE jour >= '2024-11-23')`,
    );
    expect(old).toBeGreaterThan(1000);
    // Opinions on fiches go with the same period: one old, one kept.
    const avis = (horodatage: string, jour: string) =>
      db.run(
        sql`INSERT INTO avis_fiches (horodatage, jour, fiche_id, utile, motif)
            VALUES (${horodatage}, ${jour}, 'passeport', 0, 'obsolete')`,
      );
    await avis('2024-11-22T10:00:00Z', '2024-11-22');
    await avis('2024-11-23T10:00:00Z', '2024-11-23');

    const result = await runRetention(db, NOW);
    expect(result).toEqual({
      aggregated: old,
      deleted: old,
      recherches: oldSearches,
      avis: 1,
      limite: '2024-11-23',
    });
    expect(await count(db, sql`SELECT count(*) FROM avis_fiches`)).toBe(1);
    expect(await count(db, sql`SELECT count(*) FROM journal`)).toBe(entries - old);
    expect(
      await count(db, sql`SELECT CASE WHEN min(jour) >= '2024-11-23' THEN 1 ELSE 0 END FROM journal`),
    ).toBe(1);
    expect(await count(db, sql`SELECT count(*) FROM recherches WHERE jour < '2024-11-23'`)).toBe(0);
    expect(await count(db, sql`SELECT count(*) FROM journal_fiches`)).toBe(recentFiches);
    expect(
      await count(
        db,
        sql`SELECT CASE WHEN max(jour) < '2024-11-23' THEN 1 ELSE 0 END FROM journal_quotidien`,
      ),
    ).toBe(1);
    expect(await totals(db)).toEqual(before);
    expect(await foreignKeyProblems(db)).toEqual([]);
    expect(await count(db, sql`SELECT count(*) FROM audit WHERE action = 'retention'`)).toBe(1);

    const folded = await db.all(sql`SELECT * FROM journal_quotidien ORDER BY 1, 2, 3, 4, 5, 6, 7`);
    expect(await runRetention(db, NOW)).toEqual({
      aggregated: 0,
      deleted: 0,
      recherches: 0,
      avis: 0,
      limite: '2024-11-23',
    });
    expect(await db.all(sql`SELECT * FROM journal_quotidien ORDER BY 1, 2, 3, 4, 5, 6, 7`)).toEqual(folded);
    expect(await totals(db)).toEqual(before);
    expect(await count(db, sql`SELECT count(*) FROM audit WHERE action = 'retention'`)).toBe(1);
  });

  it('adds into the daily counts already there, and follows a shorter period', async () => {
    fixture = await journalFixture();
    const { db } = fixture;
    const random = seeded(7);
    await randomEntries(db, random, 3000, '2024-01-01', 400);
    await runRetention(db, NOW);
    // Entries of days already folded (a late import), and a period cut to 6 months: both fold in exactly.
    await randomEntries(db, random, 2000, '2024-01-01', 700);
    const group = (await db.one(sql`SELECT * FROM journal_quotidien ORDER BY nombre DESC LIMIT 1`)) as {
      jour: string;
      point_id: number;
      theme: string;
      canal: string;
      issue: string;
      motif: string;
      service_id: string;
      nombre: number;
      duree_totale_s: number;
      duree_nombre: number;
    };
    await db.run(
      sql`INSERT INTO journal (horodatage, jour, heure, point_id, canal, issue, motif, service_id, theme, duree_s)
          VALUES ('2024-01-01T10:00:00Z', ${group.jour}, 11, nullif(CAST(${group.point_id} AS INTEGER), 0),
            ${group.canal}, ${group.issue}, nullif(CAST(${group.motif} AS TEXT), ''),
            nullif(CAST(${group.service_id} AS TEXT), ''), nullif(CAST(${group.theme} AS TEXT), ''), 30)`,
    );
    await writeRetention(db, fixture.alice, 6, NOW);
    const pending = (await db.one(
      sql`SELECT count(*) AS n, sum(duree_s) AS d, count(duree_s) AS dn FROM journal WHERE jour = ${group.jour}
          AND coalesce(point_id, 0) = ${group.point_id} AND coalesce(theme, '') = ${group.theme}
          AND canal = ${group.canal} AND issue = ${group.issue}
          AND coalesce(motif, '') = ${group.motif} AND coalesce(service_id, '') = ${group.service_id}`,
    )) as { n: number; d: number; dn: number };
    expect(pending.n).toBeGreaterThanOrEqual(1);
    const before = await totals(db);
    const old = await count(db, sql`SELECT count(*) FROM journal WHERE jour < '2026-05-23'`);
    expect(await runRetention(db, NOW)).toMatchObject({
      aggregated: old,
      deleted: old,
      limite: '2026-05-23',
    });
    expect(await totals(db)).toEqual(before);
    expect(await count(db, sql`SELECT count(*) FROM journal WHERE jour < '2026-05-23'`)).toBe(0);
    expect(
      await db.one(
        sql`SELECT nombre, duree_totale_s, duree_nombre FROM journal_quotidien WHERE jour = ${group.jour}
            AND point_id = ${group.point_id} AND theme = ${group.theme} AND canal = ${group.canal}
            AND issue = ${group.issue} AND motif = ${group.motif} AND service_id = ${group.service_id}`,
      ),
    ).toEqual({
      nombre: group.nombre + pending.n,
      duree_totale_s: group.duree_totale_s + pending.d,
      duree_nombre: group.duree_nombre + pending.dn,
    });
  });

  it('changes nothing when nothing is old enough', async () => {
    fixture = await journalFixture();
    await randomEntries(fixture.db, seeded(1), 200, '2026-01-01', 300);
    expect(await runRetention(fixture.db, NOW)).toEqual({
      aggregated: 0,
      deleted: 0,
      recherches: 0,
      avis: 0,
      limite: '2024-11-23',
    });
    expect(await count(fixture.db, sql`SELECT count(*) FROM journal`)).toBe(200);
    expect(await count(fixture.db, sql`SELECT count(*) FROM audit`)).toBe(0);
  });
});
