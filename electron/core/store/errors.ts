// The database's own failures, read the same way on both engines, so a refusal says the same thing in French
// whether the city runs SQLite or PostgreSQL.

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : '';
}

/** A UNIQUE or PRIMARY KEY constraint refused the write (SQLite's code, PostgreSQL's 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** Two concurrent transactions collided (PostgreSQL's serialisation failure or deadlock): try again. */
export function isSerializationFailure(error: unknown): boolean {
  const code = codeOf(error);
  return code === '40001' || code === '40P01';
}

/** Codes of a database the server cannot reach, or that is shutting down or starting (PostgreSQL). */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
  '53300', // too_many_connections
]);

/** The database cannot be reached now (PostgreSQL restarting, the network cut); the call can be tried later. */
export function isUnreachable(error: unknown): boolean {
  if (UNREACHABLE.has(codeOf(error))) return true;
  // node-postgres reports a connection lost mid-query or a pool timeout with a plain Error and no code.
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(
    message,
  );
}

export const UNIQUE_MESSAGE = 'Un enregistrement identique existe déjà (même code, identifiant ou courriel).';
export const SERIALIZATION_MESSAGE =
  'Un autre poste modifiait les mêmes données au même moment : réessayez dans un instant.';
export const UNREACHABLE_MESSAGE =
  'La base de données du serveur ne répond pas (redémarrage ou coupure du réseau). ' +
  'Réessayez dans un instant ; rien n’a été enregistré par cette action.';
