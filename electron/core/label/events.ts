// Reading label_evenements: a point's history, its latest event, and every point's latest event at once.
import type { Db } from '../store/db';
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
export function pointHistory(db: Db, pointId: number): LabelEvent[] {
  const rows = db
    .prepare('SELECT * FROM label_evenements WHERE point_id = ? ORDER BY id')
    .all(pointId) as EventRow[];
  return rows.map(toEvent);
}

export function eventById(db: Db, id: number): LabelEvent {
  return toEvent(db.prepare('SELECT * FROM label_evenements WHERE id = ?').get(id) as EventRow);
}

export function latestEvent(db: Db, pointId: number): LatestEvent | null {
  const row = db
    .prepare(
      `SELECT statut, date, expire_le AS expireLe FROM label_evenements
       WHERE point_id = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(pointId) as LatestEvent | undefined;
  return row ?? null;
}

/** Every point's latest event, by point id (points without events are absent). */
export function latestEvents(db: Db): Map<number, LatestEvent> {
  const rows = db
    .prepare(
      `SELECT e.point_id AS pointId, e.statut, e.date, e.expire_le AS expireLe
       FROM label_evenements e
       WHERE e.id = (SELECT MAX(id) FROM label_evenements WHERE point_id = e.point_id)`,
    )
    .all() as Array<LatestEvent & { pointId: number }>;
  return new Map(rows.map(({ pointId, ...latest }) => [pointId, latest]));
}

/**
 * The date of the grant that opened each point's current labelled period: its latest « accorder », or, for a
 * history recorded without one (an import), its first labelled or renewed event.
 */
export function latestGrantDates(db: Db): Map<number, string> {
  const rows = db
    .prepare(
      `SELECT point_id AS pointId,
              COALESCE(
                (SELECT date FROM label_evenements g
                 WHERE g.point_id = e.point_id AND g.action = 'accorder' ORDER BY g.id DESC LIMIT 1),
                MIN(date)
              ) AS date
       FROM label_evenements e
       WHERE statut IN ('labellise', 'renouvele')
       GROUP BY point_id`,
    )
    .all() as Array<{ pointId: number; date: string }>;
  return new Map(rows.map((row) => [row.pointId, row.date]));
}
