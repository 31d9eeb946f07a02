// Fixtures for tests of the registries and the label, of two kinds:
// - « make… » (makePoint, makeAgent, makeAssignment, trained) go through the core's own functions, checked and
//   audited like the app's changes: for tests of those changes and of what they leave in the audit trail;
// - « insert… » (insertPoint, insertAgent, assign, insertSession, attend, trainedAgent) write a line straight
//   into a table (no audit, no checks): for tests of what reads the registries, where the rules are not the
//   subject and any situation must be easy to set up.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentFields } from '../../common/agents/methods';
import type { PointFields } from '../../common/points/methods';
import { createAgent } from '../../electron/core/agents/agents';
import { addAssignment } from '../../electron/core/agents/affectations';
import { setAttendance } from '../../electron/core/formations/attendance';
import { createFormation } from '../../electron/core/formations/formations';
import type { Actor } from '../../electron/core/audit/record';
import { createPoint } from '../../electron/core/points/points';
import { sql, type Db } from '../../electron/core/store/db';
import { Store } from '../../electron/core/store/store';

// ---- Through the core.

export const ACTOR: Actor = { compteId: null, identifiant: 'gestionnaire-test' };

/** Monday 23 November 2026, 10:00 in Paris. */
export const NOW = new Date('2026-11-23T09:00:00Z');
export const TODAY = '2026-11-23';

export function freshDb(): { store: Store; db: Db } {
  const store = new Store(mkdtempSync(join(tmpdir(), 'infocite-registry-')));
  return { store, db: store.db };
}

export function pointFields(code: string, fields: Partial<PointFields> = {}): PointFields {
  return {
    code,
    nom: `Point ${code}`,
    entite: 'ville',
    type: 'physique',
    voie: '1 place de la Mairie',
    complement: '',
    code_postal: '99150',
    commune: 'Montrouval',
    horaires: 'Du lundi au vendredi, 9h-12h',
    contact_id: null,
    ouvert: true,
    ...fields,
  };
}

export async function makePoint(db: Db, code: string, fields: Partial<PointFields> = {}): Promise<number> {
  return (await createPoint(db, ACTOR, pointFields(code, fields), NOW)).id;
}

export async function makeAgent(db: Db, nom: string, fields: Partial<AgentFields> = {}): Promise<number> {
  return (
    await createAgent(
      db,
      ACTOR,
      { nom, prenom: 'Camille', service: '', courriel: null, actif: true, ...fields },
      NOW,
    )
  ).id;
}

/** Assigns an agent to a point through the core (checked, audited); returns the assignment's id. */
export async function makeAssignment(
  db: Db,
  agentId: number,
  pointId: number,
  debut: string,
  fin: string | null = null,
): Promise<number> {
  return addAssignment(db, ACTOR, { agentId, pointId, debut, fin }, NOW);
}

/** A session of `type` on `date` where each agent was present. */
export async function trained(db: Db, type: string, date: string, ...agentIds: number[]): Promise<number> {
  const id = await createFormation(
    db,
    ACTOR,
    { type, date, formateur: 'F. Martin', lieu: 'Salle du conseil' },
    NOW,
  );
  await setAttendance(
    db,
    ACTOR,
    id,
    agentIds.map((agentId) => ({ agentId, statut: 'present' })),
    NOW,
  );
  return id;
}

export interface AuditRow {
  action: string;
  objet: string;
  objet_id: string;
  avant: string | null;
  apres: string | null;
}

export async function auditRows(db: Db, objet?: string): Promise<AuditRow[]> {
  const only = objet === undefined ? sql`` : sql`WHERE objet = ${objet}`;
  return db.all<AuditRow>(sql`SELECT action, objet, objet_id, avant, apres FROM audit ${only} ORDER BY id`);
}

// ---- Straight into the tables.

const CREATED = '2020-01-01T00:00:00.000Z';
let counter = 0;

