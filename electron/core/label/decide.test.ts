import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../audit/record';
import { RefusedError } from '../errors';
import { sql, type Db } from '../store/db';
import { Store } from '../store/store';
import {
  attend,
  insertAgent,
  insertPoint,
  insertSession,
  trainedAgent,
} from '../../../dev/test-support/registres';
import { decideLabel } from './decide';
import type { DecisionInput } from './decide';
import { allowedActions, effectiveStatut, TRANSITIONS } from './lifecycle';
import { labelPoint } from './label-points';
import type { LabelAction, LabelStatut } from '../../../common/label/types';
import { LABEL_ACTIONS } from '../../../common/label/types';

// Monday 23 November 2026, 10:00 in Paris.
const NOW = new Date('2026-11-23T09:00:00Z');
const TODAY = '2026-11-23';

let store: Store;
let db: Db;
let actor: Actor;

beforeEach(async () => {
  store = new Store(mkdtempSync(join(tmpdir(), 'label-decide-')));
  db = store.db;
  const compteId = Number(
    await db.value<number>(
      sql`INSERT INTO comptes (identifiant, nom, mot_de_passe, cree_le)
          VALUES ('gl', 'Gaëlle Label', 'x', ${NOW.toISOString()}) RETURNING id`,
    ),
  );
  actor = { compteId, identifiant: 'gl' };
});

afterEach(async () => store.close());

async function decide(pointId: number, action: LabelAction, extra: Partial<DecisionInput> = {}, now = NOW) {
  return await decideLabel(db, actor, { pointId, action, ...extra }, now);
}

async function count(table: 'label_evenements' | 'audit'): Promise<number> {
  return Number(await db.value(sql`SELECT COUNT(*) FROM ${sql.ref(table)}`));
}

/** A point with two agents assigned since 2020, trained in 2022 and again in 2025 (valid 2022-06 to 2027-05). */
async function pointMeetingTheRule(): Promise<number> {
  const pointId = await insertPoint(db);
  const first = await insertSession(db, 'infocite', '2022-06-01');
  const second = await insertSession(db, 'infocite', '2025-06-01');
  for (let i = 0; i < 2; i += 1) {
    const agentId = await trainedAgent(db, pointId, '2020-01-01', null);
    await attend(db, first, agentId);
    await attend(db, second, agentId);
  }
  return pointId;
}

async function inInstruction(pointId: number, date = '2026-01-10'): Promise<void> {
  await decide(pointId, 'demander', { date });
  await decide(pointId, 'instruire', { date });
}

