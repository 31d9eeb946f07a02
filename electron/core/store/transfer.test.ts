// migrate-to-server's copy, against a real PostgreSQL (the run's test cluster): a populated desk database copied
// with its ids and counts, a second run copying nothing, a newer source refused untouched, an older one
// migrated in a copy only, and a server already used refused without a change.
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../dev/test-support/postgres';
import { fillUpTo } from '../../../dev/test-support/migration-rows';
import { sql, type Db } from './db';
import { DatabaseVersionError, migrate, userVersion } from './database';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { PostgresStore } from './postgres/postgres-store';
import { DATABASE_FILE, Store } from './store';
import { TransferError, formatReport, inForeignKeyOrder, transferToPostgres } from './transfer';

let database: TestDatabase;
let target: PostgresStore;

// Each test gets a database of its own, as the server's migrations leave it (with their reference rows).
beforeEach(async () => {
  database = await createTestDatabase();
  target = await PostgresStore.open(database.url, { maxConnections: 2 });
});

afterEach(async () => {
  await target?.close();
  await database?.drop();
});

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'infocite-transfer-'));
}

/** A desk's database at the current schema: the rows of every migration's test, and a few more. */
async function populatedDesk(): Promise<string> {
  const dir = tempDir();
  const store = new Store(dir);
  const db = store.db;
  fillUpTo(store.sqlite, SCHEMA_VERSION);
  await db.run(
    sql`INSERT INTO comptes (id, identifiant, nom, mot_de_passe, cree_le)
        VALUES (7, 'lea', 'Léa Durand', 'scrypt$x', '2025-03-01T08:00:00.000Z')`,
  );
  await db.run(sql`INSERT INTO compte_roles (compte_id, role) VALUES (7, 'agent')`);
  // Enough log entries and audit rows for several batches (the test's batch size is 7).
  for (let n = 0; n < 40; n++) {
    await db.run(
      sql`INSERT INTO journal (horodatage, jour, heure, point_id, compte_id, canal, issue, service_id)
          VALUES (${`2025-04-${String(1 + (n % 28)).padStart(2, '0')}T09:00:00.000Z`},
                  ${`2025-04-${String(1 + (n % 28)).padStart(2, '0')}`}, 9, 1, 7, 'telephone', 'repondu', 'ccas')`,
    );
    await db.run(
      sql`INSERT INTO audit (horodatage, compte_id, auteur, action, objet, objet_id, apres)
          VALUES ('2025-04-01T09:00:00.000Z', 7, 'lea', 'modification', 'point', ${String(n)}, ${`{"n":${n}}`})`,
    );
  }
  await store.close();
  return join(dir, DATABASE_FILE);
}

async function count(db: Db, table: string): Promise<number> {
  return (await db.value<number>(sql`SELECT count(*) FROM ${sql.ref(table)}`)) ?? 0;
}

