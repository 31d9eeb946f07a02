// A label manager's decision on a point: checked against the life cycle, the dates and the rule, then recorded
// with its audit row in one transaction, so a refused decision leaves neither.
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { addMonthsToDay, isRealDay, parisDay } from '../../../common/dates';
import { NotFoundError, RefusedError } from '../errors';
import { frenchDate } from '../../../common/french-date';
import { sql, type Db } from '../store/db';
import { eventById, latestEvent } from './events';
import type { LatestEvent } from './lifecycle';
import { NEEDS_OPEN_POINT, TRANSITIONS, effectiveStatut, transitionRefusal } from './lifecycle';
import { evaluatePoint } from './rule-data';
import { readLabelSettings } from './settings';
import type { LabelAction, LabelDecision, LabelEvaluation, LabelSettings } from '../../../common/label/types';

export interface DecisionInput {
  pointId: number;
  action: LabelAction;
  /** The decision's date, « YYYY-MM-DD »; today in Paris when absent. */
  date?: string;
  motif?: string;
}

const RULE_FAILURE: Partial<Record<LabelAction, string>> = {
  accorder: 'Le label ne peut pas être accordé',
  renouveler: 'Le label ne peut pas être renouvelé',
  lever_suspension: 'La suspension ne peut pas être levée',
};

const MOTIF_NEEDED: Partial<Record<LabelAction, string>> = {
  refuser: 'Indiquez le motif du refus.',
  suspendre: 'Indiquez le motif de la suspension.',
  retirer: 'Indiquez le motif du retrait.',
};

/** The expiry the new event carries: set by a grant or a renewal, kept through a suspension, gone otherwise. */
function expiryAfter(
  action: LabelAction,
  date: string,
  latest: LatestEvent | null,
  settings: LabelSettings,
): string | null {
  switch (action) {
    case 'accorder':
      return addMonthsToDay(date, settings.dureeMois);
    case 'renouveler': {
      // Renewing early does not lose the months left: the new period starts at the current expiry.
      const current = latest?.expireLe ?? date;
      return addMonthsToDay(current > date ? current : date, settings.dureeMois);
    }
    case 'suspendre':
    case 'lever_suspension':
      return latest?.expireLe ?? null;
    case 'demander':
    case 'instruire':
    case 'refuser':
    case 'retirer':
      return null;
  }
}

function checkDate(date: string, today: string, latest: LatestEvent | null): void {
  if (!isRealDay(date)) throw new RefusedError(`La date de décision « ${date} » n'est pas une date valide.`);
  if (date > today)
    throw new RefusedError(
      `La date de décision (${frenchDate(date)}) ne peut pas être dans le futur : nous sommes le ${frenchDate(today)}.`,
    );
  if (latest && date < latest.date)
    throw new RefusedError(
      `La date de décision (${frenchDate(date)}) ne peut pas précéder la décision précédente, ` +
        `du ${frenchDate(latest.date)}.`,
    );
}

async function deciderName(db: Db, actor: Actor): Promise<string> {
  if (actor.compteId === null) return actor.identifiant;
  const nom = await db.value<string>(sql`SELECT nom FROM comptes WHERE id = ${actor.compteId}`);
  return nom ?? actor.identifiant;
}

/**
 * Records a decision. Two managers deciding on the same point at once are safe: the state is read, checked
 * and replaced, with the audit row, in one transaction (one at a time on SQLite, SERIALIZABLE and retried on
 * PostgreSQL), so the second decision is checked against the state the first one left.
 */
export async function decideLabel(
  db: Db,
  actor: Actor,
  input: DecisionInput,
  now: Date,
): Promise<LabelDecision> {
  const today = parisDay(now);
  const date = input.date ?? today;
  const motif = input.motif?.trim() || null;
  const transition = TRANSITIONS[input.action];

  return db.transaction(async (tx) => {
    const settings = await readLabelSettings(tx);
    const point = await tx.one<{ nom: string; ouvert: number }>(
      sql`SELECT nom, ouvert FROM points WHERE id = ${input.pointId}`,
    );
    if (!point) throw new NotFoundError(`Le point d'accueil n° ${input.pointId} n'existe pas.`);
    if (point.ouvert !== 1 && NEEDS_OPEN_POINT.has(input.action))
      throw new RefusedError(
        `« ${point.nom} » est fermé : rouvrez le point avant de demander, d'instruire, d'accorder ou de renouveler son label.`,
      );
    // Read inside the transaction: the state the decision starts from is the one it replaces.
    const latest = await latestEvent(tx, input.pointId);
    const avant = effectiveStatut(latest, today);
    const refusal = transitionRefusal(input.action, avant);
    if (refusal) throw new RefusedError(refusal);
    checkDate(date, today, latest);
    const motifNeeded = transition.motif ? MOTIF_NEEDED[input.action] : undefined;
    if (motifNeeded && !motif) throw new RefusedError(motifNeeded);

    let evaluation: LabelEvaluation | null = null;
    if (transition.regle) {
      evaluation = await evaluatePoint(tx, input.pointId, date, settings);
      if (!evaluation.respectee)
        throw new RefusedError(
          `${RULE_FAILURE[input.action] ?? 'Décision impossible'} : la règle du label n'est pas respectée ` +
            `au ${frenchDate(date)}. ${evaluation.manques.join(' ')}`,
        );
    }

    const expireLe = expiryAfter(input.action, date, latest, settings);
    const decidedBy = await deciderName(tx, actor);
    const id = await tx.insertId(sql`INSERT INTO label_evenements
              (point_id, action, statut, date, expire_le, motif, decide_par, decide_par_nom, evaluation, enregistre_le)
            VALUES (${input.pointId}, ${input.action}, ${transition.to}, ${date}, ${expireLe}, ${motif},
                    ${actor.compteId}, ${decidedBy}, ${evaluation === null ? null : JSON.stringify(evaluation)},
                    ${now.toISOString()})
            RETURNING id`);
    await recordAudit(
      tx,
      actor,
      {
        action: input.action,
        objet: 'label',
        objetId: input.pointId,
        avant: { statut: avant, expireLe: latest?.expireLe ?? null },
        apres: { statut: transition.to, date, expireLe, motif },
      },
      now,
    );
    const evenement = await eventById(tx, id);
    return {
      pointId: input.pointId,
      statut: effectiveStatut(evenement, today),
      expireLe: evenement.expireLe,
      evenement,
    };
  });
}
