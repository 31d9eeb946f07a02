import type { PostgresMigration } from './types';

/** Every PostgreSQL migration, in order, numbered like the SQLite ones. */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [];
