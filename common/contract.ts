// THE contract between the window and the core: every method the renderer may call, its input schema, the
// role it needs, and the shape of its result. Node-free: the renderer imports it with `import type`.
import { z } from 'zod';
import type { Canal, ContentProblem, Entite, Fermeture, Fiche, Origine, Weekday } from './knowledge/types';
import { ORIGINES } from './knowledge/types';

import type { MethodTable } from './method-table';
import { auditMethods, type AuditOutputs } from './audit/methods';
import { authMethods, type AuthOutputs } from './auth/methods';
import { compteMethods, type CompteOutputs } from './comptes/methods';
import { adminMethods, type AdminOutputs } from './admin/methods';
import { redactionMethods, type RedactionOutputs } from './redaction/methods';
import { indicateurMethods, type IndicateurOutputs } from './indicateurs/methods';
import { journalMethods, type JournalOutputs } from './journal/methods';
import { labelMethods, type LabelOutputs } from './label/methods';
import { agentMethods, type AgentOutputs } from './agents/methods';
import { formationMethods, type FormationOutputs } from './formations/methods';
import { pointMethods, type PointOutputs } from './points/methods';
import { posteMethods, type PosteOutputs } from './postes/methods';
import { usagerMethods, type UsagerOutputs } from './usager/methods';
import { syncMethods, type SyncOutputs } from './sync/methods';
import { flashMethods, type FlashOutputs } from './flash/methods';
import { favoriMethods, type FavoriOutputs } from './favoris/methods';
import { deskMethods, type DeskOutputs } from './desk/methods';
import { satisfactionMethods, type SatisfactionOutputs } from './satisfaction/methods';
import { reclamationMethods, type ReclamationOutputs } from './reclamations/methods';
import { resultatMethods, type ResultatOutputs } from './resultats/methods';
import { controleMethods, type ControleOutputs } from './controles/methods';
import { actionMethods, type ActionOutputs } from './actions/methods';
import { borneMethods, type BorneOutputs } from './borne/methods';

export { ROLES, ROLE_LABELS } from './roles';
export type { Access, Role } from './roles';
export type { MethodTable } from './method-table';

export interface ThemeRef {
  id: string;
  libelle: string;
}

/** A piece of a snippet; `hit` marks the words that matched the query. */
export interface Segment {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  id: string;
  titre: string;
  resume: string;
  origine: Origine;
  mise_a_jour: string;
  themes: ThemeRef[];
  snippet: Segment[];
  score: number;
}

export interface Suggestions {
  /** The query with its unknown words replaced by the nearest known ones. */
  spellings: string[];
  /** Expressions from synonymes.yml related to the query's words. */
  synonyms: string[];
  themes: ThemeRef[];
}

export interface SearchResponse {
  query: string;
  results: SearchHit[];
  /** Matches before the limit and the thème filter. */
  total: number;
  /** Whether more results follow these (filters applied): the window asks for them with `offset` on scroll. */
  has_more: boolean;
  facets: Array<ThemeRef & { count: number }>;
  /** Matches by origin, before the origin filter. */
  origins: Record<Origine, number>;
  took_ms: number;
  /** Present when nothing matched. */
  suggestions?: Suggestions;
  /**
   * The services (contacts) the query names, shown apart from the fiches: on the first page only (no `offset`),
   * and never for a pasted question, whose words would name services in passing.
   */
  services?: ServiceHit[];
}

/** A service found from the main search box: what the directory shows of it, with its address on one line. */
export interface ServiceHit extends ContactSummary {
  adresse: string;
}

export interface IndexStatus {
  state: 'building' | 'ready' | 'error';
  progress: { done: number; total: number } | null;
  fiches: number;
  contacts: number;
  problems: number;
  builtAt: string | null;
  fromCache: boolean;
  contentDir: string;
  error?: string;
}

