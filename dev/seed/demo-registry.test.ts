import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addDaysToDay, addMonthsToDay, parisDay } from '../../common/dates';
import { sql, type Db } from '../../electron/core/store/db';
import { Store } from '../../electron/core/store/store';
import { seedDemoRegistry } from './demo-registry';
import { IMPORTED_DECIDER } from './demo-writer';

const NOW = new Date('2026-11-23T09:00:00Z');
const TODAY = parisDay(NOW);
const stores: Store[] = [];

async function seeded(now = NOW): Promise<Db> {
  const store = new Store(mkdtempSync(join(tmpdir(), 'infocite-demo-')));
  stores.push(store);
  await seedDemoRegistry(store.db, now);
  return store.db;
}

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

/** Each point's state today, from its latest event, with « expire » for a label past its expiry. */
const CURRENT_STATE = sql<PointState>`
  SELECT p.id, p.code, p.nom, p.entite, p.type, e.statut AS recorded, e.expire_le,
         CASE WHEN e.statut IS NULL THEN 'aucun'
              WHEN e.statut IN ('labellise', 'renouvele') AND e.expire_le < ${TODAY} THEN 'expire'
              ELSE e.statut END AS statut
  FROM points p
  LEFT JOIN label_evenements e ON e.id = (SELECT MAX(id) FROM label_evenements WHERE point_id = p.id)
  ORDER BY p.id`;

interface PointState {
  id: number;
  code: string;
  nom: string;
  entite: string;
  type: string;
  statut: string;
  expire_le: string | null;
}

async function states(db: Db): Promise<PointState[]> {
  return db.all(CURRENT_STATE);
}

/**
 * The label's rule, written again in SQL (default settings): among the active agents currently assigned to the
 * point, those assigned more than 3 months ago all hold a present attendance at an Info'Cité session of the
 * last 24 months, and at least two current agents hold one.
 */
async function rule(
  db: Db,
  pointId: number,
): Promise<{ seniors: number; seniorsTrained: number; trained: number }> {
  const seniorSince = addMonthsToDay(TODAY, -3);
  const trainedSince = addMonthsToDay(TODAY, -24);
  const row = await db.one<{ seniors: number; seniorsTrained: number; trained: number }>(
    sql`WITH current AS (
          SELECT DISTINCT g.id,
            CASE WHEN a.debut <= ${seniorSince} THEN 1 ELSE 0 END AS senior,
            CASE WHEN EXISTS (SELECT 1 FROM presences pr JOIN sessions_formation s ON s.id = pr.session_id
                              WHERE pr.agent_id = g.id AND pr.statut = 'present' AND s.type = 'infocite'
                                AND s.date <= ${TODAY} AND s.date > ${trainedSince})
                 THEN 1 ELSE 0 END AS trained
          FROM affectations a JOIN agents g ON g.id = a.agent_id
          WHERE a.point_id = ${pointId} AND g.actif = 1 AND a.debut <= ${TODAY}
            AND (a.fin IS NULL OR a.fin >= ${TODAY}))
        SELECT coalesce(sum(senior), 0) AS seniors,
               coalesce(sum(CASE WHEN senior = 1 AND trained = 1 THEN 1 ELSE 0 END), 0) AS "seniorsTrained",
               coalesce(sum(trained), 0) AS trained
        FROM current`,
  );
  return {
    seniors: Number(row?.seniors),
    seniorsTrained: Number(row?.seniorsTrained),
    trained: Number(row?.trained),
  };
}

async function ruleMet(db: Db, pointId: number): Promise<boolean> {
  const { seniors, seniorsTrained, trained } = await rule(db, pointId);
  return seniors === seniorsTrained && trained >= 2;
}

