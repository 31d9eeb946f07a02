// The city's desks: created for a point with a one-time enrolment code (valid a few days), enrolled once in
// exchange for their own credential, revocable. Codes and credentials are random and stored as sha-256 hashes
// only: with 60 to 256 bits of entropy a slow hash adds nothing, and a desk's every call must resolve quickly.
import { randomBytes, randomInt } from 'node:crypto';
import { sha256Of } from '../hash';
import type { PosteCree, PosteEtat, PosteInscrit, PosteView } from '../../../common/postes/methods';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { NotFoundError, RefusedError } from '../errors';
import { getPoint } from '../points/points';
import { sql, type Db } from '../store/db';

/** How long an enrolment code works. */
export const CODE_VALIDITY_DAYS = 7;

/** Unambiguous letters and digits (no 0/O, 1/I/L): the code is read out over the phone. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A fresh 12-character code (about 59 bits), shown as « ABCD-EFGH-JKMN ». */
function newCode(): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export function formatCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

interface PosteRow {
  id: number;
  nom: string;
  point_id: number;
  point_nom: string;
  code_expire_le: string | null;
  secret_empreinte: string | null;
  cree_le: string;
  inscrit_le: string | null;
  revoque_le: string | null;
  vu_le: string | null;
}

const SELECT = sql`SELECT p.id, p.nom, p.point_id, pt.nom AS point_nom, p.code_expire_le, p.secret_empreinte,
                       p.cree_le, p.inscrit_le, p.revoque_le, p.vu_le
                FROM postes p JOIN points pt ON pt.id = p.point_id`;

function etatOf(row: PosteRow): PosteEtat {
  if (row.revoque_le !== null) return 'revoque';
  return row.secret_empreinte !== null ? 'inscrit' : 'en_attente';
}

function view(row: PosteRow): PosteView {
  const etat = etatOf(row);
  return {
    id: row.id,
    nom: row.nom,
    point: { id: row.point_id, nom: row.point_nom },
    etat,
    creeLe: row.cree_le,
    inscritLe: row.inscrit_le,
    revoqueLe: row.revoque_le,
    codeExpireLe: etat === 'en_attente' ? row.code_expire_le : null,
    vuLe: row.vu_le,
  };
}

export async function listPostes(db: Db): Promise<PosteView[]> {
  return (await db.all<PosteRow>(sql`${SELECT} ORDER BY lower(pt.nom), lower(p.nom), p.id`)).map(view);
}

async function getPoste(db: Db, id: number): Promise<PosteView> {
  const row = await db.one<PosteRow>(sql`${SELECT} WHERE p.id = ${id}`);
  if (!row) throw new NotFoundError(`Le poste n° ${id} n'existe pas.`);
  return view(row);
}

function expiry(now: Date): string {
  return new Date(now.getTime() + CODE_VALIDITY_DAYS * 86_400_000).toISOString();
}

/** A new desk for an open point, with its one-time enrolment code (shown once). */
export async function createPoste(
  db: Db,
  actor: Actor,
  fields: { nom: string; pointId: number },
  now: Date,
): Promise<PosteCree> {
  return db.transaction(async (tx) => {
    const point = await getPoint(tx, fields.pointId);
    if (!point.ouvert)
      throw new RefusedError(
        `Le point d'accueil « ${point.nom} » est fermé : il ne reçoit pas de nouveau poste.`,
      );
    const code = newCode();
    const id = await tx.insertId(
      sql`INSERT INTO postes (nom, point_id, code_empreinte, code_expire_le, cree_le)
          VALUES (${fields.nom}, ${fields.pointId}, ${sha256Of(code)}, ${expiry(now)}, ${now.toISOString()})
          RETURNING id`,
    );
    const poste = await getPoste(tx, id);
    await recordAudit(tx, actor, { action: 'creation', objet: 'poste', objetId: id, apres: poste }, now);
    return { poste, code: formatCode(code) };
  });
}

/**
 * A new enrolment code for a desk (its code was lost or expired, or the desk is reinstalled): the desk's former
 * credential stops working at once, and the desk must enrol again.
 */
