// What a desk's entry failing in its savepoint (Db.savepoint) means: a refusal of the entry becomes a dead letter
// in the same transaction that records its uid; anything else fails the whole transaction.
import { isSerializationFailure, isUnreachable } from '../store/errors';

/**
 * Errors that are not the entry's fault and must fail the whole transaction rather than become a dead letter:
 * a collision with a concurrent transaction (PostgreSQL tries the transaction again from the start) or a
 * database out of reach (the desk sends again later).
 */
export function mustPropagate(error: unknown): boolean {
  return isSerializationFailure(error) || isUnreachable(error);
}
