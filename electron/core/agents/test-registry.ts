// Test helpers of the registries' unit tests: a fresh migrated database and records made through the core's
// own functions (so the fixtures follow the same rules as the app).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentFields, PointFields } from '../../api/methods/registry';
import type { Actor } from '../audit/record';
import { createPoint } from '../desks/points';
import type { Db } from '../store/database';
import { Store } from '../store/store';
import { createAgent } from './agents';
import { addAssignment } from './assignments';
import { setAttendance } from './attendance';
import { createSession } from './sessions';

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

export function makePoint(db: Db, code: string, fields: Partial<PointFields> = {}): number {
  return createPoint(db, ACTOR, pointFields(code, fields), NOW).id;
}

export function makeAgent(db: Db, nom: string, fields: Partial<AgentFields> = {}): number {
  return createAgent(
    db,
    ACTOR,
    { nom, prenom: 'Camille', service: '', courriel: null, actif: true, ...fields },
    NOW,
  ).id;
}

export function assign(
  db: Db,
  agentId: number,
  pointId: number,
  debut: string,
  fin: string | null = null,
): number {
  return addAssignment(db, ACTOR, { agentId, pointId, debut, fin }, NOW);
}

/** A session of `type` on `date` where each agent was present. */
export function trained(db: Db, type: string, date: string, ...agentIds: number[]): number {
  const id = createSession(db, ACTOR, { type, date, formateur: 'F. Martin', lieu: 'Salle du conseil' }, NOW);
  setAttendance(
    db,
    ACTOR,
    id,
    agentIds.map((agentId) => ({ agentId, statut: 'present' })),
    NOW,
  );
  return id;
}

export function auditRows(
  db: Db,
  objet?: string,
): Array<{ action: string; objet: string; objet_id: string; avant: string | null; apres: string | null }> {
  return db
    .prepare(
      'SELECT action, objet, objet_id, avant, apres FROM audit WHERE (? IS NULL OR objet = ?) ORDER BY id',
    )
    .all(objet ?? null, objet ?? null) as Array<{
    action: string;
    objet: string;
    objet_id: string;
    avant: string | null;
    apres: string | null;
  }>;
}
