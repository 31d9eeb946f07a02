// Backups on the city server's PostgreSQL: the app takes none, and Réglages says how instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../dev/test-support/postgres';
import { RefusedError } from '../errors';
import { sql } from '../store/db';
import { POSTGRES_BACKUP_MESSAGE, PostgresStore } from '../store/postgres/postgres-store';
import { backupNow, listBackups, restoreBackup } from './backups';

const ACTOR = { compteId: 1, identifiant: 'admin' };
const NOW = new Date('2026-11-23T09:00:00Z');
let database: TestDatabase;
let store: PostgresStore;

beforeAll(async () => {
  database = await createTestDatabase();
  store = await PostgresStore.open(database.url, { maxConnections: 2 });
});

afterAll(async () => {
  await store?.close();
  await database?.drop();
});

describe('backups on PostgreSQL', () => {
  it('lists no copies but the engine and the pg_dump / pg_restore advice', () => {
    expect(listBackups(store)).toEqual({
      engine: 'postgres',
      folder: null,
      backups: [],
      conseil: POSTGRES_BACKUP_MESSAGE,
    });
    expect(POSTGRES_BACKUP_MESSAGE).toContain('pg_dump --format=custom');
    expect(POSTGRES_BACKUP_MESSAGE).toContain('pg_restore');
  });

  it('refuses to back up or restore from the app, saying how, and audits nothing', async () => {
    await expect(backupNow(store, ACTOR, NOW)).rejects.toThrow(RefusedError);
    await expect(backupNow(store, ACTOR, NOW)).rejects.toThrow(POSTGRES_BACKUP_MESSAGE);
    await expect(restoreBackup(store, 'sauvegarde.db', ACTOR, NOW)).rejects.toThrow(POSTGRES_BACKUP_MESSAGE);
    expect(await store.db.value<number>(sql`SELECT count(*) FROM audit`)).toBe(0);
  });
});