export interface TodayHours {
  date: string;
  weekday: Weekday;
  slots: string[];
  closure?: Pick<Fermeture, 'motif' | 'au'>;
  openNow: boolean;
  /** « Ouvert jusqu'à 12:00 », « Ouvre à 13:30 », « Fermé aujourd'hui ». */
  label: string;
}

export interface ContactSummary {
  id: string;
  nom: string;
  type?: string;
  entite: Entite;
  commune: string;
  telephone?: string;
  today: TodayHours;
}

export interface ContactView extends ContactSummary {
  adresse: { voie: string; complement?: string; code_postal: string; commune: string };
  courriel?: string;
  site?: string;
  horaires_note?: string;
  accessibilite?: string;
  canaux: Canal[];
  week: Array<{ day: Weekday; slots: string[] }>;
  fermetures: Fermeture[];
  html: string;
}

export interface ImportJobStatus {
  state: 'idle' | 'running' | 'done' | 'error';
  /** The archive or folder being imported. */
  from?: string;
  progress: { done: number; total: number } | null;
  /** French closing summary (created, updated, unchanged, deleted, in error, duration). */
  summary?: string;
  /** Files skipped, with the reason in French (at most 200). */
  errors?: Array<{ file: string; reason: string }>;
  error?: string;
}

export type FicheMeta = Omit<Fiche, 'body' | 'path'>;

export interface FicheView {
  fiche: FicheMeta;
  themes: ThemeRef[];
  html: string;
  /** Explicit services first, then the contacts whose type is one of the fiche's pivot codes. */
  services: ContactView[];
  /** Local fiches that complete this (national) fiche: the commune's specifics, shown inside it. */
  complements: Array<{ id: string; titre: string; html: string }>;
  /** For a local complement: the national fiche it completes. */
  completes?: { id: string; titre: string };
}

const id = z.string().min(1).max(200);

const knowledgeMethods = {
  'search.query': {
    role: 'connecte',
    input: z.object({
      // A pasted e-mail fits; the engine reads at most QUERY_LIMITS.maxChars (search/planner.ts) of any query.
      q: z.string().max(2000),
      themes: z.array(z.string()).max(20).optional(),
      origine: z.enum(ORIGINES).optional(),
      limit: z.number().int().min(1).max(200).optional(),
      /** Results already shown: the window asks for the next ones as the agent scrolls. */
      offset: z.number().int().min(0).max(10_000).optional(),
    }),
  },
  'search.status': { role: 'connecte', input: z.object({}) },
  'fiches.get': { role: 'connecte', input: z.object({ id }) },
  'contacts.search': {
    role: 'connecte',
    // A service's name or a few words; the engine bounds its work whatever arrives (issue 17).
    input: z.object({ q: z.string().max(500), limit: z.number().int().min(1).max(500).optional() }),
  },
  'contacts.get': { role: 'connecte', input: z.object({ id }) },
  'content.problems': { role: 'connecte', input: z.object({}) },
  'themes.list': { role: 'connecte', input: z.object({}) },
  'import.servicePublic.start': {
    role: 'redacteur',
    input: z.object({
      from: z.string().trim().min(1, 'indiquez le chemin de l’archive ou du dossier').max(4096),
    }),
  },
  'import.servicePublic.status': { role: 'redacteur', input: z.object({}) },
} as const satisfies MethodTable;

/** Every method: its role and its input schema, domain by domain. */
export const methods = {
  ...knowledgeMethods,
  ...authMethods,
  ...compteMethods,
  ...auditMethods,
  ...pointMethods,
  ...agentMethods,
  ...formationMethods,
  ...posteMethods,
  ...syncMethods,
  ...deskMethods,
  ...labelMethods,
  ...adminMethods,
  ...journalMethods,
  ...indicateurMethods,
  ...redactionMethods,
  ...usagerMethods,
  ...flashMethods,
  ...favoriMethods,
  ...satisfactionMethods,
  ...reclamationMethods,
  ...resultatMethods,
  ...controleMethods,
  ...actionMethods,
  ...borneMethods,
} as const satisfies MethodTable;

