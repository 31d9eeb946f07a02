// What a city desk needs to work offline: its point, and the PIN hashes of that point's agents assigned today
// (agent role, active, with a PIN), usable for a short time only; the desk checks a PIN with the same scrypt
// function, and the server checks each author again when the desk's entries arrive.
import type { SyncOutputs } from '../../../common/sync/methods';
import { parisDay } from '../../../common/dates';
import { pinAgentsOf } from '../auth/desk-agents';
import type { CallingDesk } from '../points/call-point';
import type { Db } from '../store/db';

/** How long a desk may use the PIN hashes it fetched, offline. */
export const PIN_CACHE_HOURS = 12;

export async function deskState(db: Db, desk: CallingDesk, now: Date): Promise<SyncOutputs['sync.desk']> {
  return {
    poste: { id: desk.id, nom: desk.nom },
    point: { id: desk.pointId, nom: desk.pointNom },
    pins: await pinAgentsOf(db, desk.pointId, parisDay(now)),
    pinsValidUntil: new Date(now.getTime() + PIN_CACHE_HOURS * 3_600_000).toISOString(),
    serverTime: now.toISOString(),
  };
}
