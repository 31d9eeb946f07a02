// Reception points: the registry's places where citizens are received, with the entités and kinds of welcome
// (their French names declared once, here). The field schemas are exported because the window validates its forms
// with the very same rules before sending them.
import { z } from 'zod';
import { id, text } from '../fields';
import type { MethodTable } from '../method-table';
export const POINT_ENTITES = ['ville', 'metropole', 'ccas', 'autre'] as const;

export type PointEntite = (typeof POINT_ENTITES)[number];

export const POINT_TYPES = ['physique', 'telephonique', 'mixte', 'numerique'] as const;

export type PointType = (typeof POINT_TYPES)[number];

export const ENTITE_NAMES: Record<PointEntite, string> = {
  ville: 'Ville',
  metropole: 'Métropole',
  ccas: 'CCAS',
  autre: 'Autre',
};

export const TYPE_NAMES: Record<PointType, string> = {
  physique: 'Accueil physique',
  telephonique: 'Accueil téléphonique',
  mixte: 'Accueil mixte',
  numerique: 'Accueil numérique',
};

export interface PointRef {
  id: number;
  code: string;
  nom: string;
}

export interface PointSummary extends PointRef {
  entite: PointEntite;
  type: PointType;
  commune: string;
  ouvert: boolean;
}

export interface PointRecord extends PointSummary {
  voie: string;
  complement: string;
  code_postal: string;
  horaires: string;
  contact_id: string | null;
  cree_le: string;
}

export interface PointView extends PointRecord {
  /** The knowledge base's contact describing the point; `nom` null when it has left the content since. */
  contact: { id: string; nom: string | null } | null;
}

/** A reception point's fields, as the form sends them. */
export const pointFields = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'indiquez un code court (par exemple mairie-centre)')
    .max(64, '64 caractères au plus')
    .regex(
      /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/,
      'le code ne contient que des lettres sans accent, chiffres, - et _',
    ),
  nom: z.string().trim().min(1, 'indiquez le nom du point').max(200, '200 caractères au plus'),
  entite: z.enum(POINT_ENTITES, { error: 'choisissez l’entité' }),
  type: z.enum(POINT_TYPES, { error: 'choisissez le type d’accueil' }),
  voie: text(200),
  complement: text(200),
  code_postal: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, 'le code postal compte 5 chiffres'),
  commune: text(120),
  horaires: text(2000),
  contact_id: z
    .string()
    .trim()
    .max(200)
    .nullable()
    .transform((value) => (value ? value : null)),
  ouvert: z.boolean(),
});

export type PointFields = z.output<typeof pointFields>;

export const pointMethods = {
  'points.list': {
    role: 'gestionnaire',
    input: z.object({
      q: z.string().max(200).optional(),
      entite: z.enum(POINT_ENTITES).optional(),
      ouvert: z.boolean().optional(),
    }),
  },
  'points.get': { role: 'gestionnaire', input: z.object({ id }) },
  'points.create': { role: 'gestionnaire', input: pointFields },
  'points.update': { role: 'gestionnaire', input: pointFields.extend({ id }) },
} as const satisfies MethodTable;

export interface PointOutputs {
  'points.list': { points: PointSummary[] };
  'points.get': PointView;
  'points.create': PointView;
  'points.update': PointView;
}
