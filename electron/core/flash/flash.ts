// Flash info: announcements for every desk or chosen points, shown from their first to their last day (Paris
// calendar days), archived after. Writing is audited; a read confirmation is a plain row (one per account),
// like the log: it is the agent's own act, not a change of a registry.
import type {
  FlashDetail,
  FlashEtat,
  FlashFields,
  FlashLecteur,
  FlashSummary,
  FlashView,
} from '../../../common/flash/methods';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { NotFoundError, RefusedError } from '../errors';
import type { Db } from '../store/db';

/** The published fiches, by id (drafts and removed fiches answer undefined). */
export type FicheLookup = (id: string) => { titre: string } | undefined;

/** Markdown to safe HTML (the fiches' own renderer: no raw HTML, harmless links only). */
export type Render = (markdown: string) => string;

/** Who asks, from where, on which day: what the desk's side of flash info depends on. */
export interface Reader {
  compteId: number;
  /** The reception point of the call (null: none known, only announcements for every point are shown). */
  pointId: number | null;
  /** Today in Paris, « YYYY-MM-DD ». */
  today: string;
}

interface FlashRow {
  id: number;
  titre: string;
  texte: string;
  debut: string;
  fin: string;
  tous_points: number;
  cree_par_nom: string;
  cree_le: string;
}

const COLUMNS = 'f.id, f.titre, f.texte, f.debut, f.fin, f.tous_points, f.cree_par_nom, f.cree_le';

export function etatOn(row: { debut: string; fin: string }, today: string): FlashEtat {
  if (row.debut > today) return 'programme';
  return row.fin < today ? 'archive' : 'en_cours';
}

function row(db: Db, id: number): FlashRow {
  const found = db.prepare(`SELECT ${COLUMNS} FROM flash f WHERE f.id = ?`).get(id) as FlashRow | undefined;
  if (!found) throw new NotFoundError(`L’annonce n° ${id} n’existe pas.`);
  return found;
}

function pointsOf(db: Db, id: number): Array<{ id: number; nom: string }> {
  return db
    .prepare(
      `SELECT p.id, p.nom FROM flash_points fp JOIN points p ON p.id = fp.point_id
       WHERE fp.flash_id = ? ORDER BY p.nom COLLATE NOCASE`,
    )
    .all(id) as Array<{ id: number; nom: string }>;
}

function ficheIdsOf(db: Db, id: number): string[] {
  return db
    .prepare('SELECT fiche_id FROM flash_fiches WHERE flash_id = ? ORDER BY fiche_id')
    .pluck()
    .all(id) as string[];
}

/**
 * The accounts expected to read an announcement — active agents' accounts assigned to one of its points at some
 * day of its display period (every active agent's account when it is for every point) — and anyone else who
 * read it, read ones first.
 */
function lecteursOf(db: Db, flash: FlashRow): FlashLecteur[] {
  return db
    .prepare(
      `WITH attendus AS (
         SELECT c.id FROM comptes c
         JOIN compte_roles r ON r.compte_id = c.id AND r.role = 'agent'
         WHERE c.actif = 1 AND (
           @tous = 1 OR EXISTS (
             SELECT 1 FROM affectations a
             JOIN flash_points fp ON fp.point_id = a.point_id AND fp.flash_id = @id
             WHERE a.agent_id = c.agent_id AND a.debut <= @fin AND (a.fin IS NULL OR a.fin >= @debut)))
         UNION
         SELECT compte_id FROM flash_lectures WHERE flash_id = @id)
       SELECT c.id AS compteId, c.nom, l.lu_le AS luLe
       FROM attendus x JOIN comptes c ON c.id = x.id
       LEFT JOIN flash_lectures l ON l.flash_id = @id AND l.compte_id = c.id
       ORDER BY l.lu_le IS NULL, l.lu_le, c.nom COLLATE NOCASE`,
    )
    .all({ id: flash.id, tous: flash.tous_points, debut: flash.debut, fin: flash.fin }) as FlashLecteur[];
}

function summaryOf(db: Db, flash: FlashRow, today: string, lecteurs: FlashLecteur[]): FlashSummary {
  return {
    id: flash.id,
    titre: flash.titre,
    debut: flash.debut,
    fin: flash.fin,
    etat: etatOn(flash, today),
    tousPoints: flash.tous_points === 1,
    points: flash.tous_points === 1 ? [] : pointsOf(db, flash.id),
    lus: lecteurs.filter((lecteur) => lecteur.luLe !== null).length,
    attendus: lecteurs.length,
    creePar: flash.cree_par_nom,
    creeLe: flash.cree_le,
  };
}

