// Internal audits: planned by a label manager (a point, a grid, a mode, a day, an auditor holding the auditor
// training), filled in at the point by the auditor (or a label manager), finished once every criterion has an
// answer, or cancelled. Every change is audited in its own transaction, which also checks the status it changes
// from: two desks acting at once run one after the other (SQLite's single connection; PostgreSQL's serializable
// transaction, tried again after a conflict), so the second is judged on what the first wrote.
import type {
  Constat,
  ControleMode,
  ControleStatut,
  ControleSummary,
  ControleView,
  ControlesDuPoint,
  Gravite,
  Reponse,
  Resultat,
} from '../../../common/controles/types';
import { GRAVITES } from '../../../common/controles/types';
import { frenchDate } from '../../../common/french-date';
import { parisDay } from '../../../common/dates';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { ForbiddenError, NotFoundError, RefusedError } from '../errors';
import { sql, type Db } from '../store/db';
import { isAuditeur } from './auditeurs';
import type { Caller } from './caller';
import { mayRead, requireGestionnaire } from './caller';
import { grilleVersion, grilleVersionById } from './grilles';

interface SummaryRow {
  id: number;
  point_id: number;
  point_nom: string;
  grille_nom: string;
  version: number;
  mode: ControleMode;
  prevu_le: string;
  realise_le: string | null;
  statut: ControleStatut;
  auditeur_id: number;
  auditeur_nom: string;
  auditeur_prenom: string;
}

const SUMMARY_SQL = sql`
  SELECT c.id, c.point_id, p.nom AS point_nom, g.nom AS grille_nom, v.version, c.mode, c.prevu_le,
         c.realise_le, c.statut, a.id AS auditeur_id, a.nom AS auditeur_nom, a.prenom AS auditeur_prenom
  FROM controles c
  JOIN points p ON p.id = c.point_id
  JOIN controle_grille_versions v ON v.id = c.grille_version_id
  JOIN controle_grilles g ON g.id = v.grille_id
  JOIN agents a ON a.id = c.auditeur_id`;

const ORDER = sql`ORDER BY COALESCE(c.realise_le, c.prevu_le) DESC, c.id DESC`;

/** The statuses an audit may still be filled, finished or cancelled from. */
const OPEN_STATUTS = sql`('planifie', 'en_cours')`;

function emptyGrades(): Record<Gravite, number> {
  return Object.fromEntries(GRAVITES.map((g) => [g, 0])) as Record<Gravite, number>;
}

async function summaries(db: Db, rows: readonly SummaryRow[]): Promise<ControleSummary[]> {
  const counts = new Map<number, { grades: Record<Gravite, number>; majeuresOuvertes: number }>();
  if (rows.length > 0) {
    const found = await db.all<{ controle_id: number; gravite: Gravite; statut: string; n: number }>(sql`
      SELECT controle_id, gravite, statut, COUNT(*) AS n FROM constats
      WHERE controle_id IN (${sql.join(rows.map((row) => row.id))})
      GROUP BY controle_id, gravite, statut`);
    for (const row of found) {
      const { n } = row;
      const entry = counts.get(row.controle_id) ?? { grades: emptyGrades(), majeuresOuvertes: 0 };
      entry.grades[row.gravite] += n;
      if (row.gravite === 'majeure' && row.statut === 'ouvert') entry.majeuresOuvertes += n;
      counts.set(row.controle_id, entry);
    }
  }
  return rows.map((row) => ({
    id: row.id,
    pointId: row.point_id,
    pointNom: row.point_nom,
    grilleNom: row.grille_nom,
    version: row.version,
    mode: row.mode,
    prevuLe: row.prevu_le,
    realiseLe: row.realise_le,
    statut: row.statut,
    auditeur: { agentId: row.auditeur_id, nom: row.auditeur_nom, prenom: row.auditeur_prenom },
    constats: counts.get(row.id)?.grades ?? emptyGrades(),
    majeuresOuvertes: counts.get(row.id)?.majeuresOuvertes ?? 0,
  }));
}

export interface ControleFilter {
  pointId?: number;
  annee?: number;
  statut?: ControleStatut;
}