export interface PointFixture {
  code?: string;
  nom?: string;
  entite?: 'ville' | 'metropole' | 'ccas' | 'autre';
  type?: 'physique' | 'telephonique' | 'mixte' | 'numerique';
  voie?: string;
  codePostal?: string;
  commune?: string;
  horaires?: string;
  contactId?: string | null;
  ouvert?: boolean;
}

/** Inserts a reception point and returns its id. */
export async function insertPoint(db: Db, fields: PointFixture = {}): Promise<number> {
  counter += 1;
  return Number(
    await db.value<number>(
      sql`INSERT INTO points (code, nom, entite, type, voie, code_postal, commune, horaires, contact_id, ouvert, cree_le)
          VALUES (${fields.code ?? `point-${counter}`}, ${fields.nom ?? `Point ${counter}`}, ${fields.entite ?? 'ville'},
                  ${fields.type ?? 'physique'}, ${fields.voie ?? '1 place de la Mairie'}, ${fields.codePostal ?? '99150'},
                  ${fields.commune ?? 'Montrouval'}, ${fields.horaires ?? 'Lundi au vendredi 8h30-17h'},
                  ${fields.contactId ?? null}, ${fields.ouvert === false ? 0 : 1}, ${CREATED})
          RETURNING id`,
    ),
  );
}

export interface AgentFixture {
  nom?: string;
  prenom?: string;
  service?: string;
  courriel?: string | null;
  actif?: boolean;
}

/** Inserts an agent and returns its id. */
export async function insertAgent(db: Db, fields: AgentFixture = {}): Promise<number> {
  counter += 1;
  return Number(
    await db.value<number>(
      sql`INSERT INTO agents (nom, prenom, service, courriel, actif, cree_le)
          VALUES (${fields.nom ?? `Agent${counter}`}, ${fields.prenom ?? 'Camille'}, ${fields.service ?? 'Accueil'},
                  ${fields.courriel ?? null}, ${fields.actif === false ? 0 : 1}, ${CREATED})
          RETURNING id`,
    ),
  );
}

/** Assigns an agent to a point from `debut` (to `fin`, inclusive, when given); returns the assignment's id. */
export async function assign(
  db: Db,
  agentId: number,
  pointId: number,
  debut: string,
  fin: string | null = null,
): Promise<number> {
  return Number(
    await db.value<number>(
      sql`INSERT INTO affectations (agent_id, point_id, debut, fin) VALUES (${agentId}, ${pointId}, ${debut}, ${fin})
          RETURNING id`,
    ),
  );
}

/** Inserts a training session of `type` ('infocite', 'accueil'…) on `date`; returns its id. */
export async function insertSession(db: Db, type: string, date: string): Promise<number> {
  return Number(
    await db.value<number>(
      sql`INSERT INTO sessions_formation (type, date, formateur, lieu, cree_le)
          VALUES (${type}, ${date}, 'Formateur de test', 'Salle du conseil', ${CREATED})
          RETURNING id`,
    ),
  );
}

/** Records an agent's attendance at a session ('present' unless said). */
export async function attend(
  db: Db,
  sessionId: number,
  agentId: number,
  statut: 'inscrit' | 'present' | 'absent' = 'present',
): Promise<void> {
  await db.run(
    sql`INSERT INTO presences (session_id, agent_id, statut) VALUES (${sessionId}, ${agentId}, ${statut})`,
  );
}

/** An agent assigned to a point from `since`, who attended a session of `type` on `trainedOn` (if given). */
export async function trainedAgent(
  db: Db,
  pointId: number,
  since: string,
  trainedOn: string | null,
  fields: AgentFixture = {},
  type = 'infocite',
): Promise<number> {
  const agentId = await insertAgent(db, fields);
  await assign(db, agentId, pointId, since);
  if (trainedOn !== null) await attend(db, await insertSession(db, type, trainedOn), agentId);
  return agentId;
}
