// Agents: the people who receive citizens. An agent who leaves is made inactive, never deleted, so the
// attendance and assignment history the label was granted on stays true.
import type { AgentFields, AgentIdentity } from '../../../common/agents/methods';
import type { Actor } from '../audit/record';
import { auditedUpdate, recordAudit } from '../audit/record';
import { ConflictError, NotFoundError } from '../errors';
import { sql, type Db } from '../store/db';

export interface AgentRow extends Omit<AgentIdentity, 'actif'> {
  actif: number;
  cree_le: string;
}

export type AgentRecord = AgentIdentity & { cree_le: string };

export function toAgent(row: AgentRow): AgentRecord {
  return { ...row, actif: row.actif === 1 };
}

const COLUMNS = sql.raw('id, nom, prenom, service, courriel, actif, cree_le');

export async function findAgent(db: Db, id: number): Promise<AgentRecord | null> {
  const row = await db.one<AgentRow>(sql`SELECT ${COLUMNS} FROM agents WHERE id = ${id}`);
  return row ? toAgent(row) : null;
}

export async function getAgent(db: Db, id: number): Promise<AgentRecord> {
  const agent = await findAgent(db, id);
  if (!agent) throw new NotFoundError(`L'agent n° ${id} n'existe pas.`);
  return agent;
}

/** The agent with this email (emails compare without regard to case), if any. */
export async function agentByEmail(db: Db, courriel: string): Promise<AgentRecord | null> {
  const row = await db.one<AgentRow>(
    sql`SELECT ${COLUMNS} FROM agents WHERE lower(courriel) = lower(${courriel})`,
  );
  return row ? toAgent(row) : null;
}

/** Every agent with an email, by their email in lower case (for a check of many lines at once). */
export async function agentsByEmail(db: Db): Promise<Map<string, AgentRecord>> {
  const rows = await db.all<AgentRow & { courriel: string }>(
    sql`SELECT ${COLUMNS} FROM agents WHERE courriel IS NOT NULL ORDER BY id`,
  );
  const agents = new Map<string, AgentRecord>();
  for (const row of rows) {
    const key = row.courriel.toLowerCase();
    if (!agents.has(key)) agents.set(key, toAgent(row));
  }
  return agents;
}

async function checkEmailFree(db: Db, courriel: string | null, exceptId: number | null): Promise<void> {
  if (courriel === null) return;
  const holder = await agentByEmail(db, courriel);
  if (holder && holder.id !== exceptId)
    throw new ConflictError(
      `Le courriel « ${courriel} » est déjà celui de ${holder.prenom} ${holder.nom} : un agent n'a qu'une fiche.`,
    );
}

/** Inserts an agent and its audit row; the caller holds the transaction. */
export async function insertAgent(
  db: Db,
  actor: Actor,
  fields: AgentFields,
  now: Date,
): Promise<AgentRecord> {
  await checkEmailFree(db, fields.courriel, null);
  const id = await db.insertId(sql`INSERT INTO agents (nom, prenom, service, courriel, actif, cree_le)
          VALUES (${fields.nom}, ${fields.prenom}, ${fields.service}, ${fields.courriel}, ${fields.actif ? 1 : 0},
                  ${now.toISOString()})
          RETURNING id`);
  const created = await getAgent(db, id);
  await recordAudit(db, actor, { action: 'creation', objet: 'agent', objetId: id, apres: created }, now);
  return created;
}

/** Rewrites an agent's fields and audits the change; the caller holds the transaction. */
export async function rewriteAgent(
  db: Db,
  actor: Actor,
  id: number,
  fields: AgentFields,
  now: Date,
): Promise<AgentRecord> {
  return await auditedUpdate(
    db,
    actor,
    { action: 'modification', objet: 'agent', objetId: id },
    () => getAgent(db, id),
    async () => {
      await checkEmailFree(db, fields.courriel, id);
      await db.run(
        sql`UPDATE agents SET nom = ${fields.nom}, prenom = ${fields.prenom}, service = ${fields.service},
              courriel = ${fields.courriel}, actif = ${fields.actif ? 1 : 0}
            WHERE id = ${id}`,
      );
    },
    now,
  );
}

export async function createAgent(
  db: Db,
  actor: Actor,
  fields: AgentFields,
  now: Date,
): Promise<AgentRecord> {
  return db.transaction((tx) => insertAgent(tx, actor, fields, now));
}

export async function updateAgent(
  db: Db,
  actor: Actor,
  id: number,
  fields: AgentFields,
  now: Date,
): Promise<AgentRecord> {
  return db.transaction((tx) => rewriteAgent(tx, actor, id, fields, now));
}
