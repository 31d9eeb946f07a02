// Brings a PostgreSQL database up to the last migration. Two servers starting at once take turns (an advisory
// lock held by the migrating transaction); a database made by a newer version is refused untouched.
import { sql } from 'kysely';
import type { Db } from '../db';
import { DatabaseVersionError } from '../database';
import { POSTGRES_MIGRATIONS } from './migrations';
import type { PostgresMigration } from './migrations/types';

/** Any number, the same in every Info'Cité server: « IC » in ASCII. */
const MIGRATION_LOCK = 0x4943;

export async function schemaVersion(db: Db): Promise<number> {
  const exists = await db.value<string | null>(sql`SELECT to_regclass('public.schema_version')::text`);
  if (!exists) return 0;
  return (await db.value<number>(sql`SELECT coalesce(max(version), 0) FROM schema_version`)) ?? 0;
}

export async function migratePostgres(
  db: Db,
  migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS,
): Promise<void> {
  const latest = migrations.at(-1)?.version ?? 0;
  // READ COMMITTED, not the store's SERIALIZABLE: a serializable transaction's snapshot is taken at its first
  // statement (the lock itself), so the server that waited for the lock would not see the version the other
  // one just committed, and would run the migrations again. Here each statement sees what was committed.
  await db.transaction((tx) => run(tx, migrations, latest), { isolation: 'read committed' });
}

async function run(tx: Db, migrations: readonly PostgresMigration[], latest: number): Promise<void> {
  await tx.run(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
  await tx.run(sql`CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = await schemaVersion(tx);
  if (current > latest)
    throw new DatabaseVersionError(
      `La base PostgreSQL a été créée par une version plus récente d'Info'Cité (schéma ${current}, ` +
        `cette version connaît jusqu'au schéma ${latest}). Installez la dernière version du serveur ; ` +
        `la base n'a pas été modifiée.`,
    );
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    await tx.run(sql.raw(migration.sql));
    await tx.run(
      sql`INSERT INTO schema_version (version, name, applied_at)
          VALUES (${migration.version}, ${migration.name}, ${new Date().toISOString()})`,
    );
  }
}
