// The city's desks and their server: what a connected desk (poste relié) sends, with its own credential, and
// what it fetches to work offline. The desk commits every outcome, settled search and « utile / pas utile » to
// its outbox first (an id made on the desk, UUID v7, and the desk's time), then sends batches; the server
// stores each id once (a replay answers « doublon » and counts nothing twice), and an entry it refuses goes
// to its dead letters, which an administrator sees — never dropped.
import { z } from 'zod';
import { id } from '../fields';
import type { MethodTable } from '../method-table';
import { journalMethods } from '../journal/methods';
import { redactionMethods } from '../redaction/methods';

/** The API version a desk speaks; the server accepts this one and the previous one. */
export const API_VERSION = 2;
/** The oldest desk version the server still serves. */
export const OLDEST_API_VERSION = API_VERSION - 1;

/** HTTP headers of a desk's calls: its credential and its API version. */
export const POSTE_HEADER = 'x-infocite-poste';
export const API_VERSION_HEADER = 'x-infocite-api';

/** The outbox's kinds: the desk-side methods whose effects travel to the server. */
export const OUTBOX_KINDS = [
  'journal.record',
  'journal.cancel',
  'journal.update',
  'journal.recordSearch',
  'avis.record',
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** A desk-made id: a UUID (v7 on the desk, so that ids sort by creation). */
const uid = z.uuid({ error: 'identifiant d’entrée invalide (UUID attendu)' });
const instant = z.iso.datetime({ offset: true, error: 'instant ISO attendu' });

/**
 * The payload of each kind is the input of the method it stands for, except that corrections and links name
 * entries by their desk-made uid (an entry may still be in the outbox when it is corrected).
 */
export const outboxPayloads = {
  'journal.record': journalMethods['journal.record'].input
    .omit({ rechercheIds: true })
    .extend({ rechercheUids: z.array(uid).max(100).optional() }),
  'journal.cancel': z.object({ entreeUid: uid }),
  'journal.update': journalMethods['journal.update'].input.omit({ id: true }).extend({ entreeUid: uid }),
  'journal.recordSearch': journalMethods['journal.recordSearch'].input,
  'avis.record': redactionMethods['avis.record'].input,
} as const satisfies Record<OutboxKind, z.ZodType>;

function entryOf<K extends OutboxKind>(kind: K) {
  return z.object({
    uid,
    kind: z.literal(kind),
    /** The desk's clock when the entry was committed on the desk. */
    at: instant,
    /** Who did it at the desk: the server checks the account again on arrival. */
    compteId: id,
    payload: outboxPayloads[kind],
  });
}

/** One entry of the outbox as it travels. */
export const outboxEntry = z.discriminatedUnion('kind', [
  entryOf('journal.record'),
  entryOf('journal.cancel'),
  entryOf('journal.update'),
  entryOf('journal.recordSearch'),
  entryOf('avis.record'),
]);
export type OutboxEntry = z.output<typeof outboxEntry>;

/** At most this many entries in one batch. */
export const MAX_BATCH = 200;

/** How an entry fared on the server. */
export type IngestStatus = 'accepte' | 'doublon' | 'rejete';
export interface IngestResult {
  uid: string;
  statut: IngestStatus;
  /** Why it was refused (kept in the server's dead letters), in French. */
  motif?: string;
}

/** A PIN the desk may check offline: that point's agents only, for a short time. */
export interface CachedPin {
  compteId: number;
  nom: string;
  /** The same hash the server keeps (scrypt), checked on the desk with the same function. */
  pinHash: string;
}

/** A dead letter: an entry a desk sent that the server refused, kept for an administrator. */
export interface RejetView {
  id: number;
  uid: string;
  /** An outbox kind; as sent when the entry did not even read as one (« ? » when absent). */
  kind: OutboxKind | (string & {});
  poste: { id: number; nom: string } | null;
  compteId: number;
  at: string;
  recuLe: string;
  motif: string;
  payload: unknown;
  traiteLe: string | null;
}

export const syncMethods = {
  /**
   * A desk's batch: idempotent (each uid stored once). `sentAt` is the desk's clock when it sent the batch:
   * the server shifts each `at` by its own clock minus `sentAt`, so that entries land on the day they were made
   * whatever the desk's clock says (within bounds; beyond them, a dead letter).
   */
  'sync.ingest': {
    role: 'poste',
    input: z.object({
      sentAt: instant,
      // Each entry is checked on its own by the server (outboxEntry): a malformed one becomes a dead letter of
      // its own rather than failing the batch, which would block the desk's whole outbox behind it. Only its
      // uid must be readable, to be stored once.
      entries: z.array(z.looseObject({ uid })).max(MAX_BATCH, `au plus ${MAX_BATCH} entrées par envoi`),
    }),
  },
  /** What the desk needs to work offline: its point and the PIN hashes of that point's agents. */
  'sync.desk': { role: 'poste', input: z.object({}) },
  'sync.rejets.list': { role: 'administrateur', input: z.object({ traites: z.boolean().optional() }) },
  /** An administrator settles a dead letter: accepted again after a fix (retry) or set aside (with a note). */
  'sync.rejets.settle': {
    role: 'administrateur',
    input: z.object({ id, action: z.enum(['reessayer', 'classer']) }),
  },
} as const satisfies MethodTable;

export interface SyncOutputs {
  'sync.ingest': { results: IngestResult[] };
  'sync.desk': {
    poste: { id: number; nom: string };
    point: { id: number; nom: string };
    pins: CachedPin[];
    /** Until when the desk may use these PINs offline (ISO). */
    pinsValidUntil: string;
    serverTime: string;
  };
  'sync.rejets.list': { rejets: RejetView[] };
  'sync.rejets.settle': RejetView;
}
