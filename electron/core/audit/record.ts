import { sql, type Db } from '../store/db';

/** Who made a change: an account, or the system (seeds, migrations of data). */
export interface Actor {
  compteId: number | null;
  identifiant: string;
}

export const SYSTEM_ACTOR: Actor = { compteId: null, identifiant: 'système' };

export interface AuditEntry {
  /** A verb: « creation », « modification », « suppression », or the domain's (« accorder »…). */
  action: string;
  /** The kind of record: « compte », « point », « agent », « affectation », « label »… */
  objet: string;
  objetId: string | number | null;
  avant?: unknown;
  apres?: unknown;
}

/**
 * Writes one row of the audit trail. Call it inside the transaction that makes the change, so the row exists
 * exactly when the change does.
 */
export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry, at: Date): Promise<void> {
  if (!db.inTransaction) throw new Error('recordAudit must run inside the transaction of the change');
  await db.run(sql`
    INSERT INTO audit (horodatage, compte_id, auteur, action, objet, objet_id, avant, apres)
    VALUES (${at.toISOString()}, ${actor.compteId}, ${actor.identifiant}, ${entry.action}, ${entry.objet},
      ${entry.objetId === null ? null : String(entry.objetId)},
      ${entry.avant === undefined ? null : JSON.stringify(entry.avant)},
      ${entry.apres === undefined ? null : JSON.stringify(entry.apres)})`);
}

/**
 * Changes one record and audits it as it was before and as it is after, both read by `read` inside the
 * caller's transaction, so the pair is exactly what the change did. `change` gets the state before, for the
 * checks that depend on it. Returns the state after.
 */
export async function auditedUpdate<T>(
  db: Db,
  actor: Actor,
  entry: Omit<AuditEntry, 'avant' | 'apres'>,
  read: () => T | Promise<T>,
  change: (before: T) => void | Promise<void>,
  now: Date,
): Promise<T> {
  const avant = await read();
  await change(avant);
  const apres = await read();
  await recordAudit(db, actor, { ...entry, avant, apres }, now);
  return apres;
}
