/**
 * One step of the PostgreSQL schema, numbered like its SQLite twin in ../../migrations (the schema test checks the
 * two agree after each). Landed migrations are never edited.
 */
export interface PostgresMigration {
  version: number;
  name: string;
  /** Statements run in one transaction (PL/pgSQL bodies included). */
  sql: string;
}
