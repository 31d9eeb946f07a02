// The agents who may switch in with a PIN at a point's desk: active accounts holding the agent role, with a PIN,
// linked to a person assigned to that point on that day. The window's PIN list and the PIN hashes a city desk
// keeps for offline use (sync.desk) both read this one query.
import type { Db } from '../store/db';

export interface PinAgent {
  compteId: number;
  nom: string;
  /** The stored scrypt hash of the PIN. */
  pinHash: string;
}

export function pinAgentsOf(db: Db, pointId: number, day: string): PinAgent[] {
  return db
    .prepare(
      `SELECT DISTINCT c.id AS compteId, c.nom AS nom, c.pin AS pinHash
       FROM comptes c
       JOIN compte_roles r ON r.compte_id = c.id AND r.role = 'agent'
       JOIN affectations a ON a.agent_id = c.agent_id
       WHERE c.actif = 1 AND c.pin IS NOT NULL AND a.point_id = ?
         AND a.debut <= ? AND (a.fin IS NULL OR a.fin >= ?)
       ORDER BY c.nom COLLATE NOCASE, c.id`,
    )
    .all(pointId, day, day) as PinAgent[];
}
