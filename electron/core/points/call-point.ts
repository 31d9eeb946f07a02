// « The point of this call »: where a contact, a search or an opinion is counted, and whose agents a PIN switch
// offers. A call from an enrolled city desk belongs to that desk's point (a property of the desk, resolved by the
// transport); any other call (a standalone installation, the Electron window, the command line) to the
// installation's setting. Every place that needs the point asks here, so the two never diverge.
import type { Db } from '../store/db';
import { installationPoint } from './installation-point';

/** The desk a call comes from, as the transport resolved it (see postes/resolvePoste). */
export interface CallingDesk {
  id: number;
  nom: string;
  pointId: number;
  pointNom: string;
  /** The point's type (physique, téléphonique…): its default channel. */
  pointType: string;
}

export interface CallPoint {
  pointId: number;
  nom: string;
  /** The point's type (physique, téléphonique…): the default channel of what is logged there. */
  type: string;
  /** The desk the call comes from; null for the installation's own point. */
  posteId: number | null;
}

/** The point of a call from `desk`, or (no desk) the installation's; null when the installation is unbound. */
export async function pointOfCall(db: Db, desk?: CallingDesk): Promise<CallPoint | null> {
  if (desk) return { pointId: desk.pointId, nom: desk.pointNom, type: desk.pointType, posteId: desk.id };
  const point = await installationPoint(db);
  return point && { ...point, posteId: null };
}

/**
 * Where a row of the log (a contact, a settled search, an opinion) comes from: the point of its call — by
 * default the installation's — and, for an entry a desk sent from its outbox, the id the desk made for it and
 * when the server received it (the desk is the point's `posteId`).
 */
export interface RowOrigin {
  point?: CallPoint | null;
  uid?: string;
  recuLe?: Date;
}

/** The origin's point: the one given, or the point of a call without a desk. */
export async function pointOfRow(db: Db, origin: RowOrigin): Promise<CallPoint | null> {
  return origin.point === undefined ? await pointOfCall(db) : origin.point;
}
