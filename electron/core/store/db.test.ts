// The Db's own rules, on both engines: a savepoint undoes only its own writes (and nests), a transaction rolls
// back whole, an insert that returns no id is an error.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../dev/test-support/postgres';
import type { CoreStore } from './core-store';
import { sql } from './db';
import { PostgresStore } from './postgres/postgres-store';
import { Store } from './store';

let database: TestDatabase;
const stores: Record<string, CoreStore> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  stores.sqlite = new Store(mkdtempSync(join(tmpdir(), 'infocite-db-')));
  stores.postgres = await PostgresStore.open(database.url);
});

afterAll(async () => {
  for (const store of Object.values(stores)) await store.close();
  await database?.drop();
});

const insert = (cle: string) => sql`INSERT INTO reglages (cle, valeur) VALUES (${cle}, '1')`;

describe.each(['sqlite', 'postgres'])('Db on %s', (engine) => {
  const db = () => stores[engine]!.db;
  const kept = async (prefix: string) =>
    (
      await db().all<{ cle: string }>(
        sql`SELECT cle FROM reglages WHERE cle LIKE ${`${prefix}%`} ORDER BY cle`,
      )
    ).map((row) => row.cle);

  it('undoes a failed savepoint only, nested ones included, and commits the rest', async () => {
    await db().transaction(async (tx) => {
      await tx.run(insert('sp-a'));
      await expect(
        tx.savepoint(async () => {
          await tx.run(insert('sp-b'));
          await tx.savepoint(() => tx.run(insert('sp-c')));
          await tx.run(insert('sp-a')); // a unique violation: b and c go, a stays
        }),
      ).rejects.toThrow();
      await tx.savepoint(() => tx.run(insert('sp-d')));
    });
    expect(await kept('sp-')).toEqual(['sp-a', 'sp-d']);
  });

  it('rolls a whole transaction back when its work throws', async () => {
    await expect(
      db().transaction(async (tx) => {
        await tx.run(insert('tx-a'));
        throw new Error('non');
      }),
    ).rejects.toThrow('non');
    expect(await kept('tx-')).toEqual([]);
  });

  it('refuses a savepoint outside a transaction, and an insert that returns no id', async () => {
    await expect(db().savepoint(() => Promise.resolve())).rejects.toThrow('transaction');
    await expect(db().insertId(sql`SELECT id FROM comptes WHERE 1 = 0`)).rejects.toThrow('no id');
  });
});
