// The desk's own methods, answered by the desk process itself (never forwarded): how this desk runs (« Poste
// autonome », or « Poste relié » to the city's server, online or not, with its outbox's size) and its enrolment.
import { z } from 'zod';
import type { MethodTable } from '../method-table';
import { ENROLMENT_CODE } from '../postes/methods';

/** A connected desk as its window shows it. */
export interface DeskRelie {
  mode: 'relie';
  /** The server's address. */
  serveur: string;
  /** Whether this desk holds its credential (otherwise the window asks for the enrolment code). */
  inscrit: boolean;
  poste: { id: number; nom: string } | null;
  point: { id: number; nom: string } | null;
  /** Whether the last contact with the server succeeded. */
  enLigne: boolean;
  /** Entries committed on the desk and not yet received by the server. */
  enAttente: number;
  /** When the server last acknowledged a batch (ISO), if ever. */
  dernierEnvoi: string | null;
}

/** « autonome »: a standalone desk; « serveur »: the city server's own pages; « relie »: a connected desk. */
export type DeskStatus = { mode: 'autonome' } | { mode: 'serveur' } | DeskRelie;

export const deskMethods = {
  'desk.status': { role: 'public', input: z.object({}) },
  /** Enrols this desk with the one-time code an administrator created on the server. */
  'desk.enrol': { role: 'public', input: z.object({ code: ENROLMENT_CODE }) },
} as const satisfies MethodTable;

export interface DeskOutputs {
  'desk.status': DeskStatus;
  'desk.enrol': DeskStatus;
}
