// The audit trail: every change of a registry, who made it, before and after.
import { z } from 'zod';
import { DAY_PATTERN, isRealDay } from '../dates';
import type { MethodTable } from '../method-table';

/** One row of the audit trail, its before and after read back from JSON. */
export interface AuditRow {
  id: number;
  /** ISO instant. */
  horodatage: string;
  compteId: number | null;
  auteur: string;
  action: string;
  objet: string;
  objetId: string | null;
  /** The record's name now (an account's holder, a point…), null when unknown or gone. */
  objetNom: string | null;
  avant: unknown;
  apres: unknown;
}

const day = z
  .string()
  .regex(DAY_PATTERN, 'date attendue au format AAAA-MM-JJ')
  .refine(isRealDay, 'cette date n’existe pas');
const filterText = z.string().trim().max(200).optional();

const filterShape = {
  objet: filterText,
  action: filterText,
  auteur: filterText,
  du: day.optional(),
  au: day.optional(),
  q: filterText,
};

export const auditMethods = {
  'audit.csv': { role: 'administrateur', input: z.object(filterShape) },
  'audit.list': {
    role: 'administrateur',
    input: z.object({
      ...filterShape,
      limit: z.number().int().min(1).max(200).default(50),
      offset: z.number().int().min(0).default(0),
    }),
  },
  'audit.facets': { role: 'administrateur', input: z.object({}) },
} as const satisfies MethodTable;

export interface AuditOutputs {
  /** UTF-8 with a BOM, « ; » separated: the rows matching the filters, newest first, as they read on screen. */
  'audit.csv': { filename: string; csv: string; lignes: number };
  'audit.list': { rows: AuditRow[]; total: number };
  'audit.facets': { objets: string[]; actions: string[]; auteurs: string[] };
}
