import type { SqliteHandle as Db } from '../database';

/** One step of the schema. Landed migrations are never edited: a change is a new, higher-numbered one. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
