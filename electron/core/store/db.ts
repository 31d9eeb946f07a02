// The one way the core talks to its database, on either engine: SQLite (better-sqlite3, a standalone desk and
// each desk's own copy) or PostgreSQL (`pg`, the city server). Queries are Kysely `sql` templates: one text,
// compiled by Kysely for the engine at hand (placeholders, quoting), so no query is ever written twice.
//
// A transaction follows the async call chain (AsyncLocalStorage): any `db` call made while a transaction runs,
// even through `store.db` or a function that was handed the root handle, goes to that transaction's connection.
// Without this, a helper forgetting to pass the transaction along would wait forever for SQLite's single
// connection (held by the transaction), or see PostgreSQL's committed state only.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, RawBuilder, Transaction } from 'kysely';
import { sql } from 'kysely';
import { isSerializationFailure } from './errors';

export { sql };
export type { RawBuilder };

export type Engine = 'sqlite' | 'postgres';

/**
 * Kysely's view of the tables. The core writes its queries as `sql` templates typed at each query (the row type
 * given to `sql<Row>`), so the builder's table typing is not used: an open record type keeps Kysely's generic
 * satisfied without a second, hand-kept copy of the schema.
 */
export type Tables = Record<string, Record<string, unknown>>;

/** What a write changed. */
export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

type Isolation = 'serializable' | 'read committed';

export interface TransactionOptions {
  /** PostgreSQL's isolation level; SERIALIZABLE by default (SQLite's single connection is always serial). */
  isolation?: Isolation;
}

/** How many times a PostgreSQL transaction is tried again after a serialisation failure or a deadlock. */
const MAX_ATTEMPTS = 6;

export class Db {
  /** The transaction running in the current async call chain, per root handle. */
  private readonly active = new AsyncLocalStorage<Db>();
  /** Savepoints open in this transaction (their names are numbered). */
  private savepoints = 0;

  constructor(
    private readonly executor: Kysely<Tables> | Transaction<Tables>,
    readonly engine: Engine,
    private readonly isTransaction = false,
  ) {}

  /** The Kysely instance, for the few queries built with Kysely's builder (introspection, bulk copies). */
  get kysely(): Kysely<Tables> {
    return this.current().executor;
  }

  private current(): Db {
    return this.isTransaction ? this : (this.active.getStore() ?? this);
  }

  /** Whether a transaction runs in the current async call chain (the audit trail refuses to write outside one). */
  get inTransaction(): boolean {
    return this.current().isTransaction;
  }

  /** Every row. */
  async all<T>(query: RawBuilder<T>): Promise<T[]> {
    const result = await query.execute(this.current().executor);
    return result.rows;
  }

  /** The first row, if any. */
  async one<T>(query: RawBuilder<T>): Promise<T | undefined> {
    return (await this.all(query))[0];
  }

  /** The first column of the first row (`SELECT count(*) …`, `INSERT … RETURNING id`), if any. */
  async value<V>(query: RawBuilder<unknown>): Promise<V | undefined> {
    const row = (await this.all(query))[0];
    if (row === undefined || row === null || typeof row !== 'object') return undefined;
    return Object.values(row)[0] as V;
  }

  /** A write; how many rows it changed. */
  async run(query: RawBuilder<unknown>): Promise<RunResult> {
    const result = await query.execute(this.current().executor);
    return { changes: Number(result.numAffectedRows ?? 0n) };
  }

  /** The id an `INSERT … RETURNING id` gave; a missing one is a bug of the query, never a silent NaN. */
  async insertId(query: RawBuilder<unknown>): Promise<number> {
    const id = await this.value<number>(query);
    if (typeof id !== 'number') throw new Error('INSERT … RETURNING id gave no id');
    return id;
  }

  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws. Inside a transaction
   * already, `work` simply joins it. On PostgreSQL the transaction is SERIALIZABLE (unless `isolation` says
   * otherwise) and tried again (from the start, so `work` must only change the database) when two concurrent
   * calls conflict; on SQLite the single connection already runs transactions one at a time.
   */
  async transaction<T>(work: (tx: Db) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const running = this.current();
    if (running.isTransaction) return work(running);
    const isolation = options.isolation ?? 'serializable';
    if (this.engine === 'sqlite') return this.attempt(work, isolation);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(work, isolation);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isSerializationFailure(error)) throw error;
        // A short random wait, growing, so the two conflicting calls do not collide again at once.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
      }
    }
  }

  /**
   * Runs `work` inside the current transaction so that it leaves all its writes or none, while the transaction
   * goes on when it throws (the caller decides what a failure means). Savepoints are numbered, so they nest.
   */
  async savepoint<T>(work: () => Promise<T>): Promise<T> {
    const tx = this.current();
    if (!tx.isTransaction) throw new Error('a savepoint needs a running transaction');
    const name = sql.raw(`sp_${++tx.savepoints}`);
    await tx.run(sql`SAVEPOINT ${name}`);
    try {
      const result = await work();
      await tx.run(sql`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      // On PostgreSQL, rolling back to the savepoint is also what lets the transaction continue after a failed
      // statement. If the connection itself is gone, the first error says why.
      await tx.run(sql`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
      throw error;
    } finally {
      tx.savepoints--;
    }
  }

  private attempt<T>(work: (tx: Db) => Promise<T>, isolation: Isolation): Promise<T> {
    const root = this.executor as Kysely<Tables>;
    const begin =
      this.engine === 'postgres' ? root.transaction().setIsolationLevel(isolation) : root.transaction();
    return begin.execute((trx) => {
      const tx = new Db(trx, this.engine, true);
      return this.active.run(tx, () => work(tx));
    });
  }

  /** Closes the connection (SQLite) or the pool (PostgreSQL). */
  async destroy(): Promise<void> {
    await (this.executor as Kysely<Tables>).destroy();
  }
}
