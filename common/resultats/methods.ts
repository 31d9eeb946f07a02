// Published results (Services Publics+ engagement 6, Marianne, Qualivilles): what the city tells its citizens
// each year, per point and for the whole city — satisfaction, delays kept, first-level answers, the label and
// what it promises. Public: no session needed, and nothing personal in it (counts and rates only).
import { z } from 'zod';
import type { MethodTable } from '../method-table';

/** What the label promises the citizen, as the poster and the public page state it. */
export const PROMESSES_LABEL = [
  'Un accueil courtois et attentif, quel que soit le canal.',
  'Une réponse dès le premier contact, ou une orientation vers le bon service.',
  'Des horaires et des informations tenus à jour.',
  'Une réponse à vos réclamations et suggestions dans le délai annoncé.',
  'Votre avis mesuré régulièrement, et les résultats publiés chaque année.',
] as const;

export interface ResultatsPublics {
  /** The point, or the city as a whole (pointId null). */
  perimetre: { pointId: number | null; nom: string };
  du: string;
  au: string;
  /** The year is not over: figures stop at `au`. */
  enCours: boolean;
  genereLe: string;
  satisfaction: { reponses: number; taux: number | null; nette: number | null };
  reclamations: {
    recues: number;
    repondues: number;
    dansLesDelais: number;
    tauxDelaisTenus: number | null;
    /** Announced delays, in days. */
    delais: { reclamation: number; suggestion: number };
  };
  accueil: { contacts: number; tauxPremierNiveau: number | null };
  label: {
    /** For a point: whether it holds the label on `au`; for the city: labelled points out of open points. */
    labellise: boolean | null;
    pointsLabellises: number;
    pointsOuverts: number;
    promesses: readonly string[];
  };
  /** The open points, for choosing one. */
  points: Array<{ id: number; nom: string }>;
}

const annee = z
  .number({ error: 'indiquez l’année' })
  .int('l’année est un nombre entier')
  .min(2000, 'l’année est comprise entre 2000 et 2100')
  .max(2100, 'l’année est comprise entre 2000 et 2100');

const input = z.object({
  annee: annee.optional(),
  pointId: z.number().int().positive().optional(),
});

export const resultatMethods = {
  'resultats.public': { role: 'public', input },
  'resultats.csv': { role: 'public', input },
} as const satisfies MethodTable;

export interface ResultatOutputs {
  'resultats.public': ResultatsPublics;
  'resultats.csv': { filename: string; csv: string };
}