export interface Outputs
  extends
    AuthOutputs,
    CompteOutputs,
    AuditOutputs,
    PointOutputs,
    AgentOutputs,
    FormationOutputs,
    PosteOutputs,
    SyncOutputs,
    DeskOutputs,
    LabelOutputs,
    AdminOutputs,
    JournalOutputs,
    IndicateurOutputs,
    RedactionOutputs,
    UsagerOutputs,
    FlashOutputs,
    FavoriOutputs,
    SatisfactionOutputs,
    ReclamationOutputs,
    ResultatOutputs,
    ControleOutputs,
    ActionOutputs,
    BorneOutputs {
  'search.query': SearchResponse;
  'search.status': IndexStatus;
  'fiches.get': FicheView;
  'contacts.search': { results: ContactSummary[] };
  'contacts.get': ContactView;
  'content.problems': { contentDir: string; problems: ContentProblem[] };
  'themes.list': { themes: Array<ThemeRef & { description?: string; count: number }> };
  'import.servicePublic.start': ImportJobStatus;
  'import.servicePublic.status': ImportJobStatus;
}

export type MethodName = keyof typeof methods;
export type KnowledgeMethod = keyof typeof knowledgeMethods;
export type AuthMethod = keyof typeof authMethods;
export type CompteMethod = keyof typeof compteMethods;
export type AuditMethod = keyof typeof auditMethods;
export type PointMethod = keyof typeof pointMethods;
export type AgentMethod = keyof typeof agentMethods;
export type FormationMethod = keyof typeof formationMethods;
export type PosteMethod = keyof typeof posteMethods;
export type SyncMethod = keyof typeof syncMethods;
export type DeskMethod = keyof typeof deskMethods;
export type LabelMethod = keyof typeof labelMethods;
export type AdminMethod = keyof typeof adminMethods;
export type JournalMethod = keyof typeof journalMethods;
export type IndicateurMethod = keyof typeof indicateurMethods;
export type RedactionMethod = keyof typeof redactionMethods;
export type UsagerMethod = keyof typeof usagerMethods;
export type FlashMethod = keyof typeof flashMethods;
export type FavoriMethod = keyof typeof favoriMethods;
export type SatisfactionMethod = keyof typeof satisfactionMethods;
export type ReclamationMethod = keyof typeof reclamationMethods;
export type ResultatMethod = keyof typeof resultatMethods;
export type ControleMethod = keyof typeof controleMethods;
export type ActionMethod = keyof typeof actionMethods;
export type { BorneMethod } from './borne/methods';
export type InputOf<M extends MethodName> = z.input<(typeof methods)[M]['input']>;
export type OutputOf<M extends MethodName> = Outputs[M];

export type ErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'refused'
  | 'conflict'
  | 'unknown_method'
  | 'unavailable'
  /** A city desk and its server speak API versions too far apart: one of them must be updated (HTTP 426). */
  | 'outdated'
  | 'internal';

/** What every transport carries back: never a thrown error, so the window always has a French message. */
/** A refusal: its code, its French message, and where it belongs when the window can tell. */
export interface EnvelopeError {
  code: ErrorCode;
  message: string;
  /** The input field the message is about (the first key of its path), so a form shows it next to that field. */
  field?: string;
  /** Seconds to wait before trying again (a login refused while its forced wait runs). */
  retryAfter?: number;
}

export type Envelope<T> = { ok: true; result: T } | { ok: false; error: EnvelopeError };

/** The single IPC channel of the Electron transport. */
export const IPC_CHANNEL = 'infocite';

/**
 * The window's other request to the main process: print the current page to a PDF file (Chromium's print, the
 * same the tests use through Playwright), saved where the person chooses. Not an API method: it needs the window.
 */
export const PDF_CHANNEL = 'infocite:pdf';
