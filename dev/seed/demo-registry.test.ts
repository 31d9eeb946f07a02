import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addDaysToDay, parisDay } from '../../common/dates';
import type { Db } from '../../electron/core/store/db';
import { Store } from '../../electron/core/store/store';
import { seedDemoRegistry } from './demo-registry';
import { IMPORTED_DECIDER } from './demo-writer';

const NOW = new Date('2026-11-23T09:00:00Z');
const TODAY = parisDay(NOW);
const stores: Store[] = [];

function seeded(now = NOW): Db {
  const store = new Store(mkdtempSync(join(tmpdir(), 'infocite-demo-')));
  stores.push(store);
  seedDemoRegistry(store.db, now);
  return store.db;
}

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

/** Each point's state today, from its latest event, with « expire » for a label past its expiry. */
const CURRENT_STATE = `
  SELECT p.id, p.code, p.nom, p.entite, p.type, e.statut AS recorded, e.expire_le,
         CASE WHEN e.statut IS NULL THEN 'aucun'
              WHEN e.statut IN ('labellise', 'renouvele') AND e.expire_le < :today THEN 'expire'
              ELSE e.statut END AS statut
  FROM points p
  LEFT JOIN label_evenements e ON e.id = (SELECT MAX(id) FROM label_evenements WHERE point_id = p.id)`;

interface PointState {
  id: number;
  code: string;
  nom: string;
  entite: string;
  type: string;
  statut: string;
  expire_le: string | null;
}

function states(db: Db): PointState[] {
  return db.prepare(CURRENT_STATE).all({ today: TODAY }) as PointState[];
}

/**
 * The label's rule, written again in SQL (default settings): among the active agents currently assigned to the
 * point, those assigned more than 3 months ago all hold a present attendance at an Info'Cité session of the
 * last 24 months, and at least two current agents hold one.
 */
function rule(db: Db, pointId: number): { seniors: number; seniorsTrained: number; trained: number } {
  return db
    .prepare(
      `WITH current AS (
         SELECT DISTINCT g.id, a.debut <= date(:today, '-3 months') AS senior,
           EXISTS (SELECT 1 FROM presences pr JOIN sessions_formation s ON s.id = pr.session_id
                   WHERE pr.agent_id = g.id AND pr.statut = 'present' AND s.type = 'infocite'
                     AND s.date <= :today AND s.date > date(:today, '-24 months')) AS trained
         FROM affectations a JOIN agents g ON g.id = a.agent_id
         WHERE a.point_id = :point AND g.actif = 1 AND a.debut <= :today AND (a.fin IS NULL OR a.fin >= :today))
       SELECT coalesce(sum(senior), 0) AS seniors, coalesce(sum(senior AND trained), 0) AS seniorsTrained,
              coalesce(sum(trained), 0) AS trained
       FROM current`,
    )
    .get({ today: TODAY, point: pointId }) as { seniors: number; seniorsTrained: number; trained: number };
}

function ruleMet(db: Db, pointId: number): boolean {
  const { seniors, seniorsTrained, trained } = rule(db, pointId);
  return seniors === seniorsTrained && trained >= 2;
}