/** The current or scheduled announcements (or the archived ones), with their read counts. */
export function listFlash(db: Db, today: string, archive: boolean): FlashSummary[] {
  const rows = db
    .prepare(
      archive
        ? `SELECT ${COLUMNS} FROM flash f WHERE f.fin < ? ORDER BY f.fin DESC, f.id DESC`
        : `SELECT ${COLUMNS} FROM flash f WHERE f.fin >= ? ORDER BY f.debut, f.id`,
    )
    .all(today) as FlashRow[];
  return rows.map((flash) => summaryOf(db, flash, today, lecteursOf(db, flash)));
}

/** The open points, for the form's choice of targets. */
export function flashPointOptions(db: Db): Array<{ id: number; nom: string }> {
  return db
    .prepare('SELECT id, nom FROM points WHERE ouvert = 1 ORDER BY nom COLLATE NOCASE')
    .all() as Array<{
    id: number;
    nom: string;
  }>;
}

/** One announcement with its text, linked fiches and who has read it. */
export function getFlash(
  db: Db,
  fiches: FicheLookup,
  render: Render,
  id: number,
  today: string,
): FlashDetail {
  const flash = row(db, id);
  const lecteurs = lecteursOf(db, flash);
  return {
    ...summaryOf(db, flash, today, lecteurs),
    texte: flash.texte,
    html: render(flash.texte),
    fiches: ficheIdsOf(db, id).map((ficheId) => ({ id: ficheId, titre: fiches(ficheId)?.titre ?? null })),
    lecteurs,
  };
}

/** What the audit trail keeps of an announcement. */
function snapshot(db: Db, id: number): Record<string, unknown> {
  const flash = row(db, id);
  return {
    titre: flash.titre,
    texte: flash.texte,
    debut: flash.debut,
    fin: flash.fin,
    tousPoints: flash.tous_points === 1,
    points: pointsOf(db, id).map((point) => point.nom),
    fiches: ficheIdsOf(db, id),
  };
}

/** Checks the targets and links, then writes them (the announcement's row exists). */
function writeTargets(db: Db, fiches: FicheLookup, id: number, fields: FlashFields): void {
  const pointIds = fields.tousPoints ? [] : [...new Set(fields.pointIds)];
  const pointExists = db.prepare('SELECT 1 FROM points WHERE id = ?').pluck();
  for (const pointId of pointIds)
    if (pointExists.get(pointId) === undefined)
      throw new NotFoundError(`Le point d’accueil n° ${pointId} n’existe pas.`);
  const ficheIds = [...new Set(fields.ficheIds.map((ficheId) => ficheId.trim()))];
  for (const ficheId of ficheIds)
    if (!fiches(ficheId))
      throw new RefusedError(
        `Fiche liée : « ${ficheId} » n’existe pas ou n’est pas publiée ; retirez-la ou choisissez-en une autre.`,
      );
  db.prepare('DELETE FROM flash_points WHERE flash_id = ?').run(id);
  db.prepare('DELETE FROM flash_fiches WHERE flash_id = ?').run(id);
  const insertPoint = db.prepare('INSERT INTO flash_points (flash_id, point_id) VALUES (?, ?)');
  for (const pointId of pointIds) insertPoint.run(id, pointId);
  const insertFiche = db.prepare('INSERT INTO flash_fiches (flash_id, fiche_id) VALUES (?, ?)');
  for (const ficheId of ficheIds) insertFiche.run(id, ficheId);
}

export interface FlashContext {
  fiches: FicheLookup;
  render: Render;
  now: Date;
  today: string;
}

