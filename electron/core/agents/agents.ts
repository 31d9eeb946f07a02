// Agents: the people who receive citizens. An agent who leaves is made inactive, never deleted, so the
// attendance and assignment history the label was granted on stays true.
import type { AgentFields, AgentIdentity } from '../../../common/agents/methods';
import type { Actor } from '../audit/record';
import { auditedUpdate, recordAudit } from '../audit/record';
import { ConflictError, NotFoundError } from '../errors';
import type { Db } from '../store/db';

export interface AgentRow extends Omit<AgentIdentity, 'actif'> {
  actif: number;
  cree_le: string;
}

export type AgentRecord = AgentIdentity & { cree_le: string };

export function toAgent(row: AgentRow): AgentRecord {
  return { ...row, actif: row.actif === 1 };
}

const COLUMNS = 'id, nom, prenom, service, courriel, actif, cree_le';

export function findAgent(db: Db, id: number): AgentRecord | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM agents WHERE id = ?`).get(id) as AgentRow | undefined;
  return row ? toAgent(row) : null;
}

export function getAgent(db: Db, id: number): AgentRecord {
  const agent = findAgent(db, id);
  if (!agent) throw new NotFoundError(`L'agent n° ${id} n'existe pas.`);
  return agent;
}

/** The agent with this email (emails compare without regard to case), if any. */
export function agentByEmail(db: Db, courriel: string): AgentRecord | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM agents WHERE courriel = ?`).get(courriel) as
    AgentRow | undefined;
  return row ? toAgent(row) : null;
}

function checkEmailFree(db: Db, courriel: string | null, exceptId: number | null): void {
  if (courriel === null) return;
  const holder = agentByEmail(db, courriel);
  if (holder && holder.id !== exceptId)
    throw new ConflictError(
      `Le courriel « ${courriel} » est déjà celui de ${holder.prenom} ${holder.nom} : un agent n'a qu'une fiche.`,
    );
}

/** Inserts an agent and its audit row; the caller holds the transaction. */
export function insertAgent(db: Db, actor: Actor, fields: AgentFields, now: Date): AgentRecord {
  checkEmailFree(db, fields.courriel, null);
  const id = Number(
    db
      .prepare(
        'INSERT INTO agents (nom, prenom, service, courriel, actif, cree_le) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        fields.nom,
        fields.prenom,
        fields.service,
        fields.courriel,
        fields.actif ? 1 : 0,
        now.toISOString(),
      ).lastInsertRowid,
  );
  const created = getAgent(db, id);
  recordAudit(db, actor, { action: 'creation', objet: 'agent', objetId: id, apres: created }, now);
  return created;
}

/** Rewrites an agent's fields and audits the change; the caller holds the transaction. */
export function rewriteAgent(db: Db, actor: Actor, id: number, fields: AgentFields, now: Date): AgentRecord {
  return auditedUpdate(
    db,
    actor,
    { action: 'modification', objet: 'agent', objetId: id },
    () => getAgent(db, id),
    () => {
      checkEmailFree(db, fields.courriel, id);
      db.prepare(
        'UPDATE agents SET nom = ?, prenom = ?, service = ?, courriel = ?, actif = ? WHERE id = ?',
      ).run(fields.nom, fields.prenom, fields.service, fields.courriel, fields.actif ? 1 : 0, id);
    },
    now,
  );
}

export function createAgent(db: Db, actor: Actor, fields: AgentFields, now: Date): AgentRecord {
  return db.legacyTransaction(() => insertAgent(db, actor, fields, now))();
}

export function updateAgent(db: Db, actor: Actor, id: number, fields: AgentFields, now: Date): AgentRecord {
  return db.legacyTransaction(() => rewriteAgent(db, actor, id, fields, now))();
}
