// The editors' workflow: write local fiches and contacts, keep them current, hear what agents could not find,
// and edit the synonyms and thèmes. Agents only give their quick « utile / pas utile » on a fiche.
import { z } from 'zod';
import { isRealDay } from '../dates';
import { EDITOR_KINDS, FEEDBACK_MOTIFS } from './codes';
import type {
  EditorDocument,
  EditorList,
  EditorProblem,
  MarkVerifiedResult,
  ReviewList,
  SaveResult,
  Vocabulary,
} from './types';
import type { MethodTable } from '../method-table';
import type { BacklogPage, ManqueStatut } from './manques';
import { MANQUE_STATUTS } from './manques';

const kind = z.enum(EDITOR_KINDS, { error: 'choisissez « fiche » ou « contact »' });
const docId = z
  .string({ error: 'indiquez l’identifiant' })
  .trim()
  .min(1, 'indiquez l’identifiant')
  .max(200, 'l’identifiant a au plus 200 caractères');
const frontMatter = z.record(z.string(), z.unknown(), { error: 'l’en-tête doit être un objet de champs' });
const body = z.string({ error: 'le texte doit être un texte' }).max(500_000, 'le texte est trop long');
const version = z
  .string({ error: 'la version doit être un texte' })
  .regex(/^[0-9a-f]{64}$/, 'la version du fichier est une empreinte sha-256');
const query = z
  .string({ error: 'indiquez la recherche' })
  .trim()
  .min(1, 'la recherche est vide')
  .max(200, 'la recherche a au plus 200 caractères');
const day = (what: string) =>
  z
    .string({ error: `indiquez la date ${what}` })
    .refine(isRealDay, `la date ${what} est une date réelle au format AAAA-MM-JJ (par exemple 2025-01-31)`);
const expression = z
  .string({ error: 'une expression doit être un texte' })
  .trim()
  .min(1, 'une expression ne peut pas être vide')
  .max(200, 'une expression a au plus 200 caractères');

export const redactionMethods = {
  'redaction.list': {
    role: 'redacteur',
    input: z.object({
      q: z.string().max(200).optional(),
      kind: kind.optional(),
      statut: z.enum(['publiee', 'brouillon'], { error: 'statut inconnu' }).optional(),
    }),
  },
  'redaction.open': { role: 'redacteur', input: z.object({ kind, id: docId }) },
  'redaction.validate': {
    role: 'redacteur',
    // originalId: the document being edited (absent for a new one), whose own id is no duplicate.
    input: z.object({ kind, frontMatter, body, originalId: docId.optional() }),
  },
  'redaction.preview': { role: 'redacteur', input: z.object({ body }) },
  'redaction.save': {
    role: 'redacteur',
    input: z.object({ kind, id: docId, frontMatter, body, baseVersion: version.nullable() }),
  },
  'revision.list': {
    role: 'redacteur',
    input: z.object({
      withinDays: z
        .number({ error: 'indiquez un nombre de jours' })
        .int('indiquez un nombre entier de jours')
        .min(0, 'le nombre de jours est positif')
        .max(3660, 'au plus dix ans')
        .default(30),
    }),
  },
  'revision.markVerified': {
    role: 'redacteur',
    input: z.object({ id: docId, baseVersion: version.optional() }),
  },
  'avis.record': {
    role: 'agent',
    input: z
      .object({
        ficheId: docId,
        utile: z.boolean({ error: 'indiquez si la fiche a été utile' }),
        motif: z.enum(FEEDBACK_MOTIFS, { error: 'choisissez une raison parmi celles proposées' }).optional(),
      })
      .refine((f) => f.utile || f.motif !== undefined, {
        message: 'choisissez pourquoi la fiche n’a pas été utile',
        path: ['motif'],
      }),
  },
  'manques.list': {
    role: 'redacteur',
    input: z
      .object({
        du: day('de début').optional(),
        au: day('de fin').optional(),
        statut: z.enum(MANQUE_STATUTS, { error: 'statut inconnu' }).optional(),
        page: z
          .number({ error: 'indiquez la page' })
          .int('la page est un nombre entier')
          .min(1)
          .max(10_000)
          .optional(),
      })
      .refine((f) => !f.du || !f.au || !isRealDay(f.du) || !isRealDay(f.au) || f.du <= f.au, {
        message: 'la date de fin est avant la date de début',
        path: ['au'],
      }),
  },
  'manques.setStatus': {
    role: 'redacteur',
    input: z.object({
      cle: z.string({ error: 'indiquez la recherche' }).min(1, 'indiquez la recherche').max(500),
      statut: z.enum(MANQUE_STATUTS, { error: 'choisissez à traiter, traité ou ignoré' }),
    }),
  },
  'manques.createDraft': { role: 'redacteur', input: z.object({ query }) },
  'manques.addKeyword': { role: 'redacteur', input: z.object({ ficheId: docId, query }) },
  'manques.addSynonym': { role: 'redacteur', input: z.object({ query, expression }) },
  'vocabulaire.get': { role: 'redacteur', input: z.object({}) },
  'vocabulaire.setSynonyms': {
    role: 'redacteur',
    input: z.object({
      groups: z
        // Blank expressions (a row the form left empty) are dropped by the core, not refused.
        .array(z.array(z.string({ error: 'une expression doit être un texte' }).max(200)).max(100), {
          error: 'les synonymes sont une liste de groupes',
        })
        .max(5000),
    }),
  },
  'vocabulaire.setThemes': {
    role: 'redacteur',
    input: z.object({
      themes: z
        .array(
          z.object({
            id: z.string({ error: 'indiquez l’id du thème' }).trim().max(100),
            libelle: z.string({ error: 'indiquez le libellé du thème' }).trim().max(200),
            description: z.string().trim().max(2000).optional(),
          }),
          { error: 'les thèmes sont une liste' },
        )
        .max(1000),
    }),
  },
} as const satisfies MethodTable;

export interface RedactionOutputs {
  'redaction.list': EditorList;
  'redaction.open': EditorDocument;
  'redaction.validate': { problems: EditorProblem[] };
  'redaction.preview': { html: string };
  'redaction.save': SaveResult;
  'revision.list': ReviewList;
  'revision.markVerified': MarkVerifiedResult;
  'avis.record': { id: number };
  'manques.list': BacklogPage;
  'manques.setStatus': { cle: string; statut: ManqueStatut };
  'manques.createDraft': { kind: 'fiche'; id: string; path: string };
  'manques.addKeyword': { id: string; mots_cles: string[]; version: string };
  'manques.addSynonym': { synonymes: string[][]; groupe: string[] };
  'vocabulaire.get': Vocabulary;
  'vocabulaire.setSynonyms': Vocabulary;
  'vocabulaire.setThemes': Vocabulary;
}
