// Reading the register of complaints and suggestions. The citizen's details and the free texts are personal
// data: only the roles that handle complaints read them — decided here, in the core, whatever the caller. Any
// other role gets the register's codes and days, or a refusal when it asks for one record in full.
import { parisDay } from '../../../common/dates';
import type {
  ReclamationResume,
  ReclamationVue,
  StatutReclamation,
  TypeReclamation,
} from '../../../common/reclamations/methods';
import { ROLES_RECLAMATIONS } from '../../../common/reclamations/methods';
import type { Role } from '../../../common/roles';
import { ForbiddenError, NotFoundError } from '../errors';
import type { RawBuilder } from '../store/db';
import { sql, type Db } from '../store/db';

/** Whoever asks: their roles decide what they see. */
export interface Viewer {
  roles: readonly Role[];
}

export function handlesComplaints(viewer: Viewer): boolean {
  return viewer.roles.some((role) => ROLES_RECLAMATIONS.includes(role));
}

export const PERSONAL_DATA_REFUSED =
  'Les réclamations et les coordonnées des usagers ne sont lisibles que par les gestionnaires et les administrateurs.';

interface Row {
  id: number;
  type: TypeReclamation;
  canal: ReclamationResume['canal'];
  point_id: number | null;
  point_nom: string | null;
  recue_le: string;
  echeance: string;
  statut: StatutReclamation;
  service_id: string | null;
  accuse_le: string | null;
  attribuee_le: string | null;
  repondu_le: string | null;
  close_le: string | null;
  objet: string | null;
  reponse: string | null;
  nom: string | null;
  courriel: string | null;
  telephone: string | null;
  adresse: string | null;
  effacee_le: string | null;
  action_id: number | null;
}

const SELECT = sql`SELECT r.*, p.nom AS point_nom FROM reclamations r LEFT JOIN points p ON p.id = r.point_id`;

function summaryOf(row: Row, today: string): ReclamationResume {
  return {
    id: row.id,
    type: row.type,
    canal: row.canal,
    pointId: row.point_id,
    pointNom: row.point_nom,
    recueLe: row.recue_le,
    echeance: row.echeance,
    statut: row.statut,
    serviceId: row.service_id,
    accuseLe: row.accuse_le,
    attribueeLe: row.attribuee_le,
    reponduLe: row.repondu_le,
    closeLe: row.close_le,
    delaiTenu: row.repondu_le === null ? null : row.repondu_le <= row.echeance,
    enRetard: row.repondu_le === null && row.echeance < today,
    coordonneesEffacees: row.effacee_le !== null,
    actionId: row.action_id,
  };
}

function viewOf(row: Row, today: string): ReclamationVue {
  return {
    ...summaryOf(row, today),
    objet: row.objet ?? '',
    reponse: row.reponse ?? '',
    coordonnees:
      row.effacee_le !== null
        ? null
        : {
            nom: row.nom ?? '',
            courriel: row.courriel ?? '',
            telephone: row.telephone ?? '',
            adresse: row.adresse ?? '',
          },
  };
}

async function rowOf(db: Db, id: number): Promise<Row> {
  const row = await db.one<Row>(sql`${SELECT} WHERE r.id = ${id}`);
  if (!row) throw new NotFoundError(`La réclamation n° ${id} n’existe pas.`);
  return row;
}

/** One record in full: refused to anyone who does not handle complaints. */
export async function getReclamation(db: Db, viewer: Viewer, id: number, now: Date): Promise<ReclamationVue> {
  if (!handlesComplaints(viewer)) throw new ForbiddenError(PERSONAL_DATA_REFUSED);
  return viewOf(await rowOf(db, id), parisDay(now));
}

/** The state of a record for the audit trail and the summary after a change: never any personal data. */
export async function summaryById(db: Db, id: number, now: Date): Promise<ReclamationResume> {
  return summaryOf(await rowOf(db, id), parisDay(now));
}

/** The register, newest first: in full for those who handle complaints, codes and days for the others. */
export async function listReclamations(
  db: Db,
  viewer: Viewer,
  filters: { statut?: StatutReclamation; type?: TypeReclamation; enRetard?: boolean },
  now: Date,
): Promise<Array<ReclamationResume | ReclamationVue>> {
  const today = parisDay(now);
  const clauses: RawBuilder<unknown>[] = [];
  if (filters.statut) clauses.push(sql`r.statut = ${filters.statut}`);
  if (filters.type) clauses.push(sql`r.type = ${filters.type}`);
  if (filters.enRetard) clauses.push(sql`r.repondu_le IS NULL AND r.echeance < ${today}`);
  const where = clauses.length === 0 ? sql`` : sql`WHERE ${sql.join(clauses, sql` AND `)}`;
  const rows = await db.all<Row>(sql`${SELECT} ${where} ORDER BY r.recue_le DESC, r.id DESC LIMIT 1000`);
  return handlesComplaints(viewer)
    ? rows.map((row) => viewOf(row, today))
    : rows.map((row) => summaryOf(row, today));
}
