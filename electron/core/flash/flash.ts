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
import { sql, type Db } from '../store/db';

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

function pointsOf(db: Db, id: number): Promise<Array<{ id: number; nom: string }>> {
  return db.all<{ id: number; nom: string }>(
    sql`SELECT p.id, p.nom FROM flash_points fp JOIN points p ON p.id = fp.point_id
        WHERE fp.flash_id = ${id} ORDER BY lower(p.nom)`,
  );
}

async function ficheIdsOf(db: Db, id: number): Promise<string[]> {
  const rows = await db.all<{ fiche_id: string }>(
    sql`SELECT fiche_id FROM flash_fiches WHERE flash_id = ${id} ORDER BY fiche_id`,
  );
  return rows.map((r) => r.fiche_id);
}

/**
 * The accounts expected to read an announcement — active agents' accounts assigned to one of its points at some
 * day of its display period (every active agent's account when it is for every point) — and anyone else who
 * read it, read ones first.
 */
function lecteursOf(db: Db, flash: FlashRow): Promise<FlashLecteur[]> {
  const tous = flash.tous_points === 1 ? 1 : 0;
  return db.all<FlashLecteur>(
    sql`WITH attendus AS (
          SELECT c.id FROM comptes c
          JOIN compte_roles r ON r.compte_id = c.id AND r.role = 'agent'
          WHERE c.actif = 1 AND (
            CAST(${tous} AS INTEGER) = 1 OR EXISTS (
              SELECT 1 FROM affectations a
              JOIN flash_points fp ON fp.point_id = a.point_id AND fp.flash_id = ${flash.id}
              WHERE a.agent_id = c.agent_id AND a.debut <= ${flash.fin} AND (a.fin IS NULL OR a.fin >= ${flash.debut})))
          UNION
          SELECT compte_id FROM flash_lectures WHERE flash_id = ${flash.id})
        SELECT c.id AS "compteId", c.nom, l.lu_le AS "luLe"
        FROM attendus x JOIN comptes c ON c.id = x.id
        LEFT JOIN flash_lectures l ON l.flash_id = ${flash.id} AND l.compte_id = c.id
        ORDER BY CASE WHEN l.lu_le IS NULL THEN 1 ELSE 0 END, l.lu_le, lower(c.nom)`,
  );
}

async function summaryOf(
  db: Db,
  flash: FlashRow,
  today: string,
  lecteurs: FlashLecteur[],
): Promise<FlashSummary> {
  return {
    id: flash.id,
    titre: flash.titre,
    debut: flash.debut,
    fin: flash.fin,
    etat: etatOn(flash, today),
    tousPoints: flash.tous_points === 1,
    points: flash.tous_points === 1 ? [] : await pointsOf(db, flash.id),
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
  const summaries: FlashSummary[] = [];
  for (const flash of rows) summaries.push(await summaryOf(db, flash, today, await lecteursOf(db, flash)));
  return summaries;
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
  const lecteurs = await lecteursOf(db, flash);
  return {
    ...(await summaryOf(db, flash, today, lecteurs)),
    texte: flash.texte,
    html: render(flash.texte),
    fiches: (await ficheIdsOf(db, id)).map((ficheId) => ({
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
    points: (await pointsOf(db, id)).map((point) => point.nom),
    fiches: await ficheIdsOf(db, id),
  };
}

/** Checks the targets and links, then writes them (the announcement's row exists; inside its transaction). */
async function writeTargets(db: Db, fiches: FicheLookup, id: number, fields: FlashFields): Promise<void> {
  const pointIds = fields.tousPoints ? [] : [...new Set(fields.pointIds)];
  for (const pointId of pointIds)
    if ((await db.one(sql`SELECT 1 AS one FROM points WHERE id = ${pointId}`)) === undefined)
      throw new NotFoundError(`Le point d’accueil n° ${pointId} n’existe pas.`);
  const ficheIds = [...new Set(fields.ficheIds.map((ficheId) => ficheId.trim()))];
  for (const ficheId of ficheIds)
    if (!fiches(ficheId))
      throw new RefusedError(
        `Fiche liée : « ${ficheId} » n’existe pas ou n’est pas publiée ; retirez-la ou choisissez-en une autre.`,
      );
  await db.run(sql`DELETE FROM flash_points WHERE flash_id = ${id}`);
  await db.run(sql`DELETE FROM flash_fiches WHERE flash_id = ${id}`);
  for (const pointId of pointIds)
    await db.run(sql`INSERT INTO flash_points (flash_id, point_id) VALUES (${id}, ${pointId})`);
  for (const ficheId of ficheIds)
    await db.run(sql`INSERT INTO flash_fiches (flash_id, fiche_id) VALUES (${id}, ${ficheId})`);
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
    const created = Number(
      await tx.value<number>(
        sql`INSERT INTO flash (titre, texte, debut, fin, tous_points, cree_par, cree_par_nom, cree_le)
            VALUES (${fields.titre}, ${fields.texte}, ${fields.debut}, ${fields.fin}, ${fields.tousPoints ? 1 : 0},
              ${actor.compteId}, ${actor.nom}, ${context.now.toISOString()})
            RETURNING id`,
      ),
    );
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

async function viewOf(
  db: Db,
  fiches: FicheLookup,
  render: Render,
  flash: FlashRow,
  lu: boolean,
): Promise<FlashView> {
  return {
    id: flash.id,
    titre: flash.titre,
    html: render(flash.texte),
    debut: flash.debut,
    fin: flash.fin,
    // Only fiches the desk can open: a linked fiche removed since is left out.
    fiches: (await ficheIdsOf(db, flash.id)).flatMap((ficheId) => {
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
  const views: FlashView[] = [];
  for (const flash of rows) views.push(await viewOf(db, fiches, render, flash, Number(flash.lu) === 1));
  return views;
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
  return viewOf(db, fiches, render, flash, true);
}
