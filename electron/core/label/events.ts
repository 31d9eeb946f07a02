// Reading label_evenements: a point's history, its latest event, and every point's latest event at once.
import { sql, type Db } from '../store/db';
import type { LatestEvent } from './lifecycle';
import type { LabelAction, LabelEvaluation, LabelEvent, RecordedStatut } from '../../../common/label/types';

interface EventRow {
  id: number;
  point_id: number;
  action: LabelAction;
  statut: RecordedStatut;
  date: string;
  expire_le: string | null;
  motif: string | null;
  decide_par_nom: string;
  evaluation: string | null;
  enregistre_le: string;
}

function parseEvaluation(json: string | null): LabelEvaluation | null {
  if (json === null) return null;
  try {
    return JSON.parse(json) as LabelEvaluation;
  } catch {
    return null;
  }
}

function toEvent(row: EventRow): LabelEvent {
  return {
    id: row.id,
    action: row.action,
    statut: row.statut,
    date: row.date,
    expireLe: row.expire_le,
    motif: row.motif,
    decideParNom: row.decide_par_nom,
    enregistreLe: row.enregistre_le,
    evaluation: parseEvaluation(row.evaluation),
  };
}

/** Every decision on a point, oldest first (events are numbered in the order they were recorded). */
export async function pointHistory(db: Db, pointId: number): Promise<LabelEvent[]> {
  const rows = await db.all<EventRow>(
    sql`SELECT * FROM label_evenements WHERE point_id = ${pointId} ORDER BY id`,
  );
  return rows.map(toEvent);
}

export async function eventById(db: Db, id: number): Promise<LabelEvent> {
  const row = await db.one<EventRow>(sql`SELECT * FROM label_evenements WHERE id = ${id}`);
  if (!row) throw new Error(`label event ${id} not found`);
  return toEvent(row);
}

export async function latestEvent(db: Db, pointId: number): Promise<LatestEvent | null> {
  const row = await db.one<LatestEvent>(
    sql`SELECT statut, date, expire_le AS "expireLe" FROM label_evenements
        WHERE point_id = ${pointId} ORDER BY id DESC LIMIT 1`,
  );
  return row ?? null;
}

/** Every point's latest event, by point id (points without events are absent). */
export async function latestEvents(db: Db): Promise<Map<number, LatestEvent>> {
  const rows = await db.all<LatestEvent & { pointId: number }>(
    sql`SELECT e.point_id AS "pointId", e.statut, e.date, e.expire_le AS "expireLe"
        FROM label_evenements e
        WHERE e.id = (SELECT MAX(id) FROM label_evenements WHERE point_id = e.point_id)`,
  );
  return new Map(rows.map(({ pointId, ...latest }) => [pointId, latest]));
}

/**
 * The date of the grant that opened each point's current labelled period: its latest « accorder », or, for a
 * history recorded without one (an import), its first labelled or renewed event.
 */
export async function latestGrantDates(db: Db): Promise<Map<number, string>> {
  const rows = await db.all<{ pointId: number; date: string }>(
    sql`SELECT e.point_id AS "pointId",
               COALESCE(
                 (SELECT g.date FROM label_evenements g
                  WHERE g.point_id = e.point_id AND g.action = 'accorder' ORDER BY g.id DESC LIMIT 1),
                 MIN(e.date)
               ) AS date
        FROM label_evenements e
        WHERE e.statut IN ('labellise', 'renouvele')
        GROUP BY e.point_id`,
  );
  return new Map(rows.map((row) => [row.pointId, row.date]));
}
