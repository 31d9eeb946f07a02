import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../audit/record';
import { RefusedError } from '../errors';
import type { Db } from '../store/db';
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

beforeEach(() => {
  store = new Store(mkdtempSync(join(tmpdir(), 'label-decide-')));
  db = store.db;
  const compteId = Number(
    db
      .prepare(
        "INSERT INTO comptes (identifiant, nom, mot_de_passe, cree_le) VALUES ('gl', 'Gaëlle Label', 'x', ?)",
      )
      .run(NOW.toISOString()).lastInsertRowid,
  );
  actor = { compteId, identifiant: 'gl' };
});

afterEach(() => store.close());

function decide(pointId: number, action: LabelAction, extra: Partial<DecisionInput> = {}, now = NOW) {
  return decideLabel(db, actor, { pointId, action, ...extra }, now);
}

function count(table: 'label_evenements' | 'audit'): number {
  return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
}

/** A point with two agents assigned since 2020, trained in 2022 and again in 2025 (valid 2022-06 to 2027-05). */
function pointMeetingTheRule(): number {
  const pointId = insertPoint(db);
  const first = insertSession(db, 'infocite', '2022-06-01');
  const second = insertSession(db, 'infocite', '2025-06-01');
  for (let i = 0; i < 2; i += 1) {
    const agentId = trainedAgent(db, pointId, '2020-01-01', null);
    attend(db, first, agentId);
    attend(db, second, agentId);
  }
  return pointId;
}

function inInstruction(pointId: number, date = '2026-01-10'): void {
  decide(pointId, 'demander', { date });
  decide(pointId, 'instruire', { date });
}

