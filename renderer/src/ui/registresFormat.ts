// Pure helpers of the registries' pages: French labels, training status wording, filters ↔ URL params. No DOM:
// unit-tested under Node.
import type { FormationFilter } from '../../../common/agents/methods';
import type { PointEntite, PointType } from '../../../common/points/methods';
import type { PresenceStatut, TrainingStatus } from '../../../common/formations/methods';
import { formatDate, plural } from './format';

export const POINT_ENTITE_LABELS: Record<PointEntite, string> = {
  ville: 'Ville',
  metropole: 'Métropole',
  ccas: 'CCAS',
  autre: 'Autre',
};

export const POINT_TYPE_LABELS: Record<PointType, string> = {
  physique: 'Accueil physique',
  telephonique: 'Accueil téléphonique',
  mixte: 'Accueil mixte',
  numerique: 'Accueil numérique',
};

export const PRESENCE_LABELS: Record<PresenceStatut, string> = {
  inscrit: 'Inscrit',
  present: 'Présent',
  absent: 'Absent',
};

export const FORMATION_FILTER_LABELS: Record<FormationFilter, string> = {
  a_jour: 'À jour',
  a_recycler: 'À recycler (bientôt ou dépassé)',
  non_forme: 'Jamais formé',
};

/** « À jour », « À recycler dans 12 jours », « Expirée le 3 mars 2026 », « Jamais suivie ». */
export function trainingLabel(status: TrainingStatus): string {
  switch (status.etat) {
    case 'jamais':
      return 'Jamais suivie';
    case 'expiree':
      return status.valideJusquau ? `Expirée le ${formatDate(status.valideJusquau)}` : 'Expirée';
    case 'a_recycler': {
      const days = status.joursRestants ?? 0;
      return days === 0 ? 'À recycler : dernier jour' : `À recycler dans ${plural(days, 'jour')}`;
    }
    case 'a_jour':
      return 'À jour';
  }
}

/** The badge class of a training status (colour always doubled by the text). */
export function trainingBadgeClass(status: TrainingStatus): string {
  switch (status.etat) {
    case 'a_jour':
      return 'badge badge-open';
    case 'a_recycler':
      return 'badge badge-warning';
    case 'expiree':
      return 'badge badge-closed';
    case 'jamais':
      return 'badge reg-badge-neutral';
  }
}

/** « 12 mars 2025 », or a dash for no date. */
export function dayOrDash(day: string | null | undefined): string {
  return day ? formatDate(day) : '—';
}

/** « 24 mois », or « sans limite » for a training that never expires. */
export function validityLabel(months: number | null): string {
  return months === null ? 'sans limite' : `${months} mois`;
}

/** Filter values of a list page kept in the URL: empty ones are dropped. */
export function withParam(
  params: Record<string, string>,
  key: string,
  value: string,
): Record<string, string> {
  const next = { ...params };
  if (value === '') delete next[key];
  else next[key] = value;
  return next;
}

/** A positive integer id from a URL param, or undefined. */
export function idParam(value: string | undefined): number | undefined {
  return value !== undefined && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : undefined;
}