/** Audits, latest first; a year keeps those done (or, not done, planned) in it. */
export async function listControles(db: Db, filter: ControleFilter): Promise<ControleSummary[]> {
  const where = [sql`1 = 1`];
  if (filter.pointId !== undefined) where.push(sql`c.point_id = ${filter.pointId}`);
  if (filter.statut !== undefined) where.push(sql`c.statut = ${filter.statut}`);
  if (filter.annee !== undefined)
    where.push(sql`substr(COALESCE(c.realise_le, c.prevu_le), 1, 4) = ${String(filter.annee)}`);
  const rows = await db.all<SummaryRow>(sql`${SUMMARY_SQL} WHERE ${sql.join(where, sql` AND `)} ${ORDER}`);
  return summaries(db, rows);
}

/** The audits the caller is named auditor on and has not finished. */
export async function myControles(db: Db, caller: Caller): Promise<ControleSummary[]> {
  if (caller.agentId === null) return [];
  const rows = await db.all<SummaryRow>(sql`
    ${SUMMARY_SQL} WHERE c.auditeur_id = ${caller.agentId} AND c.statut IN ${OPEN_STATUTS}
    ORDER BY c.prevu_le, c.id`);
  return summaries(db, rows);
}

interface ControleRow {
  id: number;
  grille_version_id: number;
  statut: ControleStatut;
  auditeur_id: number;
  synthese: string;
  motif_annulation: string | null;
  realise_le: string | null;
}

async function controleRow(db: Db, id: number): Promise<ControleRow> {
  const row = await db.one<ControleRow>(sql`
    SELECT id, grille_version_id, statut, auditeur_id, synthese, motif_annulation, realise_le
    FROM controles WHERE id = ${id}`);
  if (!row) throw new NotFoundError(`L'audit interne n° ${id} n'existe pas.`);
  return row;
}

function isOpen(statut: ControleStatut): boolean {
  return statut === 'planifie' || statut === 'en_cours';
}

function closedMessage(statut: ControleStatut): string {
  return statut === 'termine'
    ? 'Cet audit est terminé : il ne peut plus être modifié.'
    : 'Cet audit est annulé : il ne peut plus être modifié.';
}

/** The row, once the caller may fill it: its auditor or a label manager, while it is not finished. */
async function fillable(db: Db, caller: Caller, id: number): Promise<ControleRow> {
  const row = await controleRow(db, id);
  if (!mayRead(caller, row.auditeur_id))
    throw new ForbiddenError('Seul l’auditeur désigné ou un gestionnaire du label peut remplir cet audit.');
  if (!isOpen(row.statut)) throw new RefusedError(closedMessage(row.statut));
  return row;
}

const CONSTAT_SQL = sql`
  SELECT k.id, k.controle_id AS "controleId", k.critere, k.gravite, k.texte, k.statut, k.leve_le AS "leveLe",
         c.grille_version_id, c.realise_le AS "realiseLe"
  FROM constats k JOIN controles c ON c.id = k.controle_id`;

type ConstatRow = Omit<Constat, 'critereLibelle' | 'actions'> & {
  grille_version_id: number;
  realiseLe: string | null;
};

/** Findings with their criterion's wording and the actions raised from them. */
export async function constatsOf(
  db: Db,
  rows: readonly ConstatRow[],
): Promise<Array<Constat & { realiseLe: string | null }>> {
  if (rows.length === 0) return [];
  const labels = new Map<number, Map<string, string>>();
  for (const { grille_version_id } of rows) {
    if (labels.has(grille_version_id)) continue;
    const byCode = new Map<string, string>();
    for (const theme of (await grilleVersionById(db, grille_version_id)).themes)
      for (const critere of theme.criteres) byCode.set(critere.code, critere.libelle);
    labels.set(grille_version_id, byCode);
  }
  const raised = await db.all<Constat['actions'][number] & { origine_id: string }>(sql`
    SELECT id, quoi, statut, echeance, origine_id FROM actions
    WHERE origine = 'constat' AND origine_id IN (${sql.join(rows.map((row) => String(row.id)))})
    ORDER BY id`);
  const actions = new Map<string, Constat['actions']>();
  for (const { origine_id, ...action } of raised)
    actions.set(origine_id, [...(actions.get(origine_id) ?? []), action]);
  return rows.map(({ grille_version_id, ...row }) => ({
    ...row,
    critereLibelle: row.critere === null ? null : (labels.get(grille_version_id)?.get(row.critere) ?? null),
    actions: actions.get(String(row.id)) ?? [],
  }));
}

