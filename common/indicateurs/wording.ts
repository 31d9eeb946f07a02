// How a period reads in the annual review and the dashboard, once for the page and the CSV: « au 31 décembre »
// only for a closed year, the same span of last year named as such, an incomplete period said to be one.
import { frenchDate } from '../french-date';
import type { Comparaison } from './periods';

function day(iso: string): string {
  return frenchDate(iso) ?? iso;
}

function range(du: string, au: string): string {
  return du === au ? `le ${day(du)}` : `du ${day(du)} au ${day(au)}`;
}

interface YearReview {
  annee: number;
  du: string;
  au: string;
  complete: boolean;
  precedente: { du: string; au: string };
}

/** The day the review's states (label register, training) are read: « au 31 décembre 2025 », « au 3 décembre 2026 ». */
export function asOf(bilan: Pick<YearReview, 'au'>): string {
  return `au ${day(bilan.au)}`;
}

/** What the review's trends compare with: « 2025 » for a closed year, else the same span, said so. */
export function comparedWith(bilan: YearReview): string {
  if (bilan.complete) return String(bilan.annee - 1);
  return `la même période de ${bilan.annee - 1} (${range(bilan.precedente.du, bilan.precedente.au)})`;
}

/** The review's period, with a warning when the year is not over. */
export function reviewPeriod(bilan: YearReview): string {
  if (bilan.complete) return `Année complète, du 1er janvier au 31 décembre ${bilan.annee}.`;
  if (bilan.du > bilan.au || bilan.au.endsWith('-12-31'))
    return `Année ${bilan.annee} non commencée : aucun chiffre encore.`;
  return (
    `Année en cours, incomplète : chiffres du 1er janvier au ${day(bilan.au)}, comparés à ` +
    `${comparedWith(bilan)}, non à l’année ${bilan.annee - 1} entière.`
  );
}

const COMPARAISONS: Record<Comparaison, string> = {
  mois_precedents: 'les mois précédents',
  meme_periode_annee_precedente: 'la même période de l’année précédente',
  meme_periode_mois_precedent: 'les mêmes jours du mois précédent',
  jours_precedents: 'autant de jours juste avant',
};

/** The dashboard's sentence on its period: what it is compared with, and whether it is still running. */
export function dashboardPeriod(
  filtres: { du: string; au: string },
  periode: { incomplete: boolean; precedente: { du: string; au: string }; comparaison: Comparaison },
): string {
  const compared = `comparée à ${COMPARAISONS[periode.comparaison]} (${range(periode.precedente.du, periode.precedente.au)})`;
  const base = `Période ${range(filtres.du, filtres.au)}, ${compared}.`;
  return periode.incomplete ? `${base} Période en cours : les chiffres sont incomplets.` : base;
}
