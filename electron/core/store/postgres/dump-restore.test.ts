// The backup and restore docs/SERVEUR.md prescribes on PostgreSQL, run for real on the test cluster: a database
// with rows → pg_dump --format=custom → the database dropped and created again → pg_restore → the same rows, and
// a server opening it again (its schema recognised, nothing migrated twice).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  admin,
  createTestDatabase,
  run,
  testPostgresUrl,
  type TestDatabase,
} from '../../../../dev/test-support/postgres';
import { sql, type Db } from '../db';
import { SCHEMA_VERSION } from '../migrations';
import { schemaVersion } from './migrate';
import { PostgresStore } from './postgres-store';

async function counts(db: Db): Promise<Record<string, number>> {
  const tables = await db.all<{ name: string }>(
    sql`SELECT tablename AS "name" FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  );
  const result: Record<string, number> = {};
  for (const { name } of tables)
    result[name] = (await db.value<number>(sql`SELECT count(*) FROM ${sql.ref(name)}`)) ?? 0;
  return result;
}

let database: TestDatabase | null = null;
afterAll(async () => {
  await database?.drop();
});

describe('PostgreSQL backups with pg_dump and pg_restore (docs/SERVEUR.md)', () => {
  it('restores a dropped database from its custom-format dump, every row back', async () => {
    database = await createTestDatabase();
    const name = new URL(database.url).pathname.slice(1);
    const store = await PostgresStore.open(database.url, { maxConnections: 2 });
    const db = store.db;
    await db.run(
      sql`INSERT INTO comptes (identifiant, nom, mot_de_passe, cree_le)
          VALUES ('admin', 'Camille Admin', 'scrypt$x', '2025-01-02T08:00:00.000Z')`,
    );
    await db.run(sql`INSERT INTO compte_roles (compte_id, role) VALUES (1, 'administrateur')`);
    await db.run(
      sql`INSERT INTO points (code, nom, entite, type, cree_le)
          VALUES ('accueil', 'Accueil', 'ville', 'physique', '2025-01-02')`,
    );
    for (let n = 1; n <= 5; n++) {
      await db.run(
        sql`INSERT INTO journal (horodatage, jour, heure, point_id, compte_id, canal, issue, service_id)
            VALUES (${`2025-01-0${n}T09:30:00.000Z`}, ${`2025-01-0${n}`}, 10, 1, 1, 'accueil_physique',
                    'oriente_fiche', 'etat-civil')`,
      );
      await db.run(
        sql`INSERT INTO audit (horodatage, compte_id, auteur, action, objet, objet_id)
            VALUES ('2025-01-02T08:00:00.000Z', 1, 'admin', 'creation', 'point', ${String(n)})`,
      );
    }
    const before = await counts(store.db);
    const compte = await store.db.one(sql`SELECT identifiant, nom FROM comptes WHERE id = 1`);
    const indicateurs = await store.db.all(
      sql`SELECT jour, point_id, canal, issue, nombre FROM indicateurs_jour ORDER BY jour, point_id, canal, issue`,
    );
    await store.close();
    expect(before.comptes).toBe(1);
    expect(before.journal).toBe(5);
    expect(before.indicateurs_jour).toBeGreaterThan(0);

    const dump = join(mkdtempSync(join(tmpdir(), 'infocite-dump-')), 'infocite.dump');
    await run('pg_dump', ['--format=custom', `--file=${dump}`, database.url]);
    await admin(testPostgresUrl(), async (client) => {
      await client.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${name}`);
    });
    await run('pg_restore', ['--clean', '--if-exists', `--dbname=${database.url}`, dump]);

    const restored = await PostgresStore.open(database.url, { maxConnections: 2 });
    try {
      expect(await schemaVersion(restored.db)).toBe(SCHEMA_VERSION);
      expect(await counts(restored.db)).toEqual(before);
      expect(await restored.db.one(sql`SELECT identifiant, nom FROM comptes WHERE id = 1`)).toEqual(compte);
      expect(
        await restored.db.all(
          sql`SELECT jour, point_id, canal, issue, nombre FROM indicateurs_jour ORDER BY jour, point_id, canal, issue`,
        ),
      ).toEqual(indicateurs);
      // The identities continue after the restored ids, and the triggers came back with the tables.
      const next = await restored.db.value<number>(
        sql`INSERT INTO comptes (identifiant, nom, mot_de_passe, cree_le)
            VALUES ('apres', 'Après', 'x', '2026-01-01') RETURNING id`,
      );
      expect(next).toBe(2);
      const triggers = await restored.db.value<number>(
        sql`SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal`,
      );
      expect(triggers).toBeGreaterThan(0);
    } finally {
      await restored.close();
    }
  });
});
