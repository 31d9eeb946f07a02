// The agents who may switch in with a PIN at a point's desk: active accounts holding the agent role, with a PIN,
// linked to a person assigned to that point on that day. The window's PIN list and the PIN hashes a city desk
// keeps for offline use (sync.desk) both read this one query.
import { sql, type Db } from '../store/db';

export interface PinAgent {
  compteId: number;
  nom: string;
  /** The stored scrypt hash of the PIN. */
  pinHash: string;
}

export async function pinAgentsOf(db: Db, pointId: number, day: string): Promise<PinAgent[]> {
  // EXISTS rather than DISTINCT over the join: PostgreSQL wants a DISTINCT query's ORDER BY in its select list.
  return db.all<PinAgent>(
    sql`SELECT c.id AS "compteId", c.nom AS nom, c.pin AS "pinHash"
       FROM comptes c
       JOIN compte_roles r ON r.compte_id = c.id AND r.role = 'agent'
       WHERE c.actif = 1 AND c.pin IS NOT NULL
         AND EXISTS (
           SELECT 1 FROM affectations a
           WHERE a.agent_id = c.agent_id AND a.point_id = ${pointId}
             AND a.debut <= ${day} AND (a.fin IS NULL OR a.fin >= ${day}))
       ORDER BY lower(c.nom), c.id`,
  );
}
