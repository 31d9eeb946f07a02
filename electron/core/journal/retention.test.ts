import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../store/db';
import { insertPoint } from '../../../dev/test-support/registres';
import { ISSUES, JOURNAL_CANAUX, MOTIFS } from '../../../common/journal/codes';
import { readRetention, runRetention, writeRetention } from './retention';
import type { JournalFixture } from '../../../dev/test-support/journal';
import { journalFixture, NOW } from '../../../dev/test-support/journal';

let fixture: JournalFixture;
afterEach(() => fixture?.store.close());

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
function randomEntries(db: Db, random: () => number, count: number, from: string, days: number): void {
  const points = [insertPoint(db), insertPoint(db), null];
  const themes = ['identite', 'etat-civil', 'logement', null];
  const services = ['mairie', 'dechets-service', null];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const insert = db.prepare(
    `INSERT INTO journal (horodatage, jour, heure, point_id, compte_id, canal, issue, service_id, motif, theme,
       duree_s) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const fiche = db.prepare('INSERT OR IGNORE INTO journal_fiches (entree_id, fiche_id) VALUES (?, ?)');
  const search = db.prepare(
    "INSERT INTO recherches (horodatage, jour, point_id, requete, resultats, entree_id) VALUES (?, ?, ?, 'q', 1, ?)",
  );
  db.legacyTransaction(() => {
    for (let n = 0; n < count; n++) {
      const day = new Date(Date.parse(`${from}T12:00:00Z`) + Math.floor(random() * days) * 86_400_000);
      const jour = day.toISOString().slice(0, 10);
      const issue = pick(ISSUES);
      const point = pick(points);
      const id = insert
        .pluck()
        .get(
          day.toISOString(),
          jour,
          8 + Math.floor(random() * 10),
          point,
          pick(JOURNAL_CANAUX),
          issue,
          pick(services),
          issue === 'non_resolu' ? pick(MOTIFS) : null,
          pick(themes),
          random() < 0.2 ? null : Math.floor(random() * 900),
        ) as number;
      for (let f = Math.floor(random() * 3); f > 0; f--) fiche.run(id, pick(['passeport', 'cni', 'acte']));
      if (random() < 0.5) search.run(day.toISOString(), jour, point, id);
    }
  })();
}

type Totals = Record<string, [number, number, number]>;

/** Every total the indicators can compute, per (day, point, thème, channel, outcome, reason, service). */
function totals(db: Db): Totals {
  const rows = db
    .prepare(
      `SELECT jour || '|' || p || '|' || t || '|' || canal || '|' || issue || '|' || m || '|' || s AS k,
              sum(n) AS n, sum(d) AS d, sum(dn) AS dn
       FROM (
         SELECT jour, coalesce(point_id, 0) AS p, coalesce(theme, '') AS t, canal, issue, coalesce(motif, '') AS m,
                coalesce(service_id, '') AS s, 1 AS n, coalesce(duree_s, 0) AS d, duree_s IS NOT NULL AS dn
         FROM journal
         UNION ALL
         SELECT jour, point_id, theme, canal, issue, motif, service_id, nombre, duree_totale_s, duree_nombre
         FROM journal_quotidien
       ) GROUP BY k`,
    )
    .all() as Array<{ k: string; n: number; d: number; dn: number }>;
  return Object.fromEntries(rows.map((row) => [row.k, [row.n, row.d, row.dn]]));
}

function count(db: Db, sql: string, ...params: unknown[]): number {
  return db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
}

describe('retention', () => {
  it('is 24 months until an administrator changes it, and the change is audited', () => {
    fixture = journalFixture();
    expect(readRetention(fixture.db)).toEqual({ mois: 24 });
    expect(writeRetention(fixture.db, fixture.alice, 6, NOW)).toEqual({ mois: 6 });
    expect(readRetention(fixture.db)).toEqual({ mois: 6 });
    expect(
      fixture.db
        .prepare("SELECT compte_id, objet, objet_id, avant, apres FROM audit WHERE objet = 'reglage'")
        .get(),
    ).toEqual({
      compte_id: fixture.alice.compteId,
      objet: 'reglage',
      objet_id: 'journal.retention_mois',
      avant: JSON.stringify({ mois: 24 }),
      apres: JSON.stringify({ mois: 6 }),
    });
  });

  it('folds and deletes what is older than the period, keeps every total, and is idempotent', () => {
    fixture = journalFixture();
    const { db } = fixture;
    // Three years up to today, 24 months kept: about a third is folded.
    randomEntries(db, seeded(42), 6000, '2023-11-01', 3 * 366);
    const before = totals(db);
    const entries = count(db, 'SELECT count(*) FROM journal');
    const old = count(db, "SELECT count(*) FROM journal WHERE jour < '2024-11-23'");
    const oldSearches = count(db, "SELECT count(*) FROM recherches WHERE jour < '2024-11-23'");
    const recentFiches = count(
      db,
      "SELECT count(*) FROM journal_fiches WHERE entree_id IN (SELECT id FROM journal WHERE jour >= '2024-11-23')",
    );
    expect(old).toBeGreaterThan(1000);
    // Opinions on fiches go with the same period: one old, one kept.
    const avis = db.prepare(
      "INSERT INTO avis_fiches (horodatage, jour, fiche_id, utile, motif) VALUES (?, ?, 'passeport', 0, 'obsolete')",
    );
    avis.run('2024-11-22T10:00:00Z', '2024-11-22');
    avis.run('2024-11-23T10:00:00Z', '2024-11-23');

    const result = runRetention(db, NOW);
    expect(result).toEqual({
      aggregated: old,
      deleted: old,
      recherches: oldSearches,
      avis: 1,
      limite: '2024-11-23',
    });
    expect(count(db, 'SELECT count(*) FROM avis_fiches')).toBe(1);
    expect(count(db, 'SELECT count(*) FROM journal')).toBe(entries - old);
    expect(count(db, "SELECT min(jour) >= '2024-11-23' FROM journal")).toBe(1);
    expect(count(db, "SELECT count(*) FROM recherches WHERE jour < '2024-11-23'")).toBe(0);
    expect(count(db, 'SELECT count(*) FROM journal_fiches')).toBe(recentFiches);
    expect(count(db, "SELECT max(jour) < '2024-11-23' FROM journal_quotidien")).toBe(1);
    expect(totals(db)).toEqual(before);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(count(db, "SELECT count(*) FROM audit WHERE action = 'retention'")).toBe(1);

    const folded = db.prepare('SELECT * FROM journal_quotidien ORDER BY 1, 2, 3, 4, 5, 6, 7').all();
    expect(runRetention(db, NOW)).toEqual({
      aggregated: 0,
      deleted: 0,
      recherches: 0,
      avis: 0,
      limite: '2024-11-23',
    });
    expect(db.prepare('SELECT * FROM journal_quotidien ORDER BY 1, 2, 3, 4, 5, 6, 7').all()).toEqual(folded);
    expect(totals(db)).toEqual(before);
    expect(count(db, "SELECT count(*) FROM audit WHERE action = 'retention'")).toBe(1);
  });

  it('adds into the daily counts already there, and follows a shorter period', () => {
    fixture = journalFixture();
    const { db } = fixture;
    const random = seeded(7);
    randomEntries(db, random, 3000, '2024-01-01', 400);
    runRetention(db, NOW);
    // Entries of days already folded (a late import), and a period cut to 6 months: both fold in exactly.
    randomEntries(db, random, 2000, '2024-01-01', 700);
    const group = db.prepare('SELECT * FROM journal_quotidien ORDER BY nombre DESC LIMIT 1').get() as {
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
    db.prepare(
      `INSERT INTO journal (horodatage, jour, heure, point_id, canal, issue, motif, service_id, theme, duree_s)
       VALUES ('2024-01-01T10:00:00Z', ?, 11, nullif(?, 0), ?, ?, nullif(?, ''), nullif(?, ''), nullif(?, ''), 30)`,
    ).run(group.jour, group.point_id, group.canal, group.issue, group.motif, group.service_id, group.theme);
    writeRetention(db, fixture.alice, 6, NOW);
    const key = [
      group.jour,
      group.point_id,
      group.theme,
      group.canal,
      group.issue,
      group.motif,
      group.service_id,
    ];
    const pending = db
      .prepare(
        `SELECT count(*) AS n, sum(duree_s) AS d, count(duree_s) AS dn FROM journal WHERE jour = ?
         AND coalesce(point_id, 0) = ? AND coalesce(theme, '') = ? AND canal = ? AND issue = ?
         AND coalesce(motif, '') = ? AND coalesce(service_id, '') = ?`,
      )
      .get(...key) as { n: number; d: number; dn: number };
    expect(pending.n).toBeGreaterThanOrEqual(1);
    const before = totals(db);
    const old = count(db, "SELECT count(*) FROM journal WHERE jour < '2026-05-23'");
    expect(runRetention(db, NOW)).toMatchObject({ aggregated: old, deleted: old, limite: '2026-05-23' });
    expect(totals(db)).toEqual(before);
    expect(count(db, "SELECT count(*) FROM journal WHERE jour < '2026-05-23'")).toBe(0);
    expect(
      db
        .prepare(
          `SELECT nombre, duree_totale_s, duree_nombre FROM journal_quotidien WHERE jour = ? AND point_id = ?
           AND theme = ? AND canal = ? AND issue = ? AND motif = ? AND service_id = ?`,
        )
        .get(...key),
    ).toEqual({
      nombre: group.nombre + pending.n,
      duree_totale_s: group.duree_totale_s + pending.d,
      duree_nombre: group.duree_nombre + pending.dn,
    });
  });

  it('changes nothing when nothing is old enough', () => {
    fixture = journalFixture();
    randomEntries(fixture.db, seeded(1), 200, '2026-01-01', 300);
    expect(runRetention(fixture.db, NOW)).toEqual({
      aggregated: 0,
      deleted: 0,
      recherches: 0,
      avis: 0,
      limite: '2024-11-23',
    });
    expect(count(fixture.db, 'SELECT count(*) FROM journal')).toBe(200);
    expect(count(fixture.db, 'SELECT count(*) FROM audit')).toBe(0);
  });
});