export async function controleView(db: Db, caller: Caller, id: number): Promise<ControleView> {
  const row = await controleRow(db, id);
  if (!mayRead(caller, row.auditeur_id))
    throw new ForbiddenError('Cet audit interne est réservé à son auditeur et aux gestionnaires du label.');
  const summaryRow = await db.one<SummaryRow>(sql`${SUMMARY_SQL} WHERE c.id = ${id}`);
  const summary = summaryRow ? (await summaries(db, [summaryRow]))[0] : undefined;
  if (!summary) throw new NotFoundError(`L'audit interne n° ${id} n'existe pas.`);
  const grille = await grilleVersionById(db, row.grille_version_id);
  const reponses = await db.all<Reponse>(
    sql`SELECT critere, resultat, commentaire FROM controle_reponses WHERE controle_id = ${id}`,
  );
  const byCode = new Map(reponses.map((r) => [r.critere, r.resultat]));
  const resultats: Record<Resultat, number> & { sansReponse: number } = {
    conforme: 0,
    non_conforme: 0,
    sans_objet: 0,
    sansReponse: 0,
  };
  for (const theme of grille.themes)
    for (const critere of theme.criteres) {
      const resultat = byCode.get(critere.code);
      if (resultat === undefined) resultats.sansReponse++;
      else resultats[resultat]++;
    }
  const liste = (
    await constatsOf(
      db,
      await db.all<ConstatRow>(sql`${CONSTAT_SQL} WHERE k.controle_id = ${id} ORDER BY k.id`),
    )
  ).map(({ realiseLe: _r, ...constat }) => constat);
  return {
    ...summary,
    grille,
    reponses,
    synthese: row.synthese,
    motifAnnulation: row.motif_annulation,
    liste,
    resultats,
    peutRemplir: isOpen(row.statut),
    peutGerer: caller.gestionnaire,
  };
}

async function auditRecord(db: Db, id: number): Promise<Record<string, unknown>> {
  return (await db.one<Record<string, unknown>>(sql`
    SELECT point_id AS "pointId", grille_version_id AS "grilleVersionId", mode, prevu_le AS "prevuLe",
           auditeur_id AS "auditeurId", statut, realise_le AS "realiseLe", synthese
    FROM controles WHERE id = ${id}`)) as Record<string, unknown>;
}

export async function planControle(
  db: Db,
  caller: Caller,
  input: { pointId: number; grilleId: number; mode: ControleMode; prevuLe: string; auditeurId: number },
  now: Date,
): Promise<number> {
  requireGestionnaire(caller);
  return db.transaction(async (tx) => {
    const point = await tx.one<{ ouvert: number }>(
      sql`SELECT ouvert FROM points WHERE id = ${input.pointId}`,
    );
    if (!point) throw new NotFoundError(`Le point d'accueil n° ${input.pointId} n'existe pas.`);
    if (point.ouvert !== 1) throw new RefusedError('Ce point d’accueil est fermé : il ne peut être audité.');
    const version = await grilleVersion(tx, input.grilleId);
    if (!(await isAuditeur(tx, input.auditeurId, input.prevuLe)))
      throw new RefusedError(
        `Cet agent ne détient pas de formation « Auditeur interne » valable le ${frenchDate(input.prevuLe) ?? input.prevuLe} : il ne peut pas être désigné auditeur.`,
      );
    const stamp = now.toISOString();
    const id = await tx.insertId(sql`
        INSERT INTO controles (point_id, grille_version_id, mode, prevu_le, auditeur_id, statut, cree_le, modifie_le)
        VALUES (${input.pointId}, ${version.versionId}, ${input.mode}, ${input.prevuLe}, ${input.auditeurId},
                'planifie', ${stamp}, ${stamp})
        RETURNING id`);
    await recordAudit(
      tx,
      caller.actor,
      { action: 'creation', objet: 'controle', objetId: id, apres: await auditRecord(tx, id) },
      now,
    );
    return id;
  });
}

