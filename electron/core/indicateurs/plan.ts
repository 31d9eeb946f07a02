// The annual review's action plan, kept per year: a free text and lines of actions (finding, action, who,
// deadline, follow-up indicator). Saved by the label manager, audited in the same transaction.
import { keptActions } from '../../../common/indicateurs/action-plan';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { sql, type Db } from '../store/db';
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

export async function getPlan(db: Db, annee: number): Promise<PlanBilan> {
  const row = await db.one<Row>(
    sql`SELECT p.annee, p.texte, p.actions, p.modifie_le, c.nom FROM bilan_plans p
        LEFT JOIN comptes c ON c.id = p.modifie_par WHERE p.annee = ${annee}`,
  );
  if (!row) return emptyPlan(annee);
  return {
    annee,
    texte: row.texte,
    actions: parseActions(row.actions),
    modifieLe: row.modifie_le,
    modifiePar: row.nom,
  };
}

export async function setPlan(
  db: Db,
  actor: Actor,
  input: { annee: number; texte: string; actions: readonly ActionPlan[] },
  now: Date,
): Promise<PlanBilan> {
  const texte = input.texte.trim();
  const actions = keptActions(input.actions);
  return db.transaction(async (tx) => {
    const before = await getPlan(tx, input.annee);
    await tx.run(
      sql`INSERT INTO bilan_plans (annee, texte, actions, modifie_le, modifie_par)
          VALUES (${input.annee}, ${texte}, ${JSON.stringify(actions)}, ${now.toISOString()}, ${actor.compteId})
          ON CONFLICT (annee) DO UPDATE SET texte = excluded.texte, actions = excluded.actions,
            modifie_le = excluded.modifie_le, modifie_par = excluded.modifie_par`,
    );
    await recordAudit(
      tx,
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
    return getPlan(tx, input.annee);
  });
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
