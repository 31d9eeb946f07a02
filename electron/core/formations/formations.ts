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
import { sql, type Db, type RawBuilder } from '../store/db';
import { getTrainingType } from './training-types';

export interface SessionFilter {
  type?: string;
  /** First and last days of the period, inclusive. */
  du?: string;
  au?: string;
}

type SummaryRow = Omit<FormationSummary, 'aVenir'>;

function summaryQuery(where: RawBuilder<unknown>, order: RawBuilder<unknown> = sql``) {
  return sql<SummaryRow>`
    SELECT s.id, s.type, t.libelle AS "typeLibelle", s.date, s.formateur, s.lieu,
      COUNT(CASE WHEN p.statut = 'inscrit' THEN 1 END) AS inscrits,
      COUNT(CASE WHEN p.statut = 'present' THEN 1 END) AS presents,
      COUNT(CASE WHEN p.statut = 'absent' THEN 1 END) AS absents
    FROM sessions_formation s
    JOIN types_formation t ON t.code = s.type
    LEFT JOIN presences p ON p.session_id = s.id
    WHERE ${where}
    GROUP BY s.id, s.type, t.libelle, s.date, s.formateur, s.lieu
    ${order}`;
}

function withFuture(row: SummaryRow, today: string): FormationSummary {
  return { ...row, aVenir: row.date > today };
}

/** Sessions, latest first, with their attendance counts. */
export async function listFormations(db: Db, filter: SessionFilter, now: Date): Promise<FormationSummary[]> {
  const today = parisDay(now);
  const conditions = [sql`1 = 1`];
  if (filter.type !== undefined) conditions.push(sql`s.type = ${filter.type}`);
  if (filter.du !== undefined) conditions.push(sql`s.date >= ${filter.du}`);
  if (filter.au !== undefined) conditions.push(sql`s.date <= ${filter.au}`);
  const rows = await db.all(
    summaryQuery(sql.join(conditions, sql` AND `), sql`ORDER BY s.date DESC, s.id DESC`),
  );
  return rows.map((row) => withFuture(row, today));
}

export async function formationView(db: Db, id: number, now: Date): Promise<FormationView> {
  const row = await db.one(summaryQuery(sql`s.id = ${id}`));
  if (!row) throw new NotFoundError(`La session de formation n° ${id} n'existe pas.`);
  const participants = (
    await db.all<Omit<Participant, 'actif'> & { actif: number }>(
      sql`SELECT a.id AS "agentId", a.nom, a.prenom, a.service, a.actif, p.statut
          FROM presences p JOIN agents a ON a.id = p.agent_id
          WHERE p.session_id = ${id} ORDER BY lower(a.nom), lower(a.prenom), a.id`,
    )
  ).map((p): Participant => ({ ...p, actif: p.actif === 1 }));
  return { ...withFuture(row, parisDay(now)), participants };
}

/** The session's own fields, as the audit trail records them. */
async function sessionRecord(db: Db, id: number): Promise<FormationFields & { id: number }> {
  const row = await db.one<FormationFields & { id: number }>(
    sql`SELECT id, type, date, formateur, lieu FROM sessions_formation WHERE id = ${id}`,
  );
  if (!row) throw new NotFoundError(`La session de formation n° ${id} n'existe pas.`);
  return row;
}

export async function createFormation(
  db: Db,
  actor: Actor,
  fields: FormationFields,
  now: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    await getTrainingType(tx, fields.type);
    const id = await tx.insertId(sql`INSERT INTO sessions_formation (type, date, formateur, lieu, cree_le)
            VALUES (${fields.type}, ${fields.date}, ${fields.formateur}, ${fields.lieu}, ${now.toISOString()})
            RETURNING id`);
    await recordAudit(
      tx,
      actor,
      { action: 'creation', objet: 'session_formation', objetId: id, apres: await sessionRecord(tx, id) },
      now,
    );
    return id;
  });
}

/** Changes a session; moving it after today is refused while someone is marked present at it. */
export async function updateFormation(
  db: Db,
  actor: Actor,
  id: number,
  fields: FormationFields,
  now: Date,
): Promise<void> {
  await db.transaction(
    async (tx) =>
      await auditedUpdate(
        tx,
        actor,
        { action: 'modification', objet: 'session_formation', objetId: id },
        () => sessionRecord(tx, id),
        async () => {
          await getTrainingType(tx, fields.type);
          if (fields.date > parisDay(now)) {
            const present =
              (await tx.value<number>(
                sql`SELECT COUNT(*) FROM presences WHERE session_id = ${id} AND statut = 'present'`,
              )) ?? 0;
            if (present > 0)
              throw new RefusedError(
                `Cette session ne peut pas être déplacée à une date future : ${present} agent(s) y sont notés présents.`,
              );
          }
          await tx.run(
            sql`UPDATE sessions_formation
                SET type = ${fields.type}, date = ${fields.date}, formateur = ${fields.formateur}, lieu = ${fields.lieu}
                WHERE id = ${id}`,
          );
        },
        now,
      ),
  );
}