/** Saves the answers given (others unchanged) and the summary; the audit is then « en cours ». */
export async function answerControle(
  db: Db,
  caller: Caller,
  input: { id: number; reponses: readonly Reponse[]; synthese: string },
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await fillable(tx, caller, input.id);
    const codes = new Set(
      (await grilleVersionById(tx, row.grille_version_id)).themes.flatMap((t) =>
        t.criteres.map((c) => c.code),
      ),
    );
    const unknown = input.reponses.find((r) => !codes.has(r.critere));
    if (unknown)
      throw new RefusedError(`Le critère « ${unknown.critere} » n'est pas dans la grille de cet audit.`);
    await tx.run(sql`
      UPDATE controles SET synthese = ${input.synthese}, statut = 'en_cours', modifie_le = ${now.toISOString()}
      WHERE id = ${input.id}`);
    for (const r of input.reponses)
      await tx.run(sql`
        INSERT INTO controle_reponses (controle_id, critere, resultat, commentaire)
        VALUES (${input.id}, ${r.critere}, ${r.resultat}, ${r.commentaire})
        ON CONFLICT (controle_id, critere)
        DO UPDATE SET resultat = excluded.resultat, commentaire = excluded.commentaire`);
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'modification',
        objet: 'controle',
        objetId: input.id,
        apres: { reponses: input.reponses, synthese: input.synthese },
      },
      now,
    );
  });
}

/** Closes the audit once every criterion has an answer; its day is today unless told (never after today). */
export async function finishControle(
  db: Db,
  caller: Caller,
  id: number,
  realiseLe: string | undefined,
  now: Date,
): Promise<void> {
  const today = parisDay(now);
  const day = realiseLe ?? today;
  if (day > today) throw new RefusedError('Un audit ne peut être terminé à une date future.');
  await db.transaction(async (tx) => {
    const row = await fillable(tx, caller, id);
    const total = (await grilleVersionById(tx, row.grille_version_id)).themes.reduce(
      (n, t) => n + t.criteres.length,
      0,
    );
    const answered =
      (await tx.value<number>(sql`SELECT COUNT(*) FROM controle_reponses WHERE controle_id = ${id}`)) ?? 0;
    if (answered < total)
      throw new RefusedError(
        `Il reste ${total - answered} critère(s) sans réponse : répondez à chacun (conforme, non conforme ou sans objet) avant de terminer l’audit.`,
      );
    const avant = await auditRecord(tx, id);
    await tx.run(sql`
      UPDATE controles SET statut = 'termine', realise_le = ${day}, modifie_le = ${now.toISOString()}
      WHERE id = ${id}`);
    await recordAudit(
      tx,
      caller.actor,
      { action: 'fin', objet: 'controle', objetId: id, avant, apres: await auditRecord(tx, id) },
      now,
    );
  });
}

export async function cancelControle(
  db: Db,
  caller: Caller,
  id: number,
  motif: string,
  now: Date,
): Promise<void> {
  requireGestionnaire(caller);
  await db.transaction(async (tx) => {
    const row = await fillable(tx, caller, id);
    const avant = await auditRecord(tx, row.id);
    await tx.run(sql`
      UPDATE controles SET statut = 'annule', motif_annulation = ${motif}, modifie_le = ${now.toISOString()}
      WHERE id = ${id}`);
    await recordAudit(
      tx,
      caller.actor,
      { action: 'modification', objet: 'controle', objetId: id, avant, apres: await auditRecord(tx, id) },
      now,
    );
  });
}

/** Adds a graded finding to an audit being filled. */
export async function addConstat(
  db: Db,
  caller: Caller,
  input: { controleId: number; critere?: string; gravite: Gravite; texte: string },
  now: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    const row = await fillable(tx, caller, input.controleId);
    const critere = input.critere === undefined || input.critere === '' ? null : input.critere;
    if (critere !== null) {
      const codes = (await grilleVersionById(tx, row.grille_version_id)).themes.flatMap((t) =>
        t.criteres.map((c) => c.code),
      );
      if (!codes.includes(critere))
        throw new RefusedError(`Le critère « ${critere} » n'est pas dans la grille de cet audit.`);
    }
    const id = await tx.insertId(sql`
        INSERT INTO constats (controle_id, critere, gravite, texte, statut, cree_le)
        VALUES (${input.controleId}, ${critere}, ${input.gravite}, ${input.texte}, 'ouvert', ${now.toISOString()})
        RETURNING id`);
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'creation',
        objet: 'constat',
        objetId: id,
        apres: { controleId: input.controleId, critere, gravite: input.gravite, texte: input.texte },
      },
      now,
    );
    return id;
  });
}

