// The core the API tests start: on SQLite by default, on a fresh PostgreSQL database of the test cluster when
// INFOCITE_TEST_ENGINE=postgres (CI runs the server and multi-desk tests both ways). The database is dropped
// when the core closes.
import type { Core, CoreOptions } from '../../electron/core/app';
import { createCore } from '../../electron/core/app';
import { createTestDatabase } from './postgres';

const TEST_ENGINE = process.env.INFOCITE_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export async function testCore(options: CoreOptions): Promise<Core> {
  if (TEST_ENGINE === 'sqlite' || options.database) return createCore(options);
  const database = await createTestDatabase();
  let core: Core;
  try {
    core = await createCore({ ...options, database: database.url });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const close = core.close;
  return {
    ...core,
    close: async () => {
      await close();
      await database.drop();
    },
  };
}
