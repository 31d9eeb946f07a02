// Objectives: one per indicator (« taux de réponse au premier niveau ≥ 80 % »), the status a value earns
// against it, and the trend against the previous period. Changes are audited like the registries'.
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { NotFoundError } from '../errors';
import type { Db } from '../store/db';
import type { Indicateur, Objectif, StatutObjectif, Tendance } from '../../../common/indicateurs/types';
import type { IndicateurCode } from '../../../common/indicateurs/codes';
import { INDICATEURS, INDICATEUR_INFOS } from '../../../common/indicateurs/codes';

export function listObjectives(db: Db): Objectif[] {
  const rows = db.prepare('SELECT indicateur, cible, sens, marge FROM objectifs').all() as Objectif[];
  // In the dashboard's order, not the table's.
  return rows
    .filter((row) => (INDICATEURS as readonly string[]).includes(row.indicateur))
    .sort((a, b) => INDICATEURS.indexOf(a.indicateur) - INDICATEURS.indexOf(b.indicateur));
}

function objectiveOf(db: Db, code: IndicateurCode): Objectif | null {
  return (
    (db.prepare('SELECT indicateur, cible, sens, marge FROM objectifs WHERE indicateur = ?').get(code) as
      Objectif | undefined) ?? null
  );
}

/** Creates or replaces an indicator's objective. */
export function setObjective(db: Db, actor: Actor, objectif: Objectif, now: Date): Objectif {
  db.legacyTransaction(() => {
    const avant = objectiveOf(db, objectif.indicateur);
    db.prepare(
      `INSERT INTO objectifs (indicateur, cible, sens, marge) VALUES (?, ?, ?, ?)
       ON CONFLICT (indicateur) DO UPDATE SET cible = excluded.cible, sens = excluded.sens, marge = excluded.marge`,
    ).run(objectif.indicateur, objectif.cible, objectif.sens, objectif.marge);
    recordAudit(
      db,
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
  })();
  return objectif;
}

/** Takes an indicator's objective away: it is then shown without a status. */
export function removeObjective(db: Db, actor: Actor, code: IndicateurCode, now: Date): void {
  db.legacyTransaction(() => {
    const avant = objectiveOf(db, code);
    if (!avant)
      throw new NotFoundError(`L’indicateur « ${INDICATEUR_INFOS[code].libelle} » n’a pas d’objectif.`);
    db.prepare('DELETE FROM objectifs WHERE indicateur = ?').run(code);
    recordAudit(db, actor, { action: 'suppression', objet: 'objectif', objetId: code, avant }, now);
  })();
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
