// The city's desks: created for a point with a one-time enrolment code (valid a few days), enrolled once in
// exchange for their own credential, revocable. Codes and credentials are random and stored as sha-256 hashes
// only: with 60 to 256 bits of entropy a slow hash adds nothing, and a desk's every call must resolve quickly.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { PosteCree, PosteEtat, PosteInscrit, PosteView } from '../../../common/postes/methods';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { NotFoundError, RefusedError } from '../errors';
import { getPoint } from '../points/points';
import type { Db } from '../store/db';

/** How long an enrolment code works. */
export const CODE_VALIDITY_DAYS = 7;

/** Unambiguous letters and digits (no 0/O, 1/I/L): the code is read out over the phone. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

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

const SELECT = `SELECT p.id, p.nom, p.point_id, pt.nom AS point_nom, p.code_expire_le, p.secret_empreinte,
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

export function listPostes(db: Db): PosteView[] {
  return (
    db.prepare(`${SELECT} ORDER BY pt.nom COLLATE NOCASE, p.nom COLLATE NOCASE`).all() as PosteRow[]
  ).map(view);
}

function getPoste(db: Db, id: number): PosteView {
  const row = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as PosteRow | undefined;
  if (!row) throw new NotFoundError(`Le poste n° ${id} n'existe pas.`);
  return view(row);
}

function expiry(now: Date): string {
  return new Date(now.getTime() + CODE_VALIDITY_DAYS * 86_400_000).toISOString();
}

/** A new desk for an open point, with its one-time enrolment code (shown once). */
export function createPoste(
  db: Db,
  actor: Actor,
  fields: { nom: string; pointId: number },
  now: Date,
): PosteCree {
  return db.legacyTransaction(() => {
    const point = getPoint(db, fields.pointId);
    if (!point.ouvert)
      throw new RefusedError(
        `Le point d'accueil « ${point.nom} » est fermé : il ne reçoit pas de nouveau poste.`,
      );
    const code = newCode();
    const id = Number(
      db
        .prepare(
          'INSERT INTO postes (nom, point_id, code_empreinte, code_expire_le, cree_le) VALUES (?, ?, ?, ?, ?)',
        )
        .run(fields.nom, fields.pointId, sha256(code), expiry(now), now.toISOString()).lastInsertRowid,
    );
    const poste = getPoste(db, id);
    recordAudit(db, actor, { action: 'creation', objet: 'poste', objetId: id, apres: poste }, now);
    return { poste, code: formatCode(code) };
  })();
}

/**
 * A new enrolment code for a desk (its code was lost or expired, or the desk is reinstalled): the desk's former
 * credential stops working at once, and the desk must enrol again.
 */
export function newEnrolmentCode(db: Db, actor: Actor, id: number, now: Date): PosteCree {
  return db.legacyTransaction(() => {
    const avant = getPoste(db, id);
    const code = newCode();
    db.prepare(
      `UPDATE postes SET code_empreinte = ?, code_expire_le = ?, secret_empreinte = NULL, inscrit_le = NULL,
                         revoque_le = NULL WHERE id = ?`,
    ).run(sha256(code), expiry(now), id);
    const poste = getPoste(db, id);
    recordAudit(db, actor, { action: 'nouveau_code', objet: 'poste', objetId: id, avant, apres: poste }, now);
    return { poste, code: formatCode(code) };
  })();
}

/** Revokes a desk: its credential and any pending code stop working at once. */
export function revokePoste(db: Db, actor: Actor, id: number, now: Date): PosteView {
  return db.legacyTransaction(() => {
    const avant = getPoste(db, id);
    if (avant.etat === 'revoque') return avant;
    db.prepare(
      'UPDATE postes SET revoque_le = ?, secret_empreinte = NULL, code_empreinte = NULL WHERE id = ?',
    ).run(now.toISOString(), id);
    const poste = getPoste(db, id);
    recordAudit(db, actor, { action: 'revocation', objet: 'poste', objetId: id, avant, apres: poste }, now);
    return poste;
  })();
}

const WRONG_CODE =
  "Ce code d'inscription n'est pas valable (erroné, déjà utilisé ou expiré) : demandez-en un nouveau à votre administrateur.";

/** A desk enrols with its code, once: the code is spent and the desk gets its credential. */
export function enrolPoste(db: Db, code: string, now: Date): PosteInscrit {
  return db.legacyTransaction(() => {
    const row = db
      .prepare(`${SELECT} WHERE p.code_empreinte = ? AND p.revoque_le IS NULL`)
      .get(sha256(code)) as PosteRow | undefined;
    if (!row || (row.code_expire_le !== null && row.code_expire_le < now.toISOString()))
      throw new RefusedError(WRONG_CODE);
    const credential = randomBytes(32).toString('base64url');
    db.prepare(
      'UPDATE postes SET code_empreinte = NULL, code_expire_le = NULL, secret_empreinte = ?, inscrit_le = ? WHERE id = ?',
    ).run(sha256(credential), now.toISOString(), row.id);
    recordAudit(
      db,
      { compteId: null, identifiant: `poste « ${row.nom} »` },
      { action: 'inscription', objet: 'poste', objetId: row.id, apres: getPoste(db, row.id) },
      now,
    );
    return {
      poste: { id: row.id, nom: row.nom, point: { id: row.point_id, nom: row.point_nom } },
      credential,
    };
  })();
}

/** An enrolled desk as a call knows it: the desk and its reception point. */
export interface ResolvedPoste {
  posteId: number;
  nom: string;
  pointId: number;
  pointNom: string;
}

/** The desk's « last seen » is written at most this often: a desk calls many times a minute. */
export const SEEN_EVERY_MS = 60_000;

/** The desk a credential belongs to, or null (unknown or revoked); notes when it was last seen. */
export function resolvePoste(db: Db, credential: string, now: Date): ResolvedPoste | null {
  if (credential.length < 20 || credential.length > 100) return null;
  const row = db
    .prepare(
      `SELECT p.id, p.nom, p.point_id, pt.nom AS point_nom, p.vu_le FROM postes p JOIN points pt ON pt.id = p.point_id
       WHERE p.secret_empreinte = ? AND p.revoque_le IS NULL`,
    )
    .get(sha256(credential)) as
    { id: number; nom: string; point_id: number; point_nom: string; vu_le: string | null } | undefined;
  if (!row) return null;
  if (row.vu_le === null || Date.parse(row.vu_le) <= now.getTime() - SEEN_EVERY_MS)
    db.prepare('UPDATE postes SET vu_le = ? WHERE id = ?').run(now.toISOString(), row.id);
  return { posteId: row.id, nom: row.nom, pointId: row.point_id, pointNom: row.point_nom };
}
