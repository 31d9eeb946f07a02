// A city server's core with reception points, their agents (accounts linked to people assigned to a point) and
// enrolled desks, for the tests of the desks' calls; and the outbox entries a desk would send.
import { v7 as uuidv7 } from 'uuid';
import type { OutboxEntry, OutboxKind } from '../../common/sync/methods';
import { outboxPayloads } from '../../common/sync/methods';
import type { z } from 'zod';
import type { Core } from '../../electron/core/app';
import { SYSTEM_ACTOR } from '../../electron/core/audit/record';
import { hashSecret } from '../../electron/core/auth/passwords';
import type { ClientSlot } from '../../electron/core/auth/session';
import type { CallingDesk } from '../../electron/core/points/call-point';
import { createPoste, enrolPoste } from '../../electron/core/postes/postes';
import { sql } from '../../electron/core/store/db';
import { signedIn, TEST_COST } from './comptes';
import { sampleCore } from './sample-core';
import { assign, insertAgent, insertPoint } from './registres';

/** A server's core on a copy of the sample content, with a clock the test moves. */
export function serverCore(clock: { now: Date }): Promise<Core> {
  return sampleCore(() => clock.now);
}

/** An agent's account, linked to a person assigned to `pointId` from `debut` (to `fin`), logged in. */
export interface DeskAgentFixture extends ClientSlot {
  compteId: number;
  agentId: number;
}

export async function agentAt(
  core: Core,
  pointId: number,
  options: {
    debut?: string;
    fin?: string | null;
    pin?: string;
    roles?: Array<'agent' | 'gestionnaire'>;
  } = {},
): Promise<DeskAgentFixture> {
  const db = core.store.db;
  const agentId = await insertAgent(db);
  await assign(db, agentId, pointId, options.debut ?? '2026-01-01', options.fin ?? null);
  const client = await signedIn(core, options.roles ?? ['agent'], { agentId });
  if (options.pin !== undefined) {
    const pin = await hashSecret(options.pin, TEST_COST);
    await db.run(sql`UPDATE comptes SET pin = ${pin} WHERE id = ${client.compteId}`);
  }
  return { ...client, agentId };
}

/** A point with an enrolled desk: the desk as the transport resolves it, and its credential. */
export async function pointWithDesk(
  core: Core,
  nom: string,
  type: 'physique' | 'telephonique' = 'physique',
): Promise<{ desk: CallingDesk; credential: string }> {
  const db = core.store.db;
  const pointId = await insertPoint(db, { nom, type });
  const { code } = await createPoste(db, SYSTEM_ACTOR, { nom: `Accueil ${nom}`, pointId }, core.now());
  const enrolled = await enrolPoste(db, code.replace(/-/g, ''), core.now());
  return {
    desk: { id: enrolled.poste.id, nom: enrolled.poste.nom, pointId, pointNom: nom, pointType: type },
    credential: enrolled.credential,
  };
}

/** An outbox entry as a desk sends it: a fresh uid, and the desk's time (`at`, by default its clock now). */
export function outboxItem<K extends OutboxKind>(
  kind: K,
  compteId: number,
  payload: z.input<(typeof outboxPayloads)[K]>,
  options: { at: Date; uid?: string },
): OutboxEntry {
  return {
    uid: options.uid ?? uuidv7(),
    kind,
    at: options.at.toISOString(),
    compteId,
    payload: outboxPayloads[kind].parse(payload),
  } as OutboxEntry;
}
