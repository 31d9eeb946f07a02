import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../dev/test-support/postgres';
import { sql, type Db, type RawBuilder } from '../../electron/core/store/db';
import { PostgresStore } from '../../electron/core/store/postgres/postgres-store';
import { Store } from '../../electron/core/store/store';
import { demoKnowledge, generateJournal } from './journal-data';

const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

function fresh(): Store {
  const store = new Store(mkdtempSync(join(tmpdir(), 'infocite-journal-data-')));
  stores.push(store);
  return store;
}

/** The first column of every row, as text. */
async function column(db: Db, query: RawBuilder<unknown>): Promise<string[]> {
  return (await db.all<Record<string, string>>(query as RawBuilder<Record<string, string>>)).map(
    (row) => Object.values(row)[0] as string,
  );
}

describe('generateJournal', () => {
  it('writes a plausible, valid year: weekdays, desk hours, mostly answered, known codes', async () => {
    const { db } = fresh();
    const summary = await generateJournal(db, { entries: 5000, year: 2025, points: 4, seed: 3 });
    expect(summary).toMatchObject({ entries: 5000, firstId: 1, lastId: 5000 });
    expect(summary.pointIds).toHaveLength(4);
    const one = (query: RawBuilder<unknown>) => db.value(query);
    expect(await one(sql`SELECT count(*) FROM journal`)).toBe(5000);
    expect(await one(sql`SELECT count(*) FROM journal WHERE jour NOT LIKE '2025-%'`)).toBe(0);
    // getUTCDay of the day at noon UTC: 0 is Sunday, 6 Saturday.
    const weekend = (await column(db, sql`SELECT DISTINCT jour FROM journal`)).filter((jour) =>
      [0, 6].includes(new Date(`${jour}T12:00:00Z`).getUTCDay()),
    );
    expect(weekend).toEqual([]);
    expect(await one(sql`SELECT count(*) FROM journal WHERE jour IN ('2025-05-01', '2025-12-25')`)).toBe(0);
    expect(
      await one(sql`SELECT CASE WHEN min(heure) >= 8 AND max(heure) <= 17 THEN 1 ELSE 0 END FROM journal`),
    ).toBe(1);
    const answered = (await one(
      sql`SELECT avg(CASE WHEN issue = 'repondu' THEN 1.0 ELSE 0.0 END) FROM journal`,
    )) as number;
    expect(answered).toBeGreaterThan(0.65);
    expect(answered).toBeLessThan(0.75);
    expect(await one(sql`SELECT count(*) FROM journal WHERE horodatage < jour`)).toBe(0);

    const knowledge = demoKnowledge();
    const contacts = new Set(knowledge.contacts.map((contact) => contact.id));
    const fiches = new Set(knowledge.fiches.map((fiche) => fiche.id));
    const themes = new Set(knowledge.themes.map((theme) => theme.id));
    expect(
      (await column(db, sql`SELECT DISTINCT service_id FROM journal WHERE service_id IS NOT NULL`)).every(
        (id) => contacts.has(id),
      ),
    ).toBe(true);
    expect(
      (await column(db, sql`SELECT DISTINCT fiche_id FROM journal_fiches`)).every((id) => fiches.has(id)),
    ).toBe(true);
    expect(
      (await column(db, sql`SELECT DISTINCT theme FROM journal WHERE theme IS NOT NULL`)).every((id) =>
        themes.has(id),
      ),
    ).toBe(true);
    expect(
      await one(
        sql`SELECT count(*) FROM journal WHERE issue IN ('oriente_fiche', 'oriente_autre') AND service_id IS NULL`,
      ),
    ).toBe(0);
    expect(await one(sql`SELECT count(*) FROM recherches WHERE resultats = 0`)).toBeGreaterThan(0);
    // SQLite's own check that no row points to a missing one (PostgreSQL enforces its keys at every write).
    if (db.engine === 'sqlite') expect(await db.all(sql`PRAGMA foreign_key_check`)).toEqual([]);
  });

  it('writes the same rows for the same seed, after the entries already there', async () => {
    const a = fresh().db;
    const b = fresh().db;
    await generateJournal(a, { entries: 500, year: 2024, points: 2, seed: 9 });
    await generateJournal(b, { entries: 500, year: 2024, points: 2, seed: 9 });
    const rows = (db: Db) => db.all(sql`SELECT * FROM journal ORDER BY id`);
    expect(await rows(a)).toEqual(await rows(b));
    const more = await generateJournal(a, { entries: 100, year: 2025, points: 2, seed: 10 });
    expect(more).toMatchObject({ firstId: 501, lastId: 600, pointIds: [1, 2] });
  });

  it('writes the same rows on PostgreSQL, in its larger statements, and moves its sequence past them', async () => {
    const sqlite = fresh().db;
    const database = await createTestDatabase();
    const postgres = await PostgresStore.open(database.url);
    try {
      const options = { entries: 5000, year: 2025, points: 3, seed: 4 };
      const [a, b] = [await generateJournal(sqlite, options), await generateJournal(postgres.db, options)];
      expect(b).toMatchObject({ entries: a.entries, fiches: a.fiches, searches: a.searches, lastId: 5000 });
      for (const query of [
        sql`SELECT id, horodatage, jour, heure, point_id, canal, issue, service_id, motif, theme, duree_s
            FROM journal ORDER BY id`,
        sql`SELECT entree_id, fiche_id FROM journal_fiches ORDER BY entree_id, fiche_id`,
        sql`SELECT horodatage, requete, resultats, entree_id FROM recherches ORDER BY id`,
        sql`SELECT jour, point_id, canal, issue, nombre FROM indicateurs_jour
            ORDER BY jour, point_id, canal, issue, motif`,
      ])
        expect(await postgres.db.all(query)).toEqual(await sqlite.all(query));
      const next = await postgres.db.value<number>(
        sql`INSERT INTO journal (horodatage, jour, heure, canal, issue)
            VALUES ('2026-01-05T09:00:00.000Z', '2026-01-05', 10, 'telephone', 'repondu') RETURNING id`,
      );
      expect(next).toBe(5001);
    } finally {
      await postgres.close();
      await database.drop();
    }
  });
});