describe('migrate-to-server: SQLite → PostgreSQL', () => {
  it('copies every table with its ids and values, moves the sequences, and a second run copies nothing', async () => {
    const file = await populatedDesk();
    const source = new Store(join(file, '..'));
    const tables = (
      await source.db.all<{ name: string }>(
        sql`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
    ).map((t) => t.name);
    const expected: Record<string, number> = {};
    for (const table of tables) expected[table] = await count(source.db, table);
    const indicateurs = await source.db.all(
      sql`SELECT jour, point_id, canal, issue, motif, nombre FROM indicateurs_jour ORDER BY jour, point_id, canal, issue, motif`,
    );
    await source.close();
    expect(expected.journal).toBeGreaterThan(40);
    expect(expected.indicateurs_jour).toBeGreaterThan(0);

    const report = await transferToPostgres(file, target.db, { batchSize: 7 });
    expect(report.tables.map((t) => t.table).sort()).toEqual(tables);
    for (const result of report.tables) {
      expect(result, result.table).toEqual({
        table: result.table,
        source: expected[result.table],
        copied: expected[result.table],
        alreadyPresent: 0,
        verified: expected[result.table],
      });
      expect(await count(target.db, result.table), result.table).toBe(expected[result.table]);
    }
    // Parents before children.
    const order = report.tables.map((t) => t.table);
    expect(order.indexOf('agents')).toBeLessThan(order.indexOf('comptes'));
    expect(order.indexOf('comptes')).toBeLessThan(order.indexOf('compte_roles'));
    expect(order.indexOf('journal')).toBeLessThan(order.indexOf('journal_fiches'));

    // A few values, ids kept.
    expect(await target.db.one(sql`SELECT identifiant, nom FROM comptes WHERE id = 7`)).toEqual({
      identifiant: 'lea',
      nom: 'Léa Durand',
    });
    expect(await target.db.value(sql`SELECT cible FROM objectifs WHERE indicateur = 'delai_reponse'`)).toBe(
      3,
    );
    expect(await target.db.value(sql`SELECT fiche_id FROM journal_fiches WHERE entree_id = 1`)).toBe('pacs');
    // The daily counts are the desk's, not counted a second time by PostgreSQL's triggers while copying…
    expect(
      await target.db.all(
        sql`SELECT jour, point_id, canal, issue, motif, nombre FROM indicateurs_jour ORDER BY jour, point_id, canal, issue, motif`,
      ),
    ).toEqual(indicateurs);
    // … and the triggers work again afterwards.
    const triggersOff = await target.db.value<number>(
      sql`SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'`,
    );
    expect(triggersOff).toBe(0);

    // The next ids PostgreSQL gives come after the copied ones.
    const next = await target.db.value<number>(
      sql`INSERT INTO comptes (identifiant, nom, mot_de_passe, cree_le)
          VALUES ('nouveau', 'Nouveau', 'x', '2026-01-01') RETURNING id`,
    );
    expect(next).toBe(8);
    const nextAudit = await target.db.value<number>(
      sql`INSERT INTO audit (horodatage, auteur, action, objet) VALUES ('2026-01-01', 'x', 'x', 'x') RETURNING id`,
    );
    expect(nextAudit).toBe(expected.audit! + 1);
    await target.db.run(sql`DELETE FROM audit WHERE id = ${nextAudit}`);
    await target.db.run(sql`DELETE FROM comptes WHERE id = ${next}`);

    const text = formatReport(report);
    expect(text).toContain('Déjà présentes');
    expect(text).toMatch(/^comptes\s+2\s+2\s+0\s+2$/m);

    // Again: nothing copied twice, everything « déjà présent ».
    const again = await transferToPostgres(file, target.db, { batchSize: 7 });
    for (const result of again.tables) {
      expect(result.copied, result.table).toBe(0);
      expect(result.alreadyPresent, result.table).toBe(expected[result.table]);
      expect(result.verified, result.table).toBe(expected[result.table]);
      expect(await count(target.db, result.table), result.table).toBe(expected[result.table]);
    }
    expect(formatReport(again)).toContain('toutes les lignes sont déjà présentes');
  });

  it('refuses a source from a newer version, leaving it untouched and copying nothing', async () => {
    const file = await populatedDesk();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = readFileSync(file);
    const error = await transferToPostgres(file, target.db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseVersionError);
    expect((error as Error).message).toContain('version plus récente');
    expect((error as Error).message).toContain(`schéma ${SCHEMA_VERSION + 1}`);
    // Refused on the source itself, before the copy is made (the Store would refuse the copy too, naming it).
    expect((error as Error).message).toContain(file);
    expect(readFileSync(file).equals(before)).toBe(true);
    for (const table of ['comptes', 'journal', 'audit']) expect(await count(target.db, table)).toBe(0);
  });

  it('migrates an older source in a temporary copy only, then copies it', async () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    const raw = new Database(file);
    migrate(raw, { backupDir: join(dir, 'ignored'), migrations: MIGRATIONS.slice(0, 1) }, file);
    fillUpTo(raw, 1);
    raw.close();
    const before = readFileSync(file);

    const report = await transferToPostgres(file, target.db);
    expect(report).toMatchObject({ sourceVersion: 1, schemaVersion: SCHEMA_VERSION });
    expect(formatReport(report)).toContain('mise à jour au schéma');
    expect(readFileSync(file).equals(before)).toBe(true);
    const check = new Database(file, { readonly: true });
    expect(userVersion(check)).toBe(1);
    check.close();
    expect(await target.db.value(sql`SELECT identifiant FROM comptes WHERE id = 1`)).toBe('admin');
    expect(report.tables.find((t) => t.table === 'comptes')).toMatchObject({
      source: 1,
      copied: 1,
      verified: 1,
    });
  });

  it('refuses, changing nothing, a PostgreSQL database already holding other data under the same ids', async () => {
    await target.db.run(
      sql`INSERT INTO comptes (id, identifiant, nom, mot_de_passe, cree_le)
          VALUES (1, 'autre', 'Autre administrateur', 'x', '2026-01-01')`,
    );
    const file = await populatedDesk();
    const error = await transferToPostgres(file, target.db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransferError);
    expect((error as Error).message).toContain('comptes (1 ligne(s) sur 2');
    expect((error as Error).message).toContain("Rien n'a été copié");
    // Rolled back: only the row that was there.
    expect(await count(target.db, 'comptes')).toBe(1);
    expect(await count(target.db, 'journal')).toBe(0);
    expect(await count(target.db, 'audit')).toBe(0);
  });

  it('orders tables parents first, whatever their names', () => {
    const order = inForeignKeyOrder([
      { name: 'a_enfant', parents: ['z_parent'] },
      { name: 'm', parents: ['a_enfant', 'z_parent'] },
      { name: 'z_parent', parents: [] },
    ]).map((t) => t.name);
    expect(order).toEqual(['z_parent', 'a_enfant', 'm']);
  });
});
