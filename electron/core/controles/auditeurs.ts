// Auditors: agents (active) holding a valid « auditeur interne » training on the day. Training validity is
// training-validity.ts's to say, as for the label's rule.
import type { Auditeur } from '../../../common/controles/types';
import type { Attended } from '../formations/training-validity';
import { isValidOn, latestAttended, validUntil } from '../formations/training-validity';
import { sql, type Db } from '../store/db';

/** The training type that makes an auditor (added by migration 12). */
export const AUDITOR_TRAINING = 'auditeur_interne';

interface Row {
  agent_id: number;
  nom: string;
  prenom: string;
  service: string;
  date: string;
  validite_mois: number | null;
}

export async function listAuditeurs(db: Db, day: string, agentId?: number): Promise<Auditeur[]> {
  const rows = await db.all<Row>(sql`
    SELECT a.id AS agent_id, a.nom, a.prenom, a.service, s.date, t.validite_mois
    FROM presences p
    JOIN sessions_formation s ON s.id = p.session_id
    JOIN types_formation t ON t.code = s.type
    JOIN agents a ON a.id = p.agent_id
    WHERE p.statut = 'present' AND s.type = ${AUDITOR_TRAINING} AND a.actif = 1
      ${agentId === undefined ? sql`` : sql`AND a.id = ${agentId}`}
    ORDER BY lower(a.nom), lower(a.prenom), a.id`);
  const byAgent = new Map<number, { row: Row; sessions: Attended[] }>();
  for (const row of rows) {
    const entry = byAgent.get(row.agent_id) ?? { row, sessions: [] };
    entry.sessions.push({ date: row.date, validiteMois: row.validite_mois });
    byAgent.set(row.agent_id, entry);
  }
  const auditeurs: Auditeur[] = [];
  for (const { row, sessions } of byAgent.values()) {
    const latest = latestAttended(sessions, day);
    if (!latest || !isValidOn(latest, day)) continue;
    auditeurs.push({
      agentId: row.agent_id,
      nom: row.nom,
      prenom: row.prenom,
      service: row.service,
      valideJusquau: validUntil(latest),
    });
  }
  return auditeurs;
}

export async function isAuditeur(db: Db, agentId: number, day: string): Promise<boolean> {
  return (await listAuditeurs(db, day, agentId)).length > 0;
}