describe('demo registries', () => {
  it('has about fifty points of every entité and kind, 34 of them labelled today', async () => {
    const db = await seeded();
    const points = await states(db);
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

  it('links points to contacts of the demo content, and keeps the history as taken from the spreadsheets', async () => {
    const db = await seeded();
    const contacts = (
      await db.all<{ contact_id: string }>(
        sql`SELECT DISTINCT contact_id FROM points WHERE contact_id IS NOT NULL`,
      )
    ).map((row) => row.contact_id);
    expect(contacts).toEqual(
      expect.arrayContaining(['hotel-de-ville', 'ccas', 'france-services', 'etat-civil']),
    );
    const deciders = await db.all(sql`SELECT DISTINCT decide_par, decide_par_nom FROM label_evenements`);
    expect(deciders).toEqual([{ decide_par: null, decide_par_nom: IMPORTED_DECIDER }]);
    // No decision in the future, and each point's events in date order.
    const events = await db.all<{ point_id: number; date: string }>(
      sql`SELECT point_id, date FROM label_evenements ORDER BY point_id, id`,
    );
    for (const [i, event] of events.entries()) {
      expect(event.date <= TODAY).toBe(true);
      const previous = events[i - 1];
      if (previous?.point_id === event.point_id) expect(previous.date <= event.date).toBe(true);
    }
  });

  it('has about 150 agents, recent and ended assignments, and three years of sessions of every type', async () => {
    const db = await seeded();
    const agents = Number(await db.value(sql`SELECT count(*) FROM agents`));
    expect(agents).toBeGreaterThanOrEqual(130);
    expect(agents).toBeLessThanOrEqual(180);
    const recent = Number(
      await db.value(
        sql`SELECT count(*) FROM affectations WHERE fin IS NULL AND debut > ${addDaysToDay(TODAY, -90)}`,
      ),
    );
    const ended = Number(await db.value(sql`SELECT count(*) FROM affectations WHERE fin < ${TODAY}`));
    expect(recent).toBeGreaterThan(5);
    expect(ended).toBeGreaterThan(5);
    const types = await db.all<{ type: string; first: string; n: number }>(
      sql`SELECT type, min(date) AS first, count(*) AS n FROM sessions_formation GROUP BY type`,
    );
    expect(types.map((t) => t.type).sort()).toEqual([
      'accueil',
      'handicap',
      'infocite',
      'numerique',
      'posture',
    ]);
    for (const type of types) expect(type.first < addDaysToDay(TODAY, -700), type.type).toBe(true);
    const statuts = (
      await db.all<{ statut: string }>(sql`SELECT DISTINCT statut FROM presences ORDER BY statut`)
    ).map((row) => row.statut);
    expect(statuts).toEqual(['absent', 'inscrit', 'present']);
    // Nobody was present at a session that has not taken place.
    const future = Number(
      await db.value(
        sql`SELECT count(*) FROM presences p JOIN sessions_formation s ON s.id = p.session_id
            WHERE s.date > ${TODAY} AND p.statut <> 'inscrit'`,
      ),
    );
    expect(future).toBe(0);
  });

  it('meets the rule at every labelled point but one, « à régulariser »', async () => {
    const db = await seeded();
    const labelled = (await states(db)).filter((p) => p.statut === 'labellise' || p.statut === 'renouvele');
    const failing: string[] = [];
    for (const point of labelled) if (!(await ruleMet(db, point.id))) failing.push(point.code);
    expect(failing).toEqual(['mairie-annexe-saint-eloi']);
  });

  it('has « Mairie annexe Nord » in instruction with the rule met, « CCAS – accueil Sud » with it not met', async () => {
    const db = await seeded();
    const byCode = new Map((await states(db)).map((p) => [p.code, p]));
    const nord = byCode.get('mairie-annexe-nord');
    const sud = byCode.get('ccas-accueil-sud');
    expect(nord).toMatchObject({ nom: 'Mairie annexe Nord', statut: 'instruction' });
    expect(sud).toMatchObject({ nom: 'CCAS – accueil Sud', statut: 'instruction' });
    const nordRule = await rule(db, nord!.id);
    expect(nordRule.seniors).toBeGreaterThanOrEqual(2);
    expect(nordRule.seniorsTrained).toBe(nordRule.seniors);
    expect(await ruleMet(db, nord!.id)).toBe(true);
    expect(await rule(db, sud!.id)).toEqual({ seniors: 3, seniorsTrained: 1, trained: 1 });
    expect(await ruleMet(db, sud!.id)).toBe(false);
  });

  it('is deterministic, seeds only an empty registry, and says so once in the audit trail', async () => {
    const first = await seeded();
    const second = await seeded();
    // Every table in the order its rows were written (presences have no id: by session, then agent).
    const tables = [
      sql`SELECT * FROM points ORDER BY id`,
      sql`SELECT * FROM agents ORDER BY id`,
      sql`SELECT * FROM affectations ORDER BY id`,
      sql`SELECT * FROM sessions_formation ORDER BY id`,
      sql`SELECT * FROM presences ORDER BY session_id, agent_id`,
      sql`SELECT * FROM label_evenements ORDER BY id`,
    ];
    const dump = async (db: Db) => {
      const rows: unknown[][] = [];
      for (const query of tables) rows.push(await db.all(query));
      return rows;
    };
    expect(await dump(second)).toEqual(await dump(first));

    const before = await dump(first);
    expect(await seedDemoRegistry(first, new Date('2027-02-01T09:00:00Z'))).toBeNull();
    expect(await dump(first)).toEqual(before);
    const audit = await first.all<{
      compte_id: number | null;
      auteur: string;
      action: string;
      objet: string;
      apres: string;
    }>(sql`SELECT compte_id, auteur, action, objet, apres FROM audit`);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ compte_id: null, auteur: 'système', action: 'import', objet: 'demo' });
    expect(JSON.parse(audit[0]?.apres ?? '{}')).toMatchObject({ points: before[0]?.length });
  });

  it('keeps its dates relative to the day it runs', async () => {
    const later = new Date('2028-03-01T09:00:00Z');
    const db = await seeded(later);
    const latest = (await db.value<string>(sql`SELECT max(date) FROM sessions_formation`)) ?? '';
    expect(latest > parisDay(later)).toBe(true);
    expect(latest < addDaysToDay(parisDay(later), 60)).toBe(true);
  });
});
