// Internal audits: planned by a label manager (a point, a grid, a mode, a day, an auditor holding the auditor
// training), filled in at the point by the auditor (or a label manager), finished once every criterion has an
// answer, or cancelled. Every change is audited in its own transaction.
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
import { recordAudit } from '../audit/record';
import { ForbiddenError, NotFoundError, RefusedError } from '../errors';
import type { Db } from '../store/db';
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

const SUMMARY_SQL = `
  SELECT c.id, c.point_id, p.nom AS point_nom, g.nom AS grille_nom, v.version, c.mode, c.prevu_le,
         c.realise_le, c.statut, a.id AS auditeur_id, a.nom AS auditeur_nom, a.prenom AS auditeur_prenom
  FROM controles c
  JOIN points p ON p.id = c.point_id
  JOIN controle_grille_versions v ON v.id = c.grille_version_id
  JOIN controle_grilles g ON g.id = v.grille_id
  JOIN agents a ON a.id = c.auditeur_id`;

const ORDER = 'ORDER BY COALESCE(c.realise_le, c.prevu_le) DESC, c.id DESC';

function emptyGrades(): Record<Gravite, number> {
  return Object.fromEntries(GRAVITES.map((g) => [g, 0])) as Record<Gravite, number>;
}

function summaries(db: Db, rows: readonly SummaryRow[]): ControleSummary[] {
  const counts = new Map<number, { grades: Record<Gravite, number>; majeuresOuvertes: number }>();
  if (rows.length > 0) {
    const found = db
      .prepare(
        `SELECT controle_id, gravite, statut, COUNT(*) AS n FROM constats
         WHERE controle_id IN (SELECT value FROM json_each(?)) GROUP BY controle_id, gravite, statut`,
      )
      .all(JSON.stringify(rows.map((row) => row.id))) as Array<{
      controle_id: number;
      gravite: Gravite;
      statut: string;
      n: number;
    }>;
    for (const row of found) {
      const entry = counts.get(row.controle_id) ?? { grades: emptyGrades(), majeuresOuvertes: 0 };
      entry.grades[row.gravite] += row.n;
      if (row.gravite === 'majeure' && row.statut === 'ouvert') entry.majeuresOuvertes += row.n;
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
export function listControles(db: Db, filter: ControleFilter): ControleSummary[] {
  const year = filter.annee === undefined ? null : String(filter.annee);
  const rows = db
    .prepare(
      `${SUMMARY_SQL}
       WHERE (? IS NULL OR c.point_id = ?) AND (? IS NULL OR c.statut = ?)
         AND (? IS NULL OR substr(COALESCE(c.realise_le, c.prevu_le), 1, 4) = ?)
       ${ORDER}`,
    )
    .all(
      filter.pointId ?? null,
      filter.pointId ?? null,
      filter.statut ?? null,
      filter.statut ?? null,
      year,
      year,
    ) as SummaryRow[];
  return summaries(db, rows);
}

/** The audits the caller is named auditor on and has not finished. */
export function myControles(db: Db, caller: Caller): ControleSummary[] {
  if (caller.agentId === null) return [];
  const rows = db
    .prepare(
      `${SUMMARY_SQL} WHERE c.auditeur_id = ? AND c.statut IN ('planifie', 'en_cours')
       ORDER BY c.prevu_le, c.id`,
    )
    .all(caller.agentId) as SummaryRow[];
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

function controleRow(db: Db, id: number): ControleRow {
  const row = db
    .prepare(
      `SELECT id, grille_version_id, statut, auditeur_id, synthese, motif_annulation, realise_le
       FROM controles WHERE id = ?`,
    )
    .get(id) as ControleRow | undefined;
  if (!row) throw new NotFoundError(`L'audit interne n° ${id} n'existe pas.`);
  return row;
}

function isOpen(statut: ControleStatut): boolean {
  return statut === 'planifie' || statut === 'en_cours';
}

/** The row, once the caller may fill it: its auditor or a label manager, while it is not finished. */
function fillable(db: Db, caller: Caller, id: number): ControleRow {
  const row = controleRow(db, id);
  if (!mayRead(caller, row.auditeur_id))
    throw new ForbiddenError('Seul l’auditeur désigné ou un gestionnaire du label peut remplir cet audit.');
  if (!isOpen(row.statut))
    throw new RefusedError(
      row.statut === 'termine'
        ? 'Cet audit est terminé : il ne peut plus être modifié.'
        : 'Cet audit est annulé : il ne peut plus être modifié.',
    );
  return row;
}

const CONSTAT_SQL = `
  SELECT k.id, k.controle_id AS controleId, k.critere, k.gravite, k.texte, k.statut, k.leve_le AS leveLe,
         c.grille_version_id, c.realise_le AS realiseLe
  FROM constats k JOIN controles c ON c.id = k.controle_id`;

type ConstatRow = Omit<Constat, 'critereLibelle' | 'actions'> & {
  grille_version_id: number;
  realiseLe: string | null;
};

/** Findings with their criterion's wording and the actions raised from them. */
export function constatsOf(
  db: Db,
  rows: readonly ConstatRow[],
): Array<Constat & { realiseLe: string | null }> {
  const labels = new Map<number, Map<string, string>>();
  const actions = db.prepare(
    `SELECT id, quoi, statut, echeance FROM actions WHERE origine = 'constat' AND origine_id = ? ORDER BY id`,
  );
  return rows.map(({ grille_version_id, ...row }) => {
    let byCode = labels.get(grille_version_id);
    if (!byCode) {
      byCode = new Map();
      for (const theme of grilleVersionById(db, grille_version_id).themes)
        for (const critere of theme.criteres) byCode.set(critere.code, critere.libelle);
      labels.set(grille_version_id, byCode);
    }
    return {
      ...row,
      critereLibelle: row.critere === null ? null : (byCode.get(row.critere) ?? null),
      actions: actions.all(String(row.id)) as Constat['actions'],
    };
  });
}

export function controleView(db: Db, caller: Caller, id: number): ControleView {
  const row = controleRow(db, id);
  if (!mayRead(caller, row.auditeur_id))
    throw new ForbiddenError('Cet audit interne est réservé à son auditeur et aux gestionnaires du label.');
  const summary = summaries(db, [db.prepare(`${SUMMARY_SQL} WHERE c.id = ?`).get(id) as SummaryRow])[0];
  if (!summary) throw new NotFoundError(`L'audit interne n° ${id} n'existe pas.`);
  const grille = grilleVersionById(db, row.grille_version_id);
  const reponses = db
    .prepare('SELECT critere, resultat, commentaire FROM controle_reponses WHERE controle_id = ?')
    .all(id) as Reponse[];
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
  const liste = constatsOf(
    db,
    db.prepare(`${CONSTAT_SQL} WHERE k.controle_id = ? ORDER BY k.id`).all(id) as ConstatRow[],
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

function auditRecord(db: Db, id: number): Record<string, unknown> {
  const row = db
    .prepare(
      `SELECT point_id AS pointId, grille_version_id AS grilleVersionId, mode, prevu_le AS prevuLe,
              auditeur_id AS auditeurId, statut, realise_le AS realiseLe, synthese
       FROM controles WHERE id = ?`,
    )
    .get(id) as Record<string, unknown>;
  return row;
}

export function planControle(
  db: Db,
  caller: Caller,
  input: { pointId: number; grilleId: number; mode: ControleMode; prevuLe: string; auditeurId: number },
  now: Date,
): number {
  requireGestionnaire(caller);
  return db.legacyTransaction(() => {
    const point = db.prepare('SELECT ouvert FROM points WHERE id = ?').get(input.pointId) as
      { ouvert: number } | undefined;
    if (!point) throw new NotFoundError(`Le point d'accueil n° ${input.pointId} n'existe pas.`);
    if (point.ouvert !== 1) throw new RefusedError('Ce point d’accueil est fermé : il ne peut être audité.');
    const version = grilleVersion(db, input.grilleId);
    if (!isAuditeur(db, input.auditeurId, input.prevuLe))
      throw new RefusedError(
        `Cet agent ne détient pas de formation « Auditeur interne » valable le ${frenchDate(input.prevuLe) ?? input.prevuLe} : il ne peut pas être désigné auditeur.`,
      );
    const stamp = now.toISOString();
    const id = Number(
      db
        .prepare(
          `INSERT INTO controles (point_id, grille_version_id, mode, prevu_le, auditeur_id, statut, cree_le, modifie_le)
           VALUES (?, ?, ?, ?, ?, 'planifie', ?, ?)`,
        )
        .run(input.pointId, version.versionId, input.mode, input.prevuLe, input.auditeurId, stamp, stamp)
        .lastInsertRowid,
    );
    recordAudit(
      db,
      caller.actor,
      { action: 'creation', objet: 'controle', objetId: id, apres: auditRecord(db, id) },
      now,
    );
    return id;
  })();
}

/** Saves the answers given (others unchanged) and the summary; the audit is then « en cours ». */
export function answerControle(
  db: Db,
  caller: Caller,
  input: { id: number; reponses: readonly Reponse[]; synthese: string },
  now: Date,
): void {
  db.legacyTransaction(() => {
    const row = fillable(db, caller, input.id);
    const codes = new Set(
      grilleVersionById(db, row.grille_version_id).themes.flatMap((t) => t.criteres.map((c) => c.code)),
    );
    const unknown = input.reponses.find((r) => !codes.has(r.critere));
    if (unknown)
      throw new RefusedError(`Le critère « ${unknown.critere} » n'est pas dans la grille de cet audit.`);
    const upsert = db.prepare(
      `INSERT INTO controle_reponses (controle_id, critere, resultat, commentaire) VALUES (?, ?, ?, ?)
       ON CONFLICT (controle_id, critere) DO UPDATE SET resultat = excluded.resultat, commentaire = excluded.commentaire`,
    );
    for (const r of input.reponses) upsert.run(input.id, r.critere, r.resultat, r.commentaire);
    db.prepare("UPDATE controles SET synthese = ?, statut = 'en_cours', modifie_le = ? WHERE id = ?").run(
      input.synthese,
      now.toISOString(),
      input.id,
    );
    recordAudit(
      db,
      caller.actor,
      {
        action: 'modification',
        objet: 'controle',
        objetId: input.id,
        apres: { reponses: input.reponses, synthese: input.synthese },
      },
      now,
    );
  })();
}

/** Closes the audit once every criterion has an answer; its day is today unless told (never after today). */
export function finishControle(
  db: Db,
  caller: Caller,
  id: number,
  realiseLe: string | undefined,
  now: Date,
): void {
  const today = parisDay(now);
  const day = realiseLe ?? today;
  if (day > today) throw new RefusedError('Un audit ne peut être terminé à une date future.');
  db.legacyTransaction(() => {
    const row = fillable(db, caller, id);
    const total = grilleVersionById(db, row.grille_version_id).themes.reduce(
      (n, t) => n + t.criteres.length,
      0,
    );
    const answered = db
      .prepare('SELECT COUNT(*) FROM controle_reponses WHERE controle_id = ?')
      .pluck()
      .get(id) as number;
    if (answered < total)
      throw new RefusedError(
        `Il reste ${total - answered} critère(s) sans réponse : répondez à chacun (conforme, non conforme ou sans objet) avant de terminer l’audit.`,
      );
    const avant = auditRecord(db, id);
    db.prepare("UPDATE controles SET statut = 'termine', realise_le = ?, modifie_le = ? WHERE id = ?").run(
      day,
      now.toISOString(),
      id,
    );
    recordAudit(
      db,
      caller.actor,
      { action: 'fin', objet: 'controle', objetId: id, avant, apres: auditRecord(db, id) },
      now,
    );
  })();
}

export function cancelControle(db: Db, caller: Caller, id: number, motif: string, now: Date): void {
  requireGestionnaire(caller);
  db.legacyTransaction(() => {
    const row = fillable(db, caller, id);
    const avant = auditRecord(db, row.id);
    db.prepare(
      "UPDATE controles SET statut = 'annule', motif_annulation = ?, modifie_le = ? WHERE id = ?",
    ).run(motif, now.toISOString(), id);
    recordAudit(
      db,
      caller.actor,
      { action: 'modification', objet: 'controle', objetId: id, avant, apres: auditRecord(db, id) },
      now,
    );
  })();
}

/** Adds a graded finding to an audit being filled. */
export function addConstat(
  db: Db,
  caller: Caller,
  input: { controleId: number; critere?: string; gravite: Gravite; texte: string },
  now: Date,
): number {
  return db.legacyTransaction(() => {
    const row = fillable(db, caller, input.controleId);
    const critere = input.critere === undefined || input.critere === '' ? null : input.critere;
    if (critere !== null) {
      const codes = grilleVersionById(db, row.grille_version_id).themes.flatMap((t) =>
        t.criteres.map((c) => c.code),
      );
      if (!codes.includes(critere))
        throw new RefusedError(`Le critère « ${critere} » n'est pas dans la grille de cet audit.`);
    }
    const id = Number(
      db
        .prepare(
          `INSERT INTO constats (controle_id, critere, gravite, texte, statut, cree_le) VALUES (?, ?, ?, ?, 'ouvert', ?)`,
        )
        .run(input.controleId, critere, input.gravite, input.texte, now.toISOString()).lastInsertRowid,
    );
    recordAudit(
      db,
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
  })();
}

/** Removes a finding typed by mistake, while its audit is being filled; returns its audit's id. */
export function removeConstat(db: Db, caller: Caller, id: number, now: Date): number {
  return db.legacyTransaction(() => {
    const constat = db
      .prepare('SELECT controle_id, critere, gravite, texte FROM constats WHERE id = ?')
      .get(id) as
      { controle_id: number; critere: string | null; gravite: Gravite; texte: string } | undefined;
    if (!constat) throw new NotFoundError(`Le constat n° ${id} n'existe pas.`);
    fillable(db, caller, constat.controle_id);
    db.prepare('DELETE FROM constats WHERE id = ?').run(id);
    recordAudit(
      db,
      caller.actor,
      { action: 'suppression', objet: 'constat', objetId: id, avant: constat },
      now,
    );
    return constat.controle_id;
  })();
}

/** Marks a finding as dealt with (« levé »), on today's date. */
export function leverConstat(db: Db, caller: Caller, id: number, now: Date): Constat {
  requireGestionnaire(caller);
  db.legacyTransaction(() => {
    const row = db.prepare('SELECT statut FROM constats WHERE id = ?').get(id) as
      { statut: string } | undefined;
    if (!row) throw new NotFoundError(`Le constat n° ${id} n'existe pas.`);
    if (row.statut === 'leve') throw new RefusedError('Ce constat est déjà levé.');
    const day = parisDay(now);
    db.prepare("UPDATE constats SET statut = 'leve', leve_le = ? WHERE id = ?").run(day, id);
    recordAudit(
      db,
      caller.actor,
      {
        action: 'modification',
        objet: 'constat',
        objetId: id,
        avant: { statut: 'ouvert' },
        apres: { statut: 'leve', leveLe: day },
      },
      now,
    );
  })();
  return constatById(db, id);
}

export function constatById(db: Db, id: number): Constat {
  const rows = db.prepare(`${CONSTAT_SQL} WHERE k.id = ?`).all(id) as ConstatRow[];
  const [constat] = constatsOf(db, rows);
  if (!constat) throw new NotFoundError(`Le constat n° ${id} n'existe pas.`);
  const { realiseLe: _r, ...rest } = constat;
  return rest;
}

/** Open findings of finished audits of a point, or of every point (major first). */
export function openConstats(db: Db, pointId?: number): Array<Constat & { realiseLe: string | null }> {
  const rows = db
    .prepare(
      `${CONSTAT_SQL}
       WHERE k.statut = 'ouvert' AND c.statut = 'termine' AND (? IS NULL OR c.point_id = ?)
       ORDER BY CASE k.gravite WHEN 'majeure' THEN 0 WHEN 'mineure' THEN 1 WHEN 'sensible' THEN 2 ELSE 3 END,
                c.realise_le DESC, k.id`,
    )
    .all(pointId ?? null, pointId ?? null) as ConstatRow[];
  return constatsOf(db, rows);
}

export function pointControles(db: Db, pointId: number): ControlesDuPoint {
  const exists = db.prepare('SELECT 1 FROM points WHERE id = ?').get(pointId);
  if (!exists) throw new NotFoundError(`Le point d'accueil n° ${pointId} n'existe pas.`);
  return {
    pointId,
    controles: listControles(db, { pointId }),
    constatsOuverts: openConstats(db, pointId).filter((c) => c.gravite !== 'fort'),
  };
}