/** Removes a finding typed by mistake, while its audit is being filled; returns its audit's id. */
export async function removeConstat(db: Db, caller: Caller, id: number, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const constat = await tx.one<{
      controle_id: number;
      critere: string | null;
      gravite: Gravite;
      texte: string;
    }>(sql`SELECT controle_id, critere, gravite, texte FROM constats WHERE id = ${id}`);
    if (!constat) throw new NotFoundError(`Le constat n° ${id} n'existe pas.`);
    await fillable(tx, caller, constat.controle_id);
    await tx.run(sql`DELETE FROM constats WHERE id = ${id}`);
    await recordAudit(
      tx,
      caller.actor,
      { action: 'suppression', objet: 'constat', objetId: id, avant: constat },
      now,
    );
    return constat.controle_id;
  });
}

/**
 * Lifts a finding (« levé ») on today's date, if it is still open: one conditional update, audited in the
 * caller's transaction (or its own). The one place a finding is lifted, by hand (leverConstat) or by its last
 * corrective action done (actions.ts). Whether it was lifted now.
 */
export async function liftConstat(db: Db, actor: Actor, id: number, now: Date): Promise<boolean> {
  const day = parisDay(now);
  return db.transaction(async (tx) => {
    const { changes } = await tx.run(
      sql`UPDATE constats SET statut = 'leve', leve_le = ${day} WHERE id = ${id} AND statut = 'ouvert'`,
    );
    if (changes === 0) return false;
    await recordAudit(
      tx,
      actor,
      {
        action: 'modification',
        objet: 'constat',
        objetId: id,
        avant: { statut: 'ouvert' },
        apres: { statut: 'leve', leveLe: day },
      },
      now,
    );
    return true;
  });
}

/** Marks a finding as dealt with (« levé »), on today's date. */
export async function leverConstat(db: Db, caller: Caller, id: number, now: Date): Promise<Constat> {
  requireGestionnaire(caller);
  await db.transaction(async (tx) => {
    if (await liftConstat(tx, caller.actor, id, now)) return;
    const row = await tx.one<{ statut: string }>(sql`SELECT statut FROM constats WHERE id = ${id}`);
    if (!row) throw new NotFoundError(`Le constat n° ${id} n'existe pas.`);
    throw new RefusedError('Ce constat est déjà levé.');
  });
  return constatById(db, id);
}

export async function constatById(db: Db, id: number): Promise<Constat> {
  const rows = await db.all<ConstatRow>(sql`${CONSTAT_SQL} WHERE k.id = ${id}`);
  const [constat] = await constatsOf(db, rows);
  if (!constat) throw new NotFoundError(`Le constat n° ${id} n'existe pas.`);
  const { realiseLe: _r, ...rest } = constat;
  return rest;
}

/** Open findings of finished audits of a point, or of every point (major first). */
export async function openConstats(
  db: Db,
  pointId?: number,
): Promise<Array<Constat & { realiseLe: string | null }>> {
  const rows = await db.all<ConstatRow>(sql`
    ${CONSTAT_SQL}
    WHERE k.statut = 'ouvert' AND c.statut = 'termine'
      ${pointId === undefined ? sql`` : sql`AND c.point_id = ${pointId}`}
    ORDER BY CASE k.gravite WHEN 'majeure' THEN 0 WHEN 'mineure' THEN 1 WHEN 'sensible' THEN 2 ELSE 3 END,
             c.realise_le DESC, k.id`);
  return constatsOf(db, rows);
}

export async function pointControles(db: Db, pointId: number): Promise<ControlesDuPoint> {
  const exists = await db.one(sql`SELECT 1 AS found FROM points WHERE id = ${pointId}`);
  if (!exists) throw new NotFoundError(`Le point d'accueil n° ${pointId} n'existe pas.`);
  return {
    pointId,
    controles: await listControles(db, { pointId }),
    constatsOuverts: (await openConstats(db, pointId)).filter((c) => c.gravite !== 'fort'),
  };
}
