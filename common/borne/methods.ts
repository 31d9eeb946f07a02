// The public kiosk (borne): what a citizen standing in the hall may read without any login — published fiches,
// services and their hours, what the label promises — and the satisfaction tap. The kiosk transport marks its
// calls, and the dispatcher lets a kiosk call only KIOSK_METHODS, whatever cookie or token travels with it.
import { z } from 'zod';
import type { MethodTable } from '../method-table';
import type { ContactSummary, ContactView, ThemeRef } from '../contract';
import { borneSettingsSchema, type BorneSettings } from './settings';
import { SATISFACTION_NOTES, type SatisfactionNote } from './satisfaction';

export { borneSettingsSchema, DEFAULT_BORNE_SETTINGS, type BorneSettings } from './settings';
export { SATISFACTION_NOTES, SATISFACTION_LABELS, type SatisfactionNote } from './satisfaction';

const ficheId = z.string().min(1).max(200);

export const borneMethods = {
  /** The home: the kiosk's settings (idle delay, print, satisfaction), the thèmes and what the label promises. */
  'borne.accueil': { role: 'public', input: z.object({}) },
  /** Published fiches only: drafts are never in the index. */
  'borne.search': {
    role: 'public',
    input: z.object({
      q: z.string().max(200, '200 caractères au plus'),
      theme: z.string().min(1).max(200).optional(),
      limit: z.number().int().min(1).max(50).optional(),
    }),
  },
  /** A published fiche, without its editors' data (who reviews it, when); a draft answers « not found ». */
  'borne.fiche': { role: 'public', input: z.object({ id: ficheId }) },
  'borne.services': { role: 'public', input: z.object({ q: z.string().max(200, '200 caractères au plus') }) },
  'borne.service': { role: 'public', input: z.object({ id: ficheId }) },
  /** One tap, no identity: only a count per day and note is kept. Accepted from the kiosk only. */
  'borne.satisfaction': { role: 'public', input: z.object({ note: z.enum(SATISFACTION_NOTES) }) },
  /** The kiosk's settings and the satisfaction counts, in Réglages. Not a kiosk method. */
  'borne.reglage.get': { role: 'administrateur', input: z.object({}) },
  'borne.reglage.set': { role: 'administrateur', input: borneSettingsSchema },
} as const satisfies MethodTable;

export type BorneMethod = keyof typeof borneMethods;

/**
 * The only methods a kiosk may call: the dispatcher refuses it every other method of the contract with
 * `forbidden`. A new public read for the kiosk (the published results of issue 15…) is added here on purpose.
 */
export const KIOSK_METHODS = [
  'borne.accueil',
  'borne.search',
  'borne.fiche',
  'borne.services',
  'borne.service',
  'borne.satisfaction',
  // The published results (counts and rates only, no session): the citizen reads them at the kiosk too.
  'resultats.public',
] as const satisfies readonly (BorneMethod | 'resultats.public')[];

export type KioskMethod = (typeof KIOSK_METHODS)[number];

const KIOSK_SET: ReadonlySet<string> = new Set(KIOSK_METHODS);

export function isKioskMethod(method: string): method is KioskMethod {
  return KIOSK_SET.has(method);
}

/** What the dispatcher answers a kiosk asking for anything else. */
export const KIOSK_REFUSAL = 'Cette action n’est pas disponible sur la borne d’accueil.';

export interface BorneHit {
  id: string;
  titre: string;
  resume: string;
  themes: ThemeRef[];
}

/** A published fiche as the hall may read it: what to bring, cost, delay, where to go — no editors' data. */
export interface BorneFiche {
  id: string;
  titre: string;
  resume: string;
  themes: ThemeRef[];
  pieces_a_fournir: string[];
  cout?: string;
  delai?: string;
  mise_a_jour: string;
  html: string;
  services: ContactView[];
  complements: Array<{ id: string; titre: string; html: string }>;
}

export interface BorneAccueil {
  reglage: BorneSettings;
  themes: Array<ThemeRef & { count: number }>;
}

export interface SatisfactionCounts {
  /** Since the first tap, by note. */
  total: Record<SatisfactionNote, number>;
  /** The last 30 days (today included), by note. */
  trenteJours: Record<SatisfactionNote, number>;
}

export interface BorneReglageView {
  reglage: BorneSettings;
  satisfaction: SatisfactionCounts;
}

export interface BorneOutputs {
  'borne.accueil': BorneAccueil;
  'borne.search': { results: BorneHit[]; total: number };
  'borne.fiche': BorneFiche;
  'borne.services': { results: ContactSummary[] };
  'borne.service': ContactView;
  'borne.satisfaction': { merci: true };
  'borne.reglage.get': BorneReglageView;
  'borne.reglage.set': BorneReglageView;
}

/**
 * The Electron kiosk window's print request (not an API method: it needs the window): `check` answers whether
 * a printer is installed, `print` prints the page on the default printer without a dialog.
 */
export const BORNE_PRINT_CHANNEL = 'infocite:borne-print';
