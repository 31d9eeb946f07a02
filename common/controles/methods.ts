// Internal audits (contrôles): grids and their versions, auditors, plans, the audit filled in at the point,
// findings, a point's audits, and the year's audits and actions for the annual review. Label managers run them;
// the auditor named on an audit fills it (the core checks who is calling, beyond the method's access).
import { z } from 'zod';
import { day, id, text } from '../fields';
import type { MethodTable } from '../method-table';
import type { CorrectiveAction } from '../actions/types';
import type {
  Auditeur,
  Constat,
  ControleSummary,
  ControleView,
  ControlesDuPoint,
  GrilleSummary,
  GrilleVersion,
} from './types';
import { CONTROLE_MODES, CONTROLE_STATUTS, GRAVITES, RESULTATS } from './types';

const annee = z
  .number({ error: 'indiquez l’année' })
  .int('l’année est un nombre entier')
  .min(2000, 'l’année est comprise entre 2000 et 2100')
  .max(2100, 'l’année est comprise entre 2000 et 2100');

/** A grid as its editor sends it: themes with their criteria's wording (codes are kept by the core). */
export const grilleFields = z.object({
  nom: z.string().trim().min(1, 'nommez la grille').max(200, '200 caractères au plus'),
  themes: z
    .array(
      z.object({
        libelle: z.string().trim().min(1, 'nommez chaque thème').max(200, '200 caractères au plus'),
        criteres: z
          .array(z.string().trim().min(1).max(500, 'un critère compte au plus 500 caractères'))
          .min(1, 'chaque thème a au moins un critère')
          .max(100),
      }),
    )
    .min(1, 'la grille a au moins un thème')
    .max(50),
});

export const planFields = z.object({
  pointId: z.number({ error: 'choisissez le point d’accueil' }).int().positive(),
  grilleId: z.number({ error: 'choisissez la grille' }).int().positive(),
  mode: z.enum(CONTROLE_MODES, { error: 'choisissez le mode' }),
  prevuLe: day('indiquez une date réelle (AAAA-MM-JJ)'),
  auditeurId: z.number({ error: 'choisissez l’auditeur' }).int().positive(),
});

export const constatFields = z.object({
  controleId: id,
  critere: z.string().max(32).optional(),
  gravite: z.enum(GRAVITES, { error: 'choisissez la gravité' }),
  texte: z.string().trim().min(1, 'décrivez le constat').max(2000, '2 000 caractères au plus'),
});

export const controleMethods = {
  'controles.grilles.list': { role: 'gestionnaire', input: z.object({}) },
  'controles.grilles.get': {
    role: 'gestionnaire',
    input: z.object({ id, version: z.number().int().positive().optional() }),
  },
  'controles.grilles.save': {
    role: 'gestionnaire',
    input: grilleFields.extend({ id: id.optional() }),
  },
  'controles.auditeurs': { role: 'gestionnaire', input: z.object({}) },
  'controles.list': {
    role: 'gestionnaire',
    input: z.object({
      pointId: id.optional(),
      annee: annee.optional(),
      statut: z.enum(CONTROLE_STATUTS, { error: 'état inconnu' }).optional(),
    }),
  },
  /** The audits the caller is named auditor on, not finished. */
  'controles.mine': { role: 'connecte', input: z.object({}) },
  'controles.plan': { role: 'gestionnaire', input: planFields },
  'controles.get': { role: 'connecte', input: z.object({ id }) },
  'controles.answer': {
    role: 'connecte',
    input: z.object({
      id,
      reponses: z
        .array(
          z.object({
            critere: z.string().min(1).max(32),
            resultat: z.enum(RESULTATS, { error: 'conforme, non conforme ou sans objet' }),
            commentaire: text(2000),
          }),
        )
        .max(2000),
      synthese: text(5000),
    }),
  },
  'controles.constats.add': { role: 'connecte', input: constatFields },
  'controles.constats.remove': { role: 'connecte', input: z.object({ id }) },
  'controles.constats.lever': { role: 'gestionnaire', input: z.object({ id }) },
  'controles.finish': {
    role: 'connecte',
    input: z.object({ id, realiseLe: day('indiquez une date réelle (AAAA-MM-JJ)').optional() }),
  },
  'controles.cancel': {
    role: 'gestionnaire',
    input: z.object({ id, motif: z.string().trim().min(1, 'indiquez le motif').max(2000) }),
  },
  'controles.point': { role: 'gestionnaire', input: z.object({ pointId: id }) },
  'controles.bilan': { role: 'gestionnaire', input: z.object({ annee }) },
} as const satisfies MethodTable;

/** The year's audits and corrective actions, for the annual review. */
export interface ControlesBilan {
  annee: number;
  controles: ControleSummary[];
  constats: Record<'majeure' | 'mineure' | 'sensible' | 'fort', number>;
  /** Created in the year. */
  nouvelles: CorrectiveAction[];
  /** Created before the year and still open at its start: carried over. */
  reportees: CorrectiveAction[];
  /** Done in the year (whenever created). */
  faites: number;
  /** Open today among this year's and the carried-over ones. */
  ouvertes: number;
  /** The saved plan's lines already followed as corrective actions (their indexes in the plan). */
  lignesSuivies: number[];
}

export interface ControleOutputs {
  'controles.grilles.list': { grilles: GrilleSummary[] };
  'controles.grilles.get': GrilleVersion & { versions: number[] };
  'controles.grilles.save': GrilleVersion;
  'controles.auditeurs': { aujourdhui: string; auditeurs: Auditeur[] };
  'controles.list': { aujourdhui: string; controles: ControleSummary[] };
  'controles.mine': { controles: ControleSummary[] };
  'controles.plan': ControleView;
  'controles.get': ControleView;
  'controles.answer': ControleView;
  'controles.constats.add': ControleView;
  'controles.constats.remove': ControleView;
  'controles.constats.lever': Constat;
  'controles.finish': ControleView;
  'controles.cancel': ControleView;
  'controles.point': ControlesDuPoint;
  'controles.bilan': ControlesBilan;
}
