// Small SQL fixtures for tests of the registries and the label: a point, an agent, an assignment, a training
// session and an attendance in a line each, straight into the tables (no audit, no checks).
import type { Db } from '../store/database';

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
export function insertPoint(db: Db, fields: PointFixture = {}): number {
  counter += 1;
  return Number(
    db
      .prepare(
        `INSERT INTO points (code, nom, entite, type, voie, code_postal, commune, horaires, contact_id, ouvert, cree_le)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        fields.code ?? `point-${counter}`,
        fields.nom ?? `Point ${counter}`,
        fields.entite ?? 'ville',
        fields.type ?? 'physique',
        fields.voie ?? '1 place de la Mairie',
        fields.codePostal ?? '99150',
        fields.commune ?? 'Montrouval',
        fields.horaires ?? 'Lundi au vendredi 8h30-17h',
        fields.contactId ?? null,
        fields.ouvert === false ? 0 : 1,
        CREATED,
      ).lastInsertRowid,
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
export function insertAgent(db: Db, fields: AgentFixture = {}): number {
  counter += 1;
  return Number(
    db
      .prepare(
        'INSERT INTO agents (nom, prenom, service, courriel, actif, cree_le) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        fields.nom ?? `Agent${counter}`,
        fields.prenom ?? 'Camille',
        fields.service ?? 'Accueil',
        fields.courriel ?? null,
        fields.actif === false ? 0 : 1,
        CREATED,
      ).lastInsertRowid,
  );
}

/** Assigns an agent to a point from `debut` (to `fin`, inclusive, when given); returns the assignment's id. */
export function assign(
  db: Db,
  agentId: number,
  pointId: number,
  debut: string,
  fin: string | null = null,
): number {
  return Number(
    db
      .prepare('INSERT INTO affectations (agent_id, point_id, debut, fin) VALUES (?, ?, ?, ?)')
      .run(agentId, pointId, debut, fin).lastInsertRowid,
  );
}

/** Inserts a training session of `type` ('infocite', 'accueil'…) on `date`; returns its id. */
export function insertSession(db: Db, type: string, date: string): number {
  return Number(
    db
      .prepare('INSERT INTO sessions_formation (type, date, formateur, lieu, cree_le) VALUES (?, ?, ?, ?, ?)')
      .run(type, date, 'Formateur de test', 'Salle du conseil', CREATED).lastInsertRowid,
  );
}

/** Records an agent's attendance at a session ('present' unless said). */
export function attend(
  db: Db,
  sessionId: number,
  agentId: number,
  statut: 'inscrit' | 'present' | 'absent' = 'present',
): void {
  db.prepare('INSERT INTO presences (session_id, agent_id, statut) VALUES (?, ?, ?)').run(
    sessionId,
    agentId,
    statut,
  );
}

/** An agent assigned to a point from `since`, who attended a session of `type` on `trainedOn` (if given). */
export function trainedAgent(
  db: Db,
  pointId: number,
  since: string,
  trainedOn: string | null,
  fields: AgentFixture = {},
  type = 'infocite',
): number {
  const agentId = insertAgent(db, fields);
  assign(db, agentId, pointId, since);
  if (trainedOn !== null) attend(db, insertSession(db, type, trainedOn), agentId);
  return agentId;
}
