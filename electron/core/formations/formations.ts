// Training sessions: a type, a day, a trainer, a place; attendance hangs off them (attendance.ts).
import type {
  Participant,
  FormationFields,
  FormationSummary,
  FormationView,
} from '../../../common/formations/methods';
import type { Actor } from '../audit/record';
import { auditedUpdate, recordAudit } from '../audit/record';
import { parisDay } from '../../../common/dates';
import { NotFoundError, RefusedError } from '../errors';
import type { Db } from '../store/db';
import { getTrainingType } from './training-types';

export interface SessionFilter {
  type?: string;
  /** First and last days of the period, inclusive. */
  du?: string;
  au?: string;
}

type SummaryRow = Omit<FormationSummary, 'aVenir'>;

const SUMMARY_SQL = `
  SELECT s.id, s.type, t.libelle AS typeLibelle, s.date, s.formateur, s.lieu,
    COUNT(CASE WHEN p.statut = 'inscrit' THEN 1 END) AS inscrits,
    COUNT(CASE WHEN p.statut = 'present' THEN 1 END) AS presents,
    COUNT(CASE WHEN p.statut = 'absent' THEN 1 END) AS absents
  FROM sessions_formation s
  JOIN types_formation t ON t.code = s.type
  LEFT JOIN presences p ON p.session_id = s.id`;

function withFuture(row: SummaryRow, today: string): FormationSummary {
  return { ...row, aVenir: row.date > today };
}

/** Sessions, latest first, with their attendance counts. */
export function listFormations(db: Db, filter: SessionFilter, now: Date): FormationSummary[] {
  const today = parisDay(now);
  const rows = db
    .prepare(
      `${SUMMARY_SQL}
       WHERE (? IS NULL OR s.type = ?) AND (? IS NULL OR s.date >= ?) AND (? IS NULL OR s.date <= ?)
       GROUP BY s.id ORDER BY s.date DESC, s.id DESC`,
    )
    .all(
      filter.type ?? null,
      filter.type ?? null,
      filter.du ?? null,
      filter.du ?? null,
      filter.au ?? null,
      filter.au ?? null,
    ) as SummaryRow[];
  return rows.map((row) => withFuture(row, today));
}

export function formationView(db: Db, id: number, now: Date): FormationView {
  const row = db.prepare(`${SUMMARY_SQL} WHERE s.id = ? GROUP BY s.id`).get(id) as SummaryRow | undefined;
  if (!row) throw new NotFoundError(`La session de formation n° ${id} n'existe pas.`);
  const participants = (
    db
      .prepare(
        `SELECT a.id AS agentId, a.nom, a.prenom, a.service, a.actif, p.statut
         FROM presences p JOIN agents a ON a.id = p.agent_id
         WHERE p.session_id = ? ORDER BY a.nom COLLATE NOCASE, a.prenom COLLATE NOCASE`,
      )
      .all(id) as Array<Omit<Participant, 'actif'> & { actif: number }>
  ).map((p): Participant => ({ ...p, actif: p.actif === 1 }));
  return { ...withFuture(row, parisDay(now)), participants };
}

/** The session's own fields, as the audit trail records them. */
function sessionRecord(db: Db, id: number): FormationFields & { id: number } {
  const row = db
    .prepare('SELECT id, type, date, formateur, lieu FROM sessions_formation WHERE id = ?')
    .get(id) as (FormationFields & { id: number }) | undefined;
  if (!row) throw new NotFoundError(`La session de formation n° ${id} n'existe pas.`);
  return row;
}

export function createFormation(db: Db, actor: Actor, fields: FormationFields, now: Date): number {
  return db.legacyTransaction(() => {
    getTrainingType(db, fields.type);
    const id = Number(
      db
        .prepare(
          'INSERT INTO sessions_formation (type, date, formateur, lieu, cree_le) VALUES (?, ?, ?, ?, ?)',
        )
        .run(fields.type, fields.date, fields.formateur, fields.lieu, now.toISOString()).lastInsertRowid,
    );
    recordAudit(
      db,
      actor,
      { action: 'creation', objet: 'session_formation', objetId: id, apres: sessionRecord(db, id) },
      now,
    );
    return id;
  })();
}

/** Changes a session; moving it after today is refused while someone is marked present at it. */
export function updateFormation(db: Db, actor: Actor, id: number, fields: FormationFields, now: Date): void {
  db.legacyTransaction(() =>
    auditedUpdate(
      db,
      actor,
      { action: 'modification', objet: 'session_formation', objetId: id },
      () => sessionRecord(db, id),
      () => {
        getTrainingType(db, fields.type);
        if (fields.date > parisDay(now)) {
          const present = db
            .prepare("SELECT COUNT(*) FROM presences WHERE session_id = ? AND statut = 'present'")
            .pluck()
            .get(id) as number;
          if (present > 0)
            throw new RefusedError(
              `Cette session ne peut pas être déplacée à une date future : ${present} agent(s) y sont notés présents.`,
            );
        }
        db.prepare(
          'UPDATE sessions_formation SET type = ?, date = ?, formateur = ?, lieu = ? WHERE id = ?',
        ).run(fields.type, fields.date, fields.formateur, fields.lieu, id);
      },
      now,
    ),
  )();
}
