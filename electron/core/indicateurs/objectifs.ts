// Objectives: one per indicator (« taux de réponse au premier niveau ≥ 80 % »), the status a value earns
// against it, and the trend against the previous period. Changes are audited like the registries'.
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { NotFoundError } from '../errors';
import { sql, type Db } from '../store/db';
import type { Indicateur, Objectif, StatutObjectif, Tendance } from '../../../common/indicateurs/types';
import type { IndicateurCode } from '../../../common/indicateurs/codes';
import { INDICATEURS, INDICATEUR_INFOS } from '../../../common/indicateurs/codes';

export async function listObjectives(db: Db): Promise<Objectif[]> {
  const rows = await db.all<Objectif>(sql`SELECT indicateur, cible, sens, marge FROM objectifs`);
  // In the dashboard's order, not the table's.
  return rows
    .filter((row) => (INDICATEURS as readonly string[]).includes(row.indicateur))
    .sort((a, b) => INDICATEURS.indexOf(a.indicateur) - INDICATEURS.indexOf(b.indicateur));
}

async function objectiveOf(db: Db, code: IndicateurCode): Promise<Objectif | null> {
  return (
    (await db.one<Objectif>(
      sql`SELECT indicateur, cible, sens, marge FROM objectifs WHERE indicateur = ${code}`,
    )) ?? null
  );
}

/** Creates or replaces an indicator's objective. */
export async function setObjective(db: Db, actor: Actor, objectif: Objectif, now: Date): Promise<Objectif> {
  await db.transaction(async (tx) => {
    const avant = await objectiveOf(tx, objectif.indicateur);
    await tx.run(
      sql`INSERT INTO objectifs (indicateur, cible, sens, marge)
          VALUES (${objectif.indicateur}, ${objectif.cible}, ${objectif.sens}, ${objectif.marge})
          ON CONFLICT (indicateur) DO UPDATE SET cible = excluded.cible, sens = excluded.sens, marge = excluded.marge`,
    );
    await recordAudit(
      tx,
      actor,
      {
        action: avant ? 'modification' : 'creation',
        objet: 'objectif',
        objetId: objectif.indicateur,
        avant: avant ?? undefined,
        apres: objectif,
      },
      now,
    );
  });
  return objectif;
}

/** Takes an indicator's objective away: it is then shown without a status. */
export async function removeObjective(db: Db, actor: Actor, code: IndicateurCode, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const avant = await objectiveOf(tx, code);
    if (!avant)
      throw new NotFoundError(`L’indicateur « ${INDICATEUR_INFOS[code].libelle} » n’a pas d’objectif.`);
    await tx.run(sql`DELETE FROM objectifs WHERE indicateur = ${code}`);
    await recordAudit(tx, actor, { action: 'suppression', objet: 'objectif', objetId: code, avant }, now);
  });
}

/**
 * Reached, close (within the margin on the wrong side) or not reached. « ≥ 80 %, marge 5 »: 80 and above is
 * reached, 75 to 80 is close, below 75 is not reached.
 */
export function statusOf(valeur: number | null, objectif: Objectif | null): StatutObjectif | null {
  if (valeur === null || objectif === null) return null;
  const gap = objectif.sens === 'au_moins' ? valeur - objectif.cible : objectif.cible - valeur;
  if (gap >= 0) return 'atteint';
  return -gap <= objectif.marge ? 'proche' : 'non_atteint';
}

/** Rounded as shown: to the tenth for rates, to the unit for counts and durations. */
export function rounded(value: number, code: IndicateurCode): number {
  return INDICATEUR_INFOS[code].unite === 'pourcentage' ? Math.round(value * 10) / 10 : Math.round(value);
}

export function trendOf(
  code: IndicateurCode,
  valeur: number | null,
  precedente: number | null,
  range: { du: string; au: string },
): Tendance {
  if (valeur === null || precedente === null) return { ...range, precedente, ecart: null, sens: null };
  // Both values are already rounded; rounding the difference again drops floating-point dust (80.1 - 80 ≠ 0.1).
  const ecart = rounded(valeur - precedente, code);
  return { ...range, precedente, ecart, sens: ecart > 0 ? 'hausse' : ecart < 0 ? 'baisse' : 'stable' };
}

/** An indicator with its objective, status and trend. */
export function indicator(
  code: IndicateurCode,
  valeur: number | null,
  precedente: number | null,
  previousRange: { du: string; au: string },
  objectives: readonly Objectif[],
): Indicateur {
  const objectif = objectives.find((o) => o.indicateur === code) ?? null;
  const value = valeur === null ? null : rounded(valeur, code);
  const before = precedente === null ? null : rounded(precedente, code);
  return {
    code,
    ...INDICATEUR_INFOS[code],
    valeur: value,
    objectif,
    statut: statusOf(value, objectif),
    tendance: trendOf(code, value, before, previousRange),
  };
}