describe('demo registries', () => {
  it('has about fifty points of every entité and kind, 34 of them labelled today', () => {
    const db = seeded();
    const points = states(db);
    expect(points.length).toBeGreaterThanOrEqual(45);
    expect(points.length).toBeLessThanOrEqual(55);
    expect(new Set(points.map((p) => p.entite))).toEqual(new Set(['ville', 'metropole', 'ccas', 'autre']));
    expect(new Set(points.map((p) => p.type))).toEqual(
      new Set(['physique', 'telephonique', 'mixte', 'numerique']),
    );
    const labelled = points.filter((p) => p.statut === 'labellise' || p.statut === 'renouvele');
    expect(labelled).toHaveLength(34);
    // Granted over the last three years, for 36 months.
    for (const point of labelled) expect(point.expire_le! > TODAY).toBe(true);
    const soon = labelled.filter((p) => p.expire_le! <= addDaysToDay(TODAY, 90));
    expect(soon.length).toBeGreaterThanOrEqual(2);
    expect(soon.length).toBeLessThanOrEqual(5);
    const statuts = new Set(points.map((p) => p.statut));
    for (const statut of [
      'aucun',
      'demande',
      'instruction',
      'suspendu',
      'retire',
      'refuse',
      'expire',
      'renouvele',
    ])
      expect(statuts, statut).toContain(statut);
  });

  it('links points to contacts of the demo content, and keeps the history as taken from the spreadsheets', () => {
    const db = seeded();
    const contacts = db
      .prepare('SELECT DISTINCT contact_id FROM points WHERE contact_id IS NOT NULL')
      .pluck()
      .all();
    expect(contacts).toEqual(
      expect.arrayContaining(['hotel-de-ville', 'ccas', 'france-services', 'etat-civil']),
    );
    const deciders = db.prepare('SELECT DISTINCT decide_par, decide_par_nom FROM label_evenements').all();
    expect(deciders).toEqual([{ decide_par: null, decide_par_nom: IMPORTED_DECIDER }]);
    // No decision in the future, and each point's events in date order.
    const events = db
      .prepare('SELECT point_id, date FROM label_evenements ORDER BY point_id, id')
      .all() as Array<{ point_id: number; date: string }>;
    for (const [i, event] of events.entries()) {
      expect(event.date <= TODAY).toBe(true);
      const previous = events[i - 1];
      if (previous?.point_id === event.point_id) expect(previous.date <= event.date).toBe(true);
    }
  });

  it('has about 150 agents, recent and ended assignments, and three years of sessions of every type', () => {
    const db = seeded();
    const agents = db.prepare('SELECT count(*) FROM agents').pluck().get() as number;
    expect(agents).toBeGreaterThanOrEqual(130);
    expect(agents).toBeLessThanOrEqual(180);
    const recent = db
      .prepare('SELECT count(*) FROM affectations WHERE fin IS NULL AND debut > ?')
      .pluck()
      .get(addDaysToDay(TODAY, -90)) as number;
    const ended = db.prepare('SELECT count(*) FROM affectations WHERE fin < ?').pluck().get(TODAY) as number;
    expect(recent).toBeGreaterThan(5);
    expect(ended).toBeGreaterThan(5);
    const types = db
      .prepare('SELECT type, min(date) AS first, count(*) AS n FROM sessions_formation GROUP BY type')
      .all() as Array<{ type: string; first: string; n: number }>;
    expect(types.map((t) => t.type).sort()).toEqual([
      'accueil',
      'handicap',
      'infocite',
      'numerique',
      'posture',
    ]);
    for (const type of types) expect(type.first < addDaysToDay(TODAY, -700), type.type).toBe(true);
    const statuts = db.prepare('SELECT DISTINCT statut FROM presences ORDER BY statut').pluck().all();
    expect(statuts).toEqual(['absent', 'inscrit', 'present']);
    // Nobody was present at a session that has not taken place.
    const future = db
      .prepare(
        "SELECT count(*) FROM presences p JOIN sessions_formation s ON s.id = p.session_id WHERE s.date > ? AND p.statut <> 'inscrit'",
      )
      .pluck()
      .get(TODAY);
    expect(future).toBe(0);
  });

  it('meets the rule at every labelled point but one, « à régulariser »', () => {
    const db = seeded();
    const labelled = states(db).filter((p) => p.statut === 'labellise' || p.statut === 'renouvele');
    const failing = labelled.filter((p) => !ruleMet(db, p.id)).map((p) => p.code);
    expect(failing).toEqual(['mairie-annexe-saint-eloi']);
  });

  it('has « Mairie annexe Nord » in instruction with the rule met, « CCAS – accueil Sud » with it not met', () => {
    const db = seeded();
    const byCode = new Map(states(db).map((p) => [p.code, p]));
    const nord = byCode.get('mairie-annexe-nord');
    const sud = byCode.get('ccas-accueil-sud');
    expect(nord).toMatchObject({ nom: 'Mairie annexe Nord', statut: 'instruction' });
    expect(sud).toMatchObject({ nom: 'CCAS – accueil Sud', statut: 'instruction' });
    const nordRule = rule(db, nord!.id);
    expect(nordRule.seniors).toBeGreaterThanOrEqual(2);
    expect(nordRule.seniorsTrained).toBe(nordRule.seniors);
    expect(ruleMet(db, nord!.id)).toBe(true);
    expect(rule(db, sud!.id)).toEqual({ seniors: 3, seniorsTrained: 1, trained: 1 });
    expect(ruleMet(db, sud!.id)).toBe(false);
  });

  it('is deterministic, seeds only an empty registry, and says so once in the audit trail', () => {
    const first = seeded();
    const second = seeded();
    const dump = (db: Db) =>
      ['points', 'agents', 'affectations', 'sessions_formation', 'presences', 'label_evenements'].map(
        (table) => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
      );
    expect(dump(second)).toEqual(dump(first));

    const before = dump(first);
    expect(seedDemoRegistry(first, new Date('2027-02-01T09:00:00Z'))).toBeNull();
    expect(dump(first)).toEqual(before);
    const audit = first.prepare('SELECT compte_id, auteur, action, objet, apres FROM audit').all() as Array<{
      compte_id: number | null;
      auteur: string;
      action: string;
      objet: string;
      apres: string;
    }>;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ compte_id: null, auteur: 'système', action: 'import', objet: 'demo' });
    expect(JSON.parse(audit[0]?.apres ?? '{}')).toMatchObject({ points: before[0]?.length });
  });

  it('keeps its dates relative to the day it runs', () => {
    const later = new Date('2028-03-01T09:00:00Z');
    const db = seeded(later);
    const latest = db.prepare('SELECT max(date) FROM sessions_formation').pluck().get() as string;
    expect(latest > parisDay(later)).toBe(true);
    expect(latest < addDaysToDay(parisDay(later), 60)).toBe(true);
  });
});
