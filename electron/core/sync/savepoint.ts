// A savepoint inside the running transaction: `work` either leaves all its writes or none of them, while the
// transaction around it goes on (a desk's entry refused half-way is kept as a dead letter, in the same
// transaction that records its uid). Plain SQL that both engines understand; on PostgreSQL, rolling back to the
// savepoint is also what lets the transaction continue after a failed statement.
import { sql, type Db } from '../store/db';
import { isSerializationFailure, isUnreachable } from '../store/errors';

/** Runs `work` in a savepoint of `tx` (which must be a transaction): released when it resolves, undone when it throws. */
export async function inSavepoint<T>(tx: Db, work: () => Promise<T>): Promise<T> {
  await tx.run(sql`SAVEPOINT sync_entry`);
  try {
    const result = await work();
    await tx.run(sql`RELEASE SAVEPOINT sync_entry`);
    return result;
  } catch (error) {
    try {
      await tx.run(sql`ROLLBACK TO SAVEPOINT sync_entry`);
      await tx.run(sql`RELEASE SAVEPOINT sync_entry`);
    } catch (rollback) {
      // The connection itself failed (the transaction is lost anyway): the first error says why.
      if (mustPropagate(error)) throw error;
      throw rollback;
    }
    throw error;
  }
}

/**
 * Errors that are not the entry's fault and must fail the whole transaction rather than become a dead letter:
 * a collision with a concurrent transaction (PostgreSQL tries the transaction again from the start) or a
 * database out of reach (the desk sends again later).
 */
export function mustPropagate(error: unknown): boolean {
  return isSerializationFailure(error) || isUnreachable(error);
}
