// The label rule's optional condition on internal audits: « un audit récent sans non-conformité majeure
// ouverte ». On a day, the point needs an audit finished within the last `moisMax` months, and no major finding
// (of an audit finished by then) still open that day. Evaluated and explained like the training rule: the
// verdict joins the rule's, and what is missing is said in French.
import { addMonthsToDay } from '../../../common/dates';
import { frenchDate } from '../../../common/french-date';
import type { ControleCondition } from '../../../common/controles/types';
import type { LabelEvaluation } from '../../../common/label/types';
import { sql, type Db } from '../store/db';

export interface ControleFacts {
  dernier: { id: number; realiseLe: string } | null;
  majeuresOuvertes: ControleCondition['majeuresOuvertes'];
}

function day(value: string): string {
  return frenchDate(value) ?? value;
}

/** Pure: the condition from the point's facts on `today`. */
export function evaluateControleCondition(
  facts: ControleFacts,
  today: string,
  moisMax: number,
): ControleCondition {
  const since = addMonthsToDay(today, -moisMax);
  const recent = facts.dernier !== null && facts.dernier.realiseLe >= since;
  return {
    moisMax,
    dernier: facts.dernier,
    recent,
    majeuresOuvertes: facts.majeuresOuvertes,
    atteinte: recent && facts.majeuresOuvertes.length === 0,
  };
}

/** What the condition lacks, in the rule's words. */
export function controleManques(condition: ControleCondition): string[] {
  const manques: string[] = [];
  if (!condition.recent)
    manques.push(
      `Un audit interne terminé depuis moins de ${condition.moisMax} mois est exigé : ` +
        (condition.dernier
          ? `le dernier date du ${day(condition.dernier.realiseLe)}.`
          : 'aucun audit interne de ce point n’est terminé.'),
    );
  const open = condition.majeuresOuvertes;
  if (open.length > 0)
    manques.push(
      `${open.length >= 2 ? `${open.length} non-conformités majeures restent ouvertes` : 'Une non-conformité majeure reste ouverte'} : ` +
        open.map((c) => `« ${c.texte} » (audit${c.realiseLe ? ` du ${day(c.realiseLe)}` : ''})`).join(', ') +
        '.',
    );
  return manques;
}

/** The rule's evaluation with the condition joined: it must hold too, and its gaps are listed. */
export function withControleCondition(
  evaluation: LabelEvaluation,
  condition: ControleCondition,
): LabelEvaluation {
  return {
    ...evaluation,
    controle: condition,
    respectee: evaluation.respectee && condition.atteinte,
    manques: [...evaluation.manques, ...controleManques(condition)],
  };
}

/** The facts for every point on `today`: two queries whatever the number of points. */
export async function controleFactsByPoint(db: Db, today: string): Promise<Map<number, ControleFacts>> {
  const facts = new Map<number, ControleFacts>();
  const latest = await db.all<{ point_id: number; id: number; realise_le: string }>(sql`
    SELECT point_id, id, realise_le FROM (
      SELECT point_id, id, realise_le,
             ROW_NUMBER() OVER (PARTITION BY point_id ORDER BY realise_le DESC, id DESC) AS rang
      FROM controles WHERE statut = 'termine' AND realise_le <= ${today}) AS ranked
    WHERE rang = 1`);
  for (const row of latest)
    facts.set(row.point_id, { dernier: { id: row.id, realiseLe: row.realise_le }, majeuresOuvertes: [] });
  const majors = await db.all<{
    point_id: number;
    id: number;
    texte: string;
    controle_id: number;
    realise_le: string;
  }>(sql`
    SELECT c.point_id, k.id, k.texte, k.controle_id, c.realise_le
    FROM constats k JOIN controles c ON c.id = k.controle_id
    WHERE k.gravite = 'majeure' AND c.statut = 'termine' AND c.realise_le <= ${today}
      AND (k.statut = 'ouvert' OR k.leve_le > ${today})
    ORDER BY c.realise_le, k.id`);
  for (const row of majors) {
    const entry = facts.get(row.point_id) ?? { dernier: null, majeuresOuvertes: [] };
    entry.majeuresOuvertes.push({
      id: row.id,
      texte: row.texte,
      controleId: row.controle_id,
      realiseLe: row.realise_le,
    });
    facts.set(row.point_id, entry);
  }
  return facts;
}

export const NO_FACTS: ControleFacts = { dernier: null, majeuresOuvertes: [] };
