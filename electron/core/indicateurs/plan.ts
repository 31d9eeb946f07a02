// The annual review's action plan, kept per year: a free text and lines of actions (finding, action, who,
// deadline, follow-up indicator). Saved by the label manager, audited in the same transaction.
import { keptActions } from '../../../common/indicateurs/action-plan';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import type { Db } from '../store/db';
import type { ActionPlan, PlanBilan } from '../../../common/indicateurs/types';

interface Row {
  annee: number;
  texte: string;
  actions: string;
  modifie_le: string;
  nom: string | null;
}

function parseActions(json: string): ActionPlan[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as ActionPlan[]) : [];
  } catch {
    return [];
  }
}

export function emptyPlan(annee: number): PlanBilan {
  return { annee, texte: '', actions: [], modifieLe: null, modifiePar: null };
}

export function getPlan(db: Db, annee: number): PlanBilan {
  const row = db
    .prepare(
      `SELECT p.annee, p.texte, p.actions, p.modifie_le, c.nom FROM bilan_plans p
       LEFT JOIN comptes c ON c.id = p.modifie_par WHERE p.annee = ?`,
    )
    .get(annee) as Row | undefined;
  if (!row) return emptyPlan(annee);
  return {
    annee,
    texte: row.texte,
    actions: parseActions(row.actions),
    modifieLe: row.modifie_le,
    modifiePar: row.nom,
  };
}

export function setPlan(
  db: Db,
  actor: Actor,
  input: { annee: number; texte: string; actions: readonly ActionPlan[] },
  now: Date,
): PlanBilan {
  const texte = input.texte.trim();
  const actions = keptActions(input.actions);
  db.legacyTransaction(() => {
    const before = getPlan(db, input.annee);
    db.prepare(
      `INSERT INTO bilan_plans (annee, texte, actions, modifie_le, modifie_par) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (annee) DO UPDATE SET texte = excluded.texte, actions = excluded.actions,
         modifie_le = excluded.modifie_le, modifie_par = excluded.modifie_par`,
    ).run(input.annee, texte, JSON.stringify(actions), now.toISOString(), actor.compteId);
    recordAudit(
      db,
      actor,
      {
        action: before.modifieLe === null ? 'creation' : 'modification',
        objet: 'plan_action',
        objetId: input.annee,
        ...(before.modifieLe === null ? {} : { avant: { texte: before.texte, actions: before.actions } }),
        apres: { texte, actions },
      },
      now,
    );
  })();
  return getPlan(db, input.annee);
}

/** The plan's lines keyed by the review's column names, for the CSV. */
export function planRows(plan: PlanBilan): Array<Record<string, string>> {
  return plan.actions.map((a) => ({
    Constat: a.constat,
    Action: a.action,
    Responsable: a.responsable,
    Échéance: a.echeance,
    'Indicateur de suivi': a.suivi,
  }));
}
