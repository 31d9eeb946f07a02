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
import { sql, type Db, type RawBuilder } from '../store/db';

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

const COLUMNS = sql`f.id, f.titre, f.texte, f.debut, f.fin, f.tous_points, f.cree_par_nom, f.cree_le`;

export function etatOn(row: { debut: string; fin: string }, today: string): FlashEtat {
  if (row.debut > today) return 'programme';
  return row.fin < today ? 'archive' : 'en_cours';
}

async function row(db: Db, id: number): Promise<FlashRow> {
  const found = await db.one<FlashRow>(sql`SELECT ${COLUMNS} FROM flash f WHERE f.id = ${id}`);
  if (!found) throw new NotFoundError(`L’annonce n° ${id} n’existe pas.`);
  return found;
}

/**
 * The rows of several announcements read in one query, each announcement's in the query's order (an
 * announcement without any gets an empty list). No query at all for no announcement.
 */
async function perFlash<T>(
  ids: readonly number[],
  read: (ids: RawBuilder<unknown>) => Promise<Array<T & { flashId: number }>>,
): Promise<Map<number, T[]>> {
  const grouped = new Map<number, T[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return grouped;
  for (const { flashId, ...rest } of await read(sql.join([...new Set(ids)])))
    grouped.get(flashId)?.push(rest as T);
  return grouped;
}

function pointsOf(db: Db, ids: readonly number[]): Promise<Map<number, Array<{ id: number; nom: string }>>> {
  return perFlash(ids, (list) =>
    db.all<{ flashId: number; id: number; nom: string }>(
      sql`SELECT fp.flash_id AS "flashId", p.id, p.nom FROM flash_points fp JOIN points p ON p.id = fp.point_id
          WHERE fp.flash_id IN (${list}) ORDER BY lower(p.nom)`,
    ),
  );
}

async function ficheIdsOf(db: Db, ids: readonly number[]): Promise<Map<number, string[]>> {
  const rows = await perFlash(ids, (list) =>
    db.all<{ flashId: number; fiche_id: string }>(
      sql`SELECT flash_id AS "flashId", fiche_id FROM flash_fiches WHERE flash_id IN (${list}) ORDER BY fiche_id`,
    ),
  );
  return new Map([...rows].map(([id, fiches]) => [id, fiches.map((r) => r.fiche_id)]));
}

/**
 * The accounts expected to read each announcement — active agents' accounts assigned to one of its points at
 * some day of its display period (every active agent's account when it is for every point) — and anyone else
 * who read it, read ones first.
 */
function lecteursOf(db: Db, ids: readonly number[]): Promise<Map<number, FlashLecteur[]>> {
  return perFlash(ids, (list) =>
    db.all<FlashLecteur & { flashId: number }>(
      sql`WITH attendus AS (
            SELECT f.id AS flash_id, c.id FROM flash f
            JOIN comptes c ON c.actif = 1
            JOIN compte_roles r ON r.compte_id = c.id AND r.role = 'agent'
            WHERE f.id IN (${list}) AND (
              f.tous_points = 1 OR EXISTS (
                SELECT 1 FROM affectations a
                JOIN flash_points fp ON fp.point_id = a.point_id AND fp.flash_id = f.id
                WHERE a.agent_id = c.agent_id AND a.debut <= f.fin AND (a.fin IS NULL OR a.fin >= f.debut)))
            UNION
            SELECT flash_id, compte_id FROM flash_lectures WHERE flash_id IN (${list}))
          SELECT x.flash_id AS "flashId", c.id AS "compteId", c.nom, l.lu_le AS "luLe"
          FROM attendus x JOIN comptes c ON c.id = x.id
          LEFT JOIN flash_lectures l ON l.flash_id = x.flash_id AND l.compte_id = c.id
          ORDER BY CASE WHEN l.lu_le IS NULL THEN 1 ELSE 0 END, l.lu_le, lower(c.nom)`,
    ),
  );
}

/** The summaries of announcements, their points and readers read in two queries for all. */
async function summariesOf(db: Db, flashes: FlashRow[], today: string): Promise<FlashSummary[]> {
  const ids = flashes.map((flash) => flash.id);
  const lecteurs = await lecteursOf(db, ids);
  const points = await pointsOf(
    db,
    flashes.filter((flash) => flash.tous_points !== 1).map((flash) => flash.id),
  );
  return flashes.map((flash) =>
    summaryOf(flash, today, lecteurs.get(flash.id) ?? [], points.get(flash.id) ?? []),
  );
}

function summaryOf(
  flash: FlashRow,
  today: string,
  lecteurs: FlashLecteur[],
  points: Array<{ id: number; nom: string }>,
): FlashSummary {
  return {
    id: flash.id,
    titre: flash.titre,
    debut: flash.debut,
    fin: flash.fin,
    etat: etatOn(flash, today),
    tousPoints: flash.tous_points === 1,
    points: flash.tous_points === 1 ? [] : points,
    lus: lecteurs.filter((lecteur) => lecteur.luLe !== null).length,
    attendus: lecteurs.length,
    creePar: flash.cree_par_nom,
    creeLe: flash.cree_le,
  };
}

/** The current or scheduled announcements (or the archived ones), with their read counts. */
export async function listFlash(db: Db, today: string, archive: boolean): Promise<FlashSummary[]> {
  const rows = await db.all<FlashRow>(
    archive
      ? sql`SELECT ${COLUMNS} FROM flash f WHERE f.fin < ${today} ORDER BY f.fin DESC, f.id DESC`
      : sql`SELECT ${COLUMNS} FROM flash f WHERE f.fin >= ${today} ORDER BY f.debut, f.id`,
  );
  return summariesOf(db, rows, today);
}

/** The open points, for the form's choice of targets. */
export function flashPointOptions(db: Db): Promise<Array<{ id: number; nom: string }>> {
  return db.all<{ id: number; nom: string }>(
    sql`SELECT id, nom FROM points WHERE ouvert = 1 ORDER BY lower(nom)`,
  );
}

/** One announcement with its text, linked fiches and who has read it. */
export async function getFlash(
  db: Db,
  fiches: FicheLookup,
  render: Render,
  id: number,
  today: string,
): Promise<FlashDetail> {
  const flash = await row(db, id);
  const lecteurs = (await lecteursOf(db, [id])).get(id) ?? [];
  const points = flash.tous_points === 1 ? [] : ((await pointsOf(db, [id])).get(id) ?? []);
  return {
    ...summaryOf(flash, today, lecteurs, points),
    texte: flash.texte,
    html: render(flash.texte),
    fiches: ((await ficheIdsOf(db, [id])).get(id) ?? []).map((ficheId) => ({
      id: ficheId,
      titre: fiches(ficheId)?.titre ?? null,
    })),
    lecteurs,
  };
}

/** What the audit trail keeps of an announcement. */
async function snapshot(db: Db, id: number): Promise<Record<string, unknown>> {
  const flash = await row(db, id);
  return {
    titre: flash.titre,
    texte: flash.texte,
    debut: flash.debut,
    fin: flash.fin,
    tousPoints: flash.tous_points === 1,
    points: ((await pointsOf(db, [id])).get(id) ?? []).map((point) => point.nom),
    fiches: (await ficheIdsOf(db, [id])).get(id) ?? [],
  };
}

/** Checks the targets and links, then writes them (the announcement's row exists; inside its transaction). */
async function writeTargets(db: Db, fiches: FicheLookup, id: number, fields: FlashFields): Promise<void> {
  const pointIds = fields.tousPoints ? [] : [...new Set(fields.pointIds)];
  if (pointIds.length > 0) {
    const known = new Set(
      (await db.all<{ id: number }>(sql`SELECT id FROM points WHERE id IN (${sql.join(pointIds)})`)).map(
        (point) => point.id,
      ),
    );
    const missing = pointIds.find((pointId) => !known.has(pointId));
    if (missing !== undefined) throw new NotFoundError(`Le point d’accueil n° ${missing} n’existe pas.`);
  }
  const ficheIds = [...new Set(fields.ficheIds.map((ficheId) => ficheId.trim()))];
  for (const ficheId of ficheIds)
    if (!fiches(ficheId))
      throw new RefusedError(
        `Fiche liée : « ${ficheId} » n’existe pas ou n’est pas publiée ; retirez-la ou choisissez-en une autre.`,
      );
  await db.run(sql`DELETE FROM flash_points WHERE flash_id = ${id}`);
  await db.run(sql`DELETE FROM flash_fiches WHERE flash_id = ${id}`);
  if (pointIds.length > 0)
    await db.run(
      sql`INSERT INTO flash_points (flash_id, point_id)
          VALUES ${sql.join(pointIds.map((pointId) => sql`(${id}, ${pointId})`))}`,
    );
  if (ficheIds.length > 0)
    await db.run(
      sql`INSERT INTO flash_fiches (flash_id, fiche_id)
          VALUES ${sql.join(ficheIds.map((ficheId) => sql`(${id}, ${ficheId})`))}`,
    );
}

export interface FlashContext {
  fiches: FicheLookup;
  render: Render;
  now: Date;
  today: string;
}

/** A new announcement; audited in the same transaction. */
export async function createFlash(
  db: Db,
  actor: Actor & { nom: string },
  fields: FlashFields,
  context: FlashContext,
): Promise<FlashDetail> {
  const id = await db.transaction(async (tx) => {
    const created =
      await tx.insertId(sql`INSERT INTO flash (titre, texte, debut, fin, tous_points, cree_par, cree_par_nom, cree_le)
            VALUES (${fields.titre}, ${fields.texte}, ${fields.debut}, ${fields.fin}, ${fields.tousPoints ? 1 : 0},
              ${actor.compteId}, ${actor.nom}, ${context.now.toISOString()})
            RETURNING id`);
    await writeTargets(tx, context.fiches, created, fields);
    await recordAudit(
      tx,
      actor,
      { action: 'creation', objet: 'flash', objetId: created, apres: await snapshot(tx, created) },
      context.now,
    );
    return created;
  });
  return getFlash(db, context.fiches, context.render, id, context.today);
}

/** Changes an announcement (its text, dates, targets or links); read confirmations stay. Audited. */
export async function updateFlash(
  db: Db,
  actor: Actor,
  id: number,
  fields: FlashFields,
  context: FlashContext,
): Promise<FlashDetail> {
  await db.transaction(async (tx) => {
    const avant = await snapshot(tx, id);
    await tx.run(
      sql`UPDATE flash SET titre = ${fields.titre}, texte = ${fields.texte}, debut = ${fields.debut},
            fin = ${fields.fin}, tous_points = ${fields.tousPoints ? 1 : 0}, modifie_le = ${context.now.toISOString()}
          WHERE id = ${id}`,
    );
    await writeTargets(tx, context.fiches, id, fields);
    await recordAudit(
      tx,
      actor,
      { action: 'modification', objet: 'flash', objetId: id, avant, apres: await snapshot(tx, id) },
      context.now,
    );
  });
  return getFlash(db, context.fiches, context.render, id, context.today);
}

/** Shown today at the reader's point: for every point, or for the reader's own. */
function shown(reader: Pick<Reader, 'pointId' | 'today'>) {
  return sql`f.debut <= ${reader.today} AND f.fin >= ${reader.today}
    AND (f.tous_points = 1
      OR EXISTS (SELECT 1 FROM flash_points fp WHERE fp.flash_id = f.id AND fp.point_id = ${reader.pointId}))`;
}

function viewOf(
  fiches: FicheLookup,
  render: Render,
  flash: FlashRow,
  ficheIds: string[],
  lu: boolean,
): FlashView {
  return {
    id: flash.id,
    titre: flash.titre,
    html: render(flash.texte),
    debut: flash.debut,
    fin: flash.fin,
    // Only fiches the desk can open: a linked fiche removed since is left out.
    fiches: ficheIds.flatMap((ficheId) => {
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
export async function currentFlash(
  db: Db,
  fiches: FicheLookup,
  render: Render,
  reader: Reader,
  ficheId?: string,
): Promise<FlashView[]> {
  const rows = await db.all<FlashRow & { lu: number }>(
    sql`SELECT ${COLUMNS}, CASE WHEN l.lu_le IS NOT NULL THEN 1 ELSE 0 END AS lu FROM flash f
        LEFT JOIN flash_lectures l ON l.flash_id = f.id AND l.compte_id = ${reader.compteId}
        WHERE ${shown(reader)}
          ${
            ficheId === undefined
              ? sql``
              : sql`AND EXISTS (SELECT 1 FROM flash_fiches ff WHERE ff.flash_id = f.id AND ff.fiche_id = ${ficheId})`
          }
        ORDER BY lu, f.debut DESC, f.id DESC`,
  );
  const ficheIds = await ficheIdsOf(
    db,
    rows.map((flash) => flash.id),
  );
  return rows.map((flash) => viewOf(fiches, render, flash, ficheIds.get(flash.id) ?? [], flash.lu === 1));
}

/** The reader confirms having read an announcement shown at their point today (again: no change). */
export async function confirmFlash(
  db: Db,
  fiches: FicheLookup,
  render: Render,
  reader: Reader,
  id: number,
  now: Date,
): Promise<FlashView> {
  const flash = await db.one<FlashRow>(
    sql`SELECT ${COLUMNS} FROM flash f WHERE f.id = ${id} AND ${shown(reader)}`,
  );
  if (!flash)
    throw new NotFoundError('Cette annonce n’est pas affichée à votre point d’accueil aujourd’hui.');
  // Insert-if-absent: a second confirmation (or two at once) keeps the first day of reading.
  await db.run(
    sql`INSERT INTO flash_lectures (flash_id, compte_id, lu_le) VALUES (${id}, ${reader.compteId}, ${now.toISOString()})
        ON CONFLICT DO NOTHING`,
  );
  return viewOf(fiches, render, flash, (await ficheIdsOf(db, [id])).get(id) ?? [], true);
}