/** A new announcement; audited in the same transaction. */
export function createFlash(
  db: Db,
  actor: Actor & { nom: string },
  fields: FlashFields,
  context: FlashContext,
): FlashDetail {
  const id = db.legacyTransaction(() => {
    const created = Number(
      db
        .prepare(
          `INSERT INTO flash (titre, texte, debut, fin, tous_points, cree_par, cree_par_nom, cree_le)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          fields.titre,
          fields.texte,
          fields.debut,
          fields.fin,
          fields.tousPoints ? 1 : 0,
          actor.compteId,
          actor.nom,
          context.now.toISOString(),
        ).lastInsertRowid,
    );
    writeTargets(db, context.fiches, created, fields);
    recordAudit(
      db,
      actor,
      { action: 'creation', objet: 'flash', objetId: created, apres: snapshot(db, created) },
      context.now,
    );
    return created;
  })();
  return getFlash(db, context.fiches, context.render, id, context.today);
}

/** Changes an announcement (its text, dates, targets or links); read confirmations stay. Audited. */
export function updateFlash(
  db: Db,
  actor: Actor,
  id: number,
  fields: FlashFields,
  context: FlashContext,
): FlashDetail {
  db.legacyTransaction(() => {
    const avant = snapshot(db, id);
    db.prepare(
      `UPDATE flash SET titre = ?, texte = ?, debut = ?, fin = ?, tous_points = ?, modifie_le = ? WHERE id = ?`,
    ).run(
      fields.titre,
      fields.texte,
      fields.debut,
      fields.fin,
      fields.tousPoints ? 1 : 0,
      context.now.toISOString(),
      id,
    );
    writeTargets(db, context.fiches, id, fields);
    recordAudit(
      db,
      actor,
      { action: 'modification', objet: 'flash', objetId: id, avant, apres: snapshot(db, id) },
      context.now,
    );
  })();
  return getFlash(db, context.fiches, context.render, id, context.today);
}

/** Shown today at the reader's point: for every point, or for the reader's own. */
const SHOWN = `f.debut <= @today AND f.fin >= @today
  AND (f.tous_points = 1 OR EXISTS (SELECT 1 FROM flash_points fp WHERE fp.flash_id = f.id AND fp.point_id = @point))`;

function viewOf(db: Db, fiches: FicheLookup, render: Render, flash: FlashRow, lu: boolean): FlashView {
  return {
    id: flash.id,
    titre: flash.titre,
    html: render(flash.texte),
    debut: flash.debut,
    fin: flash.fin,
    // Only fiches the desk can open: a linked fiche removed since is left out.
    fiches: ficheIdsOf(db, flash.id).flatMap((ficheId) => {
      const fiche = fiches(ficheId);
      return fiche ? [{ id: ficheId, titre: fiche.titre }] : [];
    }),
    lu,
  };
}

/**
 * The announcements shown today at the reader's point, unread ones first, the latest first; with `ficheId`,
 * only those linked to that fiche.
 */
export function currentFlash(
  db: Db,
  fiches: FicheLookup,
  render: Render,
  reader: Reader,
  ficheId?: string,
): FlashView[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS}, l.lu_le IS NOT NULL AS lu FROM flash f
       LEFT JOIN flash_lectures l ON l.flash_id = f.id AND l.compte_id = @compte
       WHERE ${SHOWN}
         ${ficheId === undefined ? '' : 'AND EXISTS (SELECT 1 FROM flash_fiches ff WHERE ff.flash_id = f.id AND ff.fiche_id = @fiche)'}
       ORDER BY lu, f.debut DESC, f.id DESC`,
    )
    .all({
      compte: reader.compteId,
      point: reader.pointId,
      today: reader.today,
      fiche: ficheId ?? null,
    }) as Array<FlashRow & { lu: number }>;
  return rows.map((flash) => viewOf(db, fiches, render, flash, flash.lu === 1));
}

/** The reader confirms having read an announcement shown at their point today (again: no change). */
export function confirmFlash(
  db: Db,
  fiches: FicheLookup,
  render: Render,
  reader: Reader,
  id: number,
  now: Date,
): FlashView {
  const flash = db
    .prepare(`SELECT ${COLUMNS} FROM flash f WHERE f.id = @id AND ${SHOWN}`)
    .get({ id, point: reader.pointId, today: reader.today }) as FlashRow | undefined;
  if (!flash)
    throw new NotFoundError('Cette annonce n’est pas affichée à votre point d’accueil aujourd’hui.');
  db.prepare('INSERT OR IGNORE INTO flash_lectures (flash_id, compte_id, lu_le) VALUES (?, ?, ?)').run(
    id,
    reader.compteId,
    now.toISOString(),
  );
  return viewOf(db, fiches, render, flash, true);
}
