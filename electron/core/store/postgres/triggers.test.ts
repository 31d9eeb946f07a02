// The running counts of the log (migration 005's triggers) come out the same on both engines: the same writes
// to journal, journal_fiches and journal_quotidien, run on SQLite and on PostgreSQL, leave the same rows in every
// indicateurs_* table after each step.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../dev/test-support/postgres';
import { sql } from '../db';
import { Store } from '../store';
import { PostgresStore } from './postgres-store';

const COUNTS = [
  'indicateurs_jour',
  'indicateurs_service_jour',
  'indicateurs_service_mois',
  'indicateurs_heure_jour',
  'indicateurs_heure_mois',
  'indicateurs_fiche_jour',
  'indicateurs_fiche_mois',
];

let database: TestDatabase;
let postgres: PostgresStore;
let sqlite: Store;

beforeAll(async () => {
  database = await createTestDatabase();
  postgres = await PostgresStore.open(database.url);
  sqlite = new Store(mkdtempSync(join(tmpdir(), 'infocite-triggers-')));
});

afterAll(async () => {
  await postgres?.close();
  await sqlite?.close();
  await database?.drop();
});

/** The same statements on both engines. */
async function both(statements: string): Promise<void> {
  sqlite.sqlite.exec(statements);
  await postgres.db.run(sql.raw(statements));
}

async function rows(table: string, engine: 'sqlite' | 'postgres'): Promise<string[]> {
  const all =
    engine === 'sqlite'
      ? (sqlite.sqlite.prepare(`SELECT * FROM ${table}`).all() as unknown[])
      : await postgres.db.all(sql.raw(`SELECT * FROM ${table}`));
  return all.map((row) => JSON.stringify(row)).sort();
}

/** Every count table alike on both engines; returns how many count rows there are. */
async function expectSameCounts(step: string): Promise<number> {
  let total = 0;
  const differences: string[] = [];
  for (const table of COUNTS) {
    const [expected, actual] = [await rows(table, 'sqlite'), await rows(table, 'postgres')];
    if (JSON.stringify(expected) !== JSON.stringify(actual))
      differences.push(
        `${step}, ${table}:\n  SQLite     ${expected.join(' ')}\n  PostgreSQL ${actual.join(' ')}`,
      );
    total += expected.length;
  }
  expect(differences.join('\n')).toBe('');
  return total;
}

const ENTRY =
  'INSERT INTO journal (id, horodatage, jour, heure, point_id, canal, issue, service_id, motif, theme, duree_s)';

describe('the running counts of the log, on SQLite and PostgreSQL', () => {
  it('count the same entries, fiches, corrections, deletions and daily counts alike', async () => {
    await both(`
      INSERT INTO points (id, code, nom, entite, type, cree_le) VALUES
        (1, 'MAIRIE', 'Mairie', 'ville', 'physique', '2026-01-01'),
        (2, 'ANNEXE', 'Annexe', 'ville', 'mixte', '2026-01-01');`);

    await both(`
      ${ENTRY} VALUES (1, '2026-03-01T08:10:00Z', '2026-03-01', 9, 1, 'accueil_physique', 'repondu', NULL, NULL, 'etat-civil', 120);
      ${ENTRY} VALUES (2, '2026-03-01T08:20:00Z', '2026-03-01', 9, 1, 'accueil_physique', 'oriente_fiche', 'svc-caf', NULL, NULL, 300);
      ${ENTRY} VALUES (3, '2026-03-02T13:00:00Z', '2026-03-02', 14, NULL, 'telephone', 'oriente_autre', 'svc-impots', NULL, NULL, NULL);
      ${ENTRY} VALUES (4, '2026-03-31T21:00:00Z', '2026-03-31', 23, 2, 'courriel', 'non_resolu', NULL, 'pas_de_fiche', NULL, 60);
      ${ENTRY} VALUES (5, '2026-03-31T22:00:00Z', '2026-04-01', 0, 2, 'telephone', 'oriente_fiche', '', NULL, NULL, 0);
      ${ENTRY} VALUES (6, '2026-03-01T08:40:00Z', '2026-03-01', 9, 1, 'accueil_physique', 'repondu', NULL, NULL, NULL, NULL);
      INSERT INTO journal_fiches (entree_id, fiche_id) VALUES
        (1, 'f-passeport'), (1, 'f-cni'), (2, 'f-caf'), (6, 'f-passeport'), (3, 'f-impots'), (5, 'f-caf');`);
    expect(await expectSameCounts('entries')).toBeGreaterThan(20);
    // 2026-03-01 is a Sunday: 7, as SQLite's strftime('%u') says.
    expect(
      await postgres.db.all(sql`SELECT jour_semaine, nombre FROM indicateurs_heure_mois
        WHERE mois = '2026-03' AND heure = 9 AND point_id = 1`),
    ).toEqual([{ jour_semaine: 7, nombre: 3 }]);
    expect(
      await postgres.db.all(sql`SELECT nombre, duree_totale_s, duree_nombre FROM indicateurs_jour
        WHERE jour = '2026-03-01' AND issue = 'repondu'`),
    ).toEqual([{ nombre: 2, duree_totale_s: 120, duree_nombre: 1 }]);

    await both(`
      UPDATE journal SET jour = '2026-03-03', canal = 'telephone' WHERE id = 1;
      UPDATE journal SET issue = 'oriente_autre', service_id = 'svc-caf', motif = NULL WHERE id = 4;
      UPDATE journal SET theme = 'famille' WHERE id = 2;
      UPDATE journal SET duree_s = 10 WHERE id = 3;
      UPDATE journal SET point_id = 1 WHERE id = 5;`);
    await expectSameCounts('corrections');

    await both(`
      DELETE FROM journal_fiches WHERE entree_id = 1 AND fiche_id = 'f-cni';
      DELETE FROM journal WHERE id = 6;
      DELETE FROM journal WHERE id = 2;`);
    await expectSameCounts('deletions');

    await both(`
      INSERT INTO journal_quotidien (jour, point_id, theme, canal, issue, motif, service_id, nombre, duree_totale_s, duree_nombre)
      VALUES ('2025-12-01', 1, '', 'accueil_physique', 'oriente_fiche', '', 'svc-caf', 5, 600, 3),
             ('2026-03-02', 0, '', 'telephone', 'oriente_autre', '', 'svc-impots', 2, 0, 0);
      UPDATE journal_quotidien SET nombre = nombre + 3 WHERE jour = '2025-12-01';`);
    await expectSameCounts('daily counts');

    // Retention: the entries of March leave the log for the daily counts.
    await both(`
      INSERT INTO journal_quotidien (jour, point_id, theme, canal, issue, motif, service_id, nombre, duree_totale_s, duree_nombre)
      SELECT jour, coalesce(point_id, 0), coalesce(theme, ''), canal, issue, coalesce(motif, ''), coalesce(service_id, ''),
             1, coalesce(duree_s, 0), CASE WHEN duree_s IS NULL THEN 0 ELSE 1 END
      FROM journal WHERE id = 1;
      DELETE FROM journal WHERE id = 1;
      DELETE FROM journal_quotidien WHERE jour = '2026-03-02';`);
    await expectSameCounts('retention');

    // Everything gone: no count left behind (zeros are pruned) on either engine.
    await both(`DELETE FROM journal; DELETE FROM journal_quotidien;`);
    expect(await expectSameCounts('emptied')).toBe(0);
  });
});