export async function newEnrolmentCode(db: Db, actor: Actor, id: number, now: Date): Promise<PosteCree> {
  return db.transaction(async (tx) => {
    const avant = await getPoste(tx, id);
    const code = newCode();
    await tx.run(
      sql`UPDATE postes SET code_empreinte = ${sha256Of(code)}, code_expire_le = ${expiry(now)},
            secret_empreinte = NULL, inscrit_le = NULL, revoque_le = NULL
          WHERE id = ${id}`,
    );
    const poste = await getPoste(tx, id);
    await recordAudit(
      tx,
      actor,
      { action: 'nouveau_code', objet: 'poste', objetId: id, avant, apres: poste },
      now,
    );
    return { poste, code: formatCode(code) };
  });
}

/** Revokes a desk: its credential and any pending code stop working at once. */
export async function revokePoste(db: Db, actor: Actor, id: number, now: Date): Promise<PosteView> {
  return db.transaction(async (tx) => {
    const avant = await getPoste(tx, id);
    if (avant.etat === 'revoque') return avant;
    await tx.run(
      sql`UPDATE postes SET revoque_le = ${now.toISOString()}, secret_empreinte = NULL, code_empreinte = NULL
          WHERE id = ${id}`,
    );
    const poste = await getPoste(tx, id);
    await recordAudit(
      tx,
      actor,
      { action: 'revocation', objet: 'poste', objetId: id, avant, apres: poste },
      now,
    );
    return poste;
  });
}

const WRONG_CODE =
  "Ce code d'inscription n'est pas valable (erroné, déjà utilisé ou expiré) : demandez-en un nouveau à votre administrateur.";

/** A desk enrols with its code, once: the code is spent and the desk gets its credential. */
export async function enrolPoste(db: Db, code: string, now: Date): Promise<PosteInscrit> {
  return db.transaction(async (tx) => {
    const empreinte = sha256Of(code);
    const row = await tx.one<PosteRow>(
      sql`${SELECT} WHERE p.code_empreinte = ${empreinte} AND p.revoque_le IS NULL`,
    );
    if (!row || (row.code_expire_le !== null && row.code_expire_le < now.toISOString()))
      throw new RefusedError(WRONG_CODE);
    const credential = randomBytes(32).toString('base64url');
    // Of two desks enrolling with one code at once, the second runs after the first (PostgreSQL tries its
    // serializable transaction again) and finds the code spent.
    await tx.run(
      sql`UPDATE postes SET code_empreinte = NULL, code_expire_le = NULL, secret_empreinte = ${sha256Of(credential)},
            inscrit_le = ${now.toISOString()}
          WHERE id = ${row.id}`,
    );
    await recordAudit(
      tx,
      { compteId: null, identifiant: `poste « ${row.nom} »` },
      { action: 'inscription', objet: 'poste', objetId: row.id, apres: await getPoste(tx, row.id) },
      now,
    );
    return {
      poste: { id: row.id, nom: row.nom, point: { id: row.point_id, nom: row.point_nom } },
      credential,
    };
  });
}

/** An enrolled desk as a call knows it: the desk and its reception point. */
export interface ResolvedPoste {
  posteId: number;
  nom: string;
  pointId: number;
  pointNom: string;
  pointType: string;
}

/** The desk's « last seen » is written at most this often: a desk calls many times a minute. */
export const SEEN_EVERY_MS = 60_000;

/** The desk a credential belongs to, or null (unknown or revoked); notes when it was last seen. */
export async function resolvePoste(db: Db, credential: string, now: Date): Promise<ResolvedPoste | null> {
  if (credential.length < 20 || credential.length > 100) return null;
  const row = await db.one<{
    id: number;
    nom: string;
    point_id: number;
    point_nom: string;
    point_type: string;
    vu_le: string | null;
  }>(
    sql`SELECT p.id, p.nom, p.point_id, pt.nom AS point_nom, pt.type AS point_type, p.vu_le
        FROM postes p JOIN points pt ON pt.id = p.point_id
        WHERE p.secret_empreinte = ${sha256Of(credential)} AND p.revoque_le IS NULL`,
  );
  if (!row) return null;
  const seenBefore = new Date(now.getTime() - SEEN_EVERY_MS).toISOString();
  if (row.vu_le === null || Date.parse(row.vu_le) <= now.getTime() - SEEN_EVERY_MS)
    // One conditional statement: concurrent calls of the desk write it once at most, never backwards.
    await db.run(
      sql`UPDATE postes SET vu_le = ${now.toISOString()}
          WHERE id = ${row.id} AND (vu_le IS NULL OR vu_le <= ${seenBefore})`,
    );
  return {
    posteId: row.id,
    nom: row.nom,
    pointId: row.point_id,
    pointNom: row.point_nom,
    pointType: row.point_type,
  };
}
