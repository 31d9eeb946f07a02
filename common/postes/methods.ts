// The city's desks (postes): created by an administrator for a reception point, enrolled once with a one-time
// code, then known by their own credential; a credential can be revoked. The desk's point is a property of the
// desk, not a setting of the database.
import { z } from 'zod';
import { id } from '../fields';
import type { MethodTable } from '../method-table';

export type PosteEtat = 'en_attente' | 'inscrit' | 'revoque';

export const POSTE_ETAT_LABELS: Record<PosteEtat, string> = {
  en_attente: 'En attente d’inscription',
  inscrit: 'Inscrit',
  revoque: 'Révoqué',
};

export interface PosteView {
  id: number;
  nom: string;
  point: { id: number; nom: string };
  etat: PosteEtat;
  creeLe: string;
  inscritLe: string | null;
  revoqueLe: string | null;
  /** Until when the enrolment code works, while the desk waits for it. */
  codeExpireLe: string | null;
  vuLe: string | null;
}

/** Shown once, to the administrator who creates the desk: it is never stored in clear. */
export interface PosteCree {
  poste: PosteView;
  code: string;
}

/** What a desk receives when it enrols: its credential, to keep in the system's safe storage. */
export interface PosteInscrit {
  poste: { id: number; nom: string; point: { id: number; nom: string } };
  credential: string;
}

/** The enrolment code as the administrator reads it out: letters and digits, dashes and spaces ignored. */
export const ENROLMENT_CODE = z
  .string({ error: 'indiquez le code d’inscription' })
  .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z2-9]{12}$/, 'le code d’inscription compte 12 lettres et chiffres'));

export const posteFields = z.object({
  nom: z.string().trim().min(1, 'indiquez le nom du poste').max(120, '120 caractères au plus'),
  pointId: z.number({ error: 'choisissez le point d’accueil' }).int().positive(),
});

export const posteMethods = {
  'postes.list': { role: 'administrateur', input: z.object({}) },
  'postes.create': { role: 'administrateur', input: posteFields },
  'postes.newCode': { role: 'administrateur', input: z.object({ id }) },
  'postes.revoke': { role: 'administrateur', input: z.object({ id }) },
  'postes.enrol': { role: 'public', input: z.object({ code: ENROLMENT_CODE }) },
} as const satisfies MethodTable;

export interface PosteOutputs {
  'postes.list': { postes: PosteView[] };
  'postes.create': PosteCree;
  'postes.newCode': PosteCree;
  'postes.revoke': PosteView;
  'postes.enrol': PosteInscrit;
}