describe('the label life cycle', () => {
  it('refuses a label without trained agents, and grants it once they are trained', () => {
    const pointId = insertPoint(db);
    const a = trainedAgent(db, pointId, '2024-01-01', null, { nom: 'Dupont', prenom: 'Jean' });
    const b = trainedAgent(db, pointId, '2024-02-01', null, { nom: 'Martin', prenom: 'Léa' });
    inInstruction(pointId);
    const events = count('label_evenements');
    const audits = count('audit');

    expect(() => decide(pointId, 'accorder')).toThrow(RefusedError);
    expect(() => decide(pointId, 'accorder')).toThrow(
      /Jean Dupont \(jamais formé\), Léa Martin \(jamais formé\)/,
    );
    // A refused decision leaves neither an event nor an audit row.
    expect(count('label_evenements')).toBe(events);
    expect(count('audit')).toBe(audits);
    expect(labelPoint(db, pointId, NOW).statut).toBe('instruction');

    const session = insertSession(db, 'infocite', '2026-10-05');
    attend(db, session, a);
    expect(() => decide(pointId, 'accorder')).toThrow(/Léa Martin/);
    attend(db, session, b);
    const decision = decide(pointId, 'accorder');
    expect(decision).toMatchObject({ statut: 'labellise', expireLe: '2029-11-23' });
    expect(decision.evenement).toMatchObject({
      action: 'accorder',
      decideParNom: 'Gaëlle Label',
      date: TODAY,
    });
    // The evaluation is kept with the decision.
    expect(decision.evenement.evaluation).toMatchObject({ respectee: true, formes: 2, date: TODAY });
    // …and the audit row exists with the change.
    expect(count('label_evenements')).toBe(events + 1);
    const audit = db
      .prepare("SELECT * FROM audit WHERE action = 'accorder' AND objet = 'label'")
      .get() as Record<string, string>;
    expect(audit).toMatchObject({ objet_id: String(pointId), auteur: 'gl', compte_id: actor.compteId });
    expect(JSON.parse(audit.avant ?? '')).toEqual({ statut: 'instruction', expireLe: null });
    expect(JSON.parse(audit.apres ?? '')).toMatchObject({ statut: 'labellise', expireLe: '2029-11-23' });
  });

  it('does not count an absent or registered agent as trained', () => {
    const pointId = insertPoint(db);
    const a = insertAgent(db);
    const b = insertAgent(db);
    for (const agentId of [a, b])
      db.prepare("INSERT INTO affectations (agent_id, point_id, debut) VALUES (?, ?, '2024-01-01')").run(
        agentId,
        pointId,
      );
    const session = insertSession(db, 'infocite', '2026-10-05');
    attend(db, session, a, 'absent');
    attend(db, session, b, 'inscrit');
    inInstruction(pointId);
    expect(() => decide(pointId, 'accorder')).toThrow(RefusedError);
  });

  it('refuses every transition the life cycle does not allow, naming the current state', () => {
    const pointId = pointMeetingTheRule();
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
    const tryIllegal = () => {
      const statut = labelPoint(db, pointId, NOW).statut;
      reached.push(statut);
      for (const action of LABEL_ACTIONS) {
        if (TRANSITIONS[action].from.includes(statut)) continue;
        const before = count('label_evenements');
        expect(() => decide(pointId, action, { motif: 'un motif' }), `${action} from ${statut}`).toThrow(
          /le point est actuellement « /,
        );
        expect(count('label_evenements')).toBe(before);
      }
    };
    tryIllegal();
    for (const [action, motif] of path) {
      decide(pointId, action, { date: TODAY, motif });
      tryIllegal();
    }
    expect(new Set(reached)).toEqual(
      new Set(['aucun', 'demande', 'instruction', 'refuse', 'labellise', 'renouvele', 'suspendu', 'retire']),
    );
    expect(() => decide(pointId, 'accorder')).toThrow(
      "Impossible d'accorder le label : le point est actuellement « retiré » (il faut qu'il soit « en instruction »).",
    );
  });

  it('computes the expiry, and a label past it is « expiré » and can be asked for again', () => {
    const pointId = pointMeetingTheRule();
    inInstruction(pointId, '2023-11-01');
    const granted = decide(pointId, 'accorder', { date: '2023-11-20' }, new Date('2023-11-20T09:00:00Z'));
    expect(granted.expireLe).toBe('2026-11-20');
    // Three days after its expiry.
    expect(labelPoint(db, pointId, NOW)).toMatchObject({ statut: 'expire', expireLe: '2026-11-20' });
    expect(effectiveStatut({ statut: 'labellise', date: '2023-11-20', expireLe: TODAY }, TODAY)).toBe(
      'labellise',
    );
    expect(allowedActions('expire')).toEqual(['demander']);
    expect(() => decide(pointId, 'renouveler')).toThrow(/« expiré »/);
    expect(decide(pointId, 'demander').statut).toBe('demande');
  });

  it('renews from the later of the decision date and the current expiry', () => {
    const pointId = pointMeetingTheRule();
    inInstruction(pointId, '2024-01-05');
    decide(pointId, 'accorder', { date: '2024-01-15' });
    expect(labelPoint(db, pointId, NOW).expireLe).toBe('2027-01-15');
    // Renewed early: the months left are kept.
    expect(decide(pointId, 'renouveler', { date: TODAY }).expireLe).toBe('2030-01-15');
    // A suspension keeps the expiry, and lifting it goes back to « labellisé » with the same expiry.
    expect(decide(pointId, 'suspendre', { motif: 'Travaux' }).expireLe).toBe('2030-01-15');
    expect(decide(pointId, 'lever_suspension')).toMatchObject({
      statut: 'labellise',
      expireLe: '2030-01-15',
    });
    // A renewal with a decision date after the expiry starts from the decision date.
    const other = pointMeetingTheRule();
    inInstruction(other, '2023-11-01');
    decide(other, 'accorder', { date: '2023-11-20' }, new Date('2023-11-20T09:00:00Z'));
    const late = decide(other, 'renouveler', { date: '2026-11-20' }, new Date('2026-11-20T09:00:00Z'));
    expect(late.expireLe).toBe('2029-11-20');
  });

  it('gives no label to a closed point, which can still lose its label', () => {
    const pointId = pointMeetingTheRule();
    inInstruction(pointId);
    decide(pointId, 'accorder', { date: '2026-02-01' });
    db.prepare('UPDATE points SET ouvert = 0 WHERE id = ?').run(pointId);
    expect(() => decide(pointId, 'renouveler')).toThrow(/est fermé : rouvrez le point/);
    expect(decide(pointId, 'retirer', { motif: 'Point fermé' }).statut).toBe('retire');
    expect(() => decide(pointId, 'demander')).toThrow(/est fermé/);
    expect(allowedActions('labellise', false)).toEqual(['suspendre', 'retirer']);
    expect(allowedActions('labellise', true)).toEqual(['renouveler', 'suspendre', 'retirer']);
  });

  it('refuses a decision date in the future or before the previous decision, and a missing motif', () => {
    const pointId = pointMeetingTheRule();
    decide(pointId, 'demander', { date: '2026-06-01' });
    expect(() => decide(pointId, 'instruire', { date: '2026-11-24' })).toThrow(
      /ne peut pas être dans le futur/,
    );
    expect(() => decide(pointId, 'instruire', { date: '2026-05-31' })).toThrow(
      'La date de décision (31 mai 2026) ne peut pas précéder la décision précédente, du 1er juin 2026.',
    );
    expect(() => decide(pointId, 'instruire', { date: '2026-02-30' })).toThrow(/n'est pas une date valide/);
    decide(pointId, 'instruire', { date: '2026-06-01' });
    expect(() => decide(pointId, 'refuser', { motif: '  ' })).toThrow('Indiquez le motif du refus.');
    expect(decide(pointId, 'refuser', { motif: ' Pièces manquantes ' }).evenement.motif).toBe(
      'Pièces manquantes',
    );
    expect(count('audit')).toBe(3);
  });

  it('refuses to renew or lift a suspension when the rule is no longer met', () => {
    const pointId = pointMeetingTheRule();
    inInstruction(pointId);
    decide(pointId, 'accorder', { date: '2026-02-01' });
    decide(pointId, 'suspendre', { date: '2026-03-01', motif: 'Contrôle' });
    // A third agent, assigned for a year, never trained: the proportion (100 %) fails.
    trainedAgent(db, pointId, '2025-10-01', null, { nom: 'Petit', prenom: 'Noé' });
    expect(() => decide(pointId, 'lever_suspension')).toThrow(
      /^La suspension ne peut pas être levée : la règle du label n'est pas respectée au 23 novembre 2026\..*Noé Petit/,
    );
    decide(pointId, 'retirer', { motif: 'Équipe non formée' });
    expect(labelPoint(db, pointId, NOW).historique.map((e) => e.statut)).toEqual([
      'demande',
      'instruction',
      'labellise',
      'suspendu',
      'retire',
    ]);
  });
});
