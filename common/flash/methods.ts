// Flash info (annonces): short announcements written by editors and label managers for every desk or chosen
// points, shown between a first and a last day on the desk's home and on the fiches they concern; each agent
// confirms reading, and the authors see who has read. Past their last day they go to the archive.
import { z } from 'zod';
import { day, id } from '../fields';
import type { MethodTable } from '../method-table';
import type { Role } from '../roles';

/** Who writes flash info: the editors and the label managers (and administrators, who hold every role). */
export const FLASH_MANAGERS = ['redacteur', 'gestionnaire'] as const satisfies readonly Role[];

/** At most this many fiches linked to one announcement. */
export const MAX_FLASH_FICHES = 20;

/** Where an announcement stands on a given day: not shown yet, shown, or archived. */
export type FlashEtat = 'programme' | 'en_cours' | 'archive';

export const FLASH_ETAT_LABELS: Record<FlashEtat, string> = {
  programme: 'Programmée',
  en_cours: 'En cours',
  archive: 'Archivée',
};

const ficheId = z
  .string()
  .trim()
  .min(1, 'indiquez l’identifiant de la fiche')
  .max(200, '200 caractères au plus');

/** The form's fields; the same schema checks the form in the window and the call in the core. */
export const flashFields = z
  .object({
    titre: z.string().trim().min(1, 'indiquez un titre').max(120, '120 caractères au plus'),
    texte: z.string().trim().min(1, 'écrivez le texte de l’annonce').max(4000, '4 000 caractères au plus'),
    debut: day('indiquez le premier jour d’affichage'),
    fin: day('indiquez le dernier jour d’affichage'),
    tousPoints: z.boolean(),
    pointIds: z.array(id).max(500, '500 points au plus'),
    ficheIds: z.array(ficheId).max(MAX_FLASH_FICHES, `${MAX_FLASH_FICHES} fiches au plus`),
  })
  .superRefine((value, context) => {
    if (value.fin < value.debut)
      context.addIssue({
        code: 'custom',
        path: ['fin'],
        message: 'le dernier jour ne peut précéder le premier',
      });
    if (!value.tousPoints && value.pointIds.length === 0)
      context.addIssue({
        code: 'custom',
        path: ['pointIds'],
        message: 'choisissez au moins un point d’accueil, ou « Tous les points »',
      });
  });
export type FlashFields = z.input<typeof flashFields>;

/** An announcement as its authors manage it. */
export interface FlashSummary {
  id: number;
  titre: string;
  debut: string;
  fin: string;
  etat: FlashEtat;
  tousPoints: boolean;
  points: Array<{ id: number; nom: string }>;
  /** Accounts of the concerned points who confirmed reading, out of those expected to. */
  lus: number;
  attendus: number;
  creePar: string;
  creeLe: string;
}

export interface FlashLecteur {
  compteId: number;
  nom: string;
  /** When the account confirmed reading; null: not yet. */
  luLe: string | null;
}

export interface FlashDetail extends FlashSummary {
  texte: string;
  html: string;
  fiches: Array<{ id: string; titre: string | null }>;
  /** The agents' accounts of the concerned points (and whoever else read it), read ones first. */
  lecteurs: FlashLecteur[];
}

/** An announcement as a desk shows it. */
export interface FlashView {
  id: number;
  titre: string;
  html: string;
  debut: string;
  fin: string;
  fiches: Array<{ id: string; titre: string }>;
  /** Whether this account has confirmed reading it. */
  lu: boolean;
}

export const flashMethods = {
  'flash.list': { role: FLASH_MANAGERS, input: z.object({ archive: z.boolean().optional() }) },
  'flash.get': { role: FLASH_MANAGERS, input: z.object({ id }) },
  'flash.create': { role: FLASH_MANAGERS, input: flashFields },
  'flash.update': { role: FLASH_MANAGERS, input: z.object({ id, fields: flashFields }) },
  /** The desk's current announcements (optionally only those linked to one fiche), for this account. */
  'flash.current': { role: 'connecte', input: z.object({ ficheId: ficheId.optional() }) },
  'flash.confirm': { role: 'connecte', input: z.object({ id }) },
} as const satisfies MethodTable;

export interface FlashOutputs {
  'flash.list': { flash: FlashSummary[]; points: Array<{ id: number; nom: string }> };
  'flash.get': FlashDetail;
  'flash.create': FlashDetail;
  'flash.update': FlashDetail;
  'flash.current': { flash: FlashView[] };
  'flash.confirm': FlashView;
}