describe('the label life cycle', () => {
  it('refuses a label without trained agents, and grants it once they are trained', async () => {
    const pointId = await insertPoint(db);
    const a = await trainedAgent(db, pointId, '2024-01-01', null, { nom: 'Dupont', prenom: 'Jean' });
    const b = await trainedAgent(db, pointId, '2024-02-01', null, { nom: 'Martin', prenom: 'Léa' });
    await inInstruction(pointId);
    const events = await count('label_evenements');
    const audits = await count('audit');

    await expect(decide(pointId, 'accorder')).rejects.toThrow(RefusedError);
    await expect(decide(pointId, 'accorder')).rejects.toThrow(
      /Jean Dupont \(jamais formé\), Léa Martin \(jamais formé\)/,
    );
    // A refused decision leaves neither an event nor an audit row.
    expect(await count('label_evenements')).toBe(events);
    expect(await count('audit')).toBe(audits);
    expect((await labelPoint(db, pointId, NOW)).statut).toBe('instruction');

    const session = await insertSession(db, 'infocite', '2026-10-05');
    await attend(db, session, a);
    await expect(decide(pointId, 'accorder')).rejects.toThrow(/Léa Martin/);
    await attend(db, session, b);
    const decision = await decide(pointId, 'accorder');
    expect(decision).toMatchObject({ statut: 'labellise', expireLe: '2029-11-23' });
    expect(decision.evenement).toMatchObject({
      action: 'accorder',
      decideParNom: 'Gaëlle Label',
      date: TODAY,
    });
    // The evaluation is kept with the decision.
    expect(decision.evenement.evaluation).toMatchObject({ respectee: true, formes: 2, date: TODAY });
    // …and the audit row exists with the change.
    expect(await count('label_evenements')).toBe(events + 1);
    const audit = (await db.one<Record<string, string>>(
      sql`SELECT * FROM audit WHERE action = 'accorder' AND objet = 'label'`,
    )) as Record<string, string>;
    expect(audit).toMatchObject({ objet_id: String(pointId), auteur: 'gl', compte_id: actor.compteId });
    expect(JSON.parse(audit.avant ?? '')).toEqual({ statut: 'instruction', expireLe: null });
    expect(JSON.parse(audit.apres ?? '')).toMatchObject({ statut: 'labellise', expireLe: '2029-11-23' });
  });

  it('does not count an absent or registered agent as trained', async () => {
    const pointId = await insertPoint(db);
    const a = await insertAgent(db);
    const b = await insertAgent(db);
    for (const agentId of [a, b])
      await db.run(
        sql`INSERT INTO affectations (agent_id, point_id, debut) VALUES (${agentId}, ${pointId}, '2024-01-01')`,
      );
    const session = await insertSession(db, 'infocite', '2026-10-05');
    await attend(db, session, a, 'absent');
    await attend(db, session, b, 'inscrit');
    await inInstruction(pointId);
    await expect(decide(pointId, 'accorder')).rejects.toThrow(RefusedError);
  });

  it('refuses every transition the life cycle does not allow, naming the current state', async () => {
    const pointId = await pointMeetingTheRule();
    const reached: LabelStatut[] = [];
    // Walk through every state, and from each try every decision it does not allow.
    const path: Array<[LabelAction, string?]> = [
      ['demander'],
      ['instruire'],
      ['refuser', 'Dossier incomplet'],
      ['demander'],
      ['instruire'],
      ['accorder'],
      ['renouveler'],
      ['suspendre', 'Accueil fermé pour travaux'],
      ['lever_suspension'],
      ['retirer', 'Fermeture définitive'],
    ];
    const tryIllegal = async () => {
      const statut = (await labelPoint(db, pointId, NOW)).statut;
      reached.push(statut);
      for (const action of LABEL_ACTIONS) {
        if (TRANSITIONS[action].from.includes(statut)) continue;
        const before = await count('label_evenements');
        await expect(
          decide(pointId, action, { motif: 'un motif' }),
          `${action} from ${statut}`,
        ).rejects.toThrow(/le point est actuellement « /);
        expect(await count('label_evenements')).toBe(before);
      }
    };
    await tryIllegal();
    for (const [action, motif] of path) {
      await decide(pointId, action, { date: TODAY, motif });
      await tryIllegal();
    }
    expect(new Set(reached)).toEqual(
      new Set(['aucun', 'demande', 'instruction', 'refuse', 'labellise', 'renouvele', 'suspendu', 'retire']),
    );
    await expect(decide(pointId, 'accorder')).rejects.toThrow(
      "Impossible d'accorder le label : le point est actuellement « retiré » (il faut qu'il soit « en instruction »).",
    );
  });

  it('computes the expiry, and a label past it is « expiré » and can be asked for again', async () => {
    const pointId = await pointMeetingTheRule();
    await inInstruction(pointId, '2023-11-01');
    const granted = await decide(
      pointId,
      'accorder',
      { date: '2023-11-20' },
      new Date('2023-11-20T09:00:00Z'),
    );
    expect(granted.expireLe).toBe('2026-11-20');
    // Three days after its expiry.
    expect(await labelPoint(db, pointId, NOW)).toMatchObject({ statut: 'expire', expireLe: '2026-11-20' });
    expect(effectiveStatut({ statut: 'labellise', date: '2023-11-20', expireLe: TODAY }, TODAY)).toBe(
      'labellise',
    );
    expect(allowedActions('expire')).toEqual(['demander']);
    await expect(decide(pointId, 'renouveler')).rejects.toThrow(/« expiré »/);
    expect((await decide(pointId, 'demander')).statut).toBe('demande');
  });

  it('renews from the later of the decision date and the current expiry', async () => {
    const pointId = await pointMeetingTheRule();
    await inInstruction(pointId, '2024-01-05');
    await decide(pointId, 'accorder', { date: '2024-01-15' });
    expect((await labelPoint(db, pointId, NOW)).expireLe).toBe('2027-01-15');
    // Renewed early: the months left are kept.
    expect((await decide(pointId, 'renouveler', { date: TODAY })).expireLe).toBe('2030-01-15');
    // A suspension keeps the expiry, and lifting it goes back to « labellisé » with the same expiry.
    expect((await decide(pointId, 'suspendre', { motif: 'Travaux' })).expireLe).toBe('2030-01-15');
    expect(await decide(pointId, 'lever_suspension')).toMatchObject({
      statut: 'labellise',
      expireLe: '2030-01-15',
    });
    // A renewal with a decision date after the expiry starts from the decision date.
    const other = await pointMeetingTheRule();
    await inInstruction(other, '2023-11-01');
    await decide(other, 'accorder', { date: '2023-11-20' }, new Date('2023-11-20T09:00:00Z'));
    const late = await decide(other, 'renouveler', { date: '2026-11-20' }, new Date('2026-11-20T09:00:00Z'));
    expect(late.expireLe).toBe('2029-11-20');
  });

  it('gives no label to a closed point, which can still lose its label', async () => {
    const pointId = await pointMeetingTheRule();
    await inInstruction(pointId);
    await decide(pointId, 'accorder', { date: '2026-02-01' });
    await db.run(sql`UPDATE points SET ouvert = 0 WHERE id = ${pointId}`);
    await expect(decide(pointId, 'renouveler')).rejects.toThrow(/est fermé : rouvrez le point/);
    expect((await decide(pointId, 'retirer', { motif: 'Point fermé' })).statut).toBe('retire');
    await expect(decide(pointId, 'demander')).rejects.toThrow(/est fermé/);
    expect(allowedActions('labellise', false)).toEqual(['suspendre', 'retirer']);
    expect(allowedActions('labellise', true)).toEqual(['renouveler', 'suspendre', 'retirer']);
  });

  it('refuses a decision date in the future or before the previous decision, and a missing motif', async () => {
    const pointId = await pointMeetingTheRule();
    await decide(pointId, 'demander', { date: '2026-06-01' });
    await expect(decide(pointId, 'instruire', { date: '2026-11-24' })).rejects.toThrow(
      /ne peut pas être dans le futur/,
    );
    await expect(decide(pointId, 'instruire', { date: '2026-05-31' })).rejects.toThrow(
      'La date de décision (31 mai 2026) ne peut pas précéder la décision précédente, du 1er juin 2026.',
    );
    await expect(decide(pointId, 'instruire', { date: '2026-02-30' })).rejects.toThrow(
      /n'est pas une date valide/,
    );
    await decide(pointId, 'instruire', { date: '2026-06-01' });
    await expect(decide(pointId, 'refuser', { motif: '  ' })).rejects.toThrow('Indiquez le motif du refus.');
    expect((await decide(pointId, 'refuser', { motif: ' Pièces manquantes ' })).evenement.motif).toBe(
      'Pièces manquantes',
    );
    expect(await count('audit')).toBe(3);
  });

  it('refuses to renew or lift a suspension when the rule is no longer met', async () => {
    const pointId = await pointMeetingTheRule();
    await inInstruction(pointId);
    await decide(pointId, 'accorder', { date: '2026-02-01' });
    await decide(pointId, 'suspendre', { date: '2026-03-01', motif: 'Contrôle' });
    // A third agent, assigned for a year, never trained: the proportion (100 %) fails.
    await trainedAgent(db, pointId, '2025-10-01', null, { nom: 'Petit', prenom: 'Noé' });
    await expect(decide(pointId, 'lever_suspension')).rejects.toThrow(
      /^La suspension ne peut pas être levée : la règle du label n'est pas respectée au 23 novembre 2026\..*Noé Petit/,
    );
    await decide(pointId, 'retirer', { motif: 'Équipe non formée' });
    expect((await labelPoint(db, pointId, NOW)).historique.map((e) => e.statut)).toEqual([
      'demande',
      'instruction',
      'labellise',
      'suspendu',
      'retire',
    ]);
  });

  it('records only one of two decisions taken at once on the same point, with its audit row', async () => {
    const pointId = await pointMeetingTheRule();
    await inInstruction(pointId);
    const events = await count('label_evenements');
    const audits = await count('audit');
    // Two managers at once: one grants, the other refuses; whichever comes second finds the point decided.
    const results = await Promise.allSettled([
      decide(pointId, 'accorder'),
      decide(pointId, 'refuser', { motif: 'Dossier incomplet' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(RefusedError);
    expect(String(refused?.reason)).toMatch(/le point est actuellement « /);
    expect(await count('label_evenements')).toBe(events + 1);
    expect(await count('audit')).toBe(audits + 1);
  });
});
