// Pure wording of flash info for the pages (no DOM: unit-tested under Node).
import type { FlashDetail, FlashFields, FlashSummary } from '../../../../common/flash/methods';
import { formatDate, formatDateRange, plural } from '../../ui/format';

/** « 3 sur 5 ont lu », « Personne n’a encore lu (4 attendus) », « Aucun agent concerné ». */
export function readCount(summary: Pick<FlashSummary, 'lus' | 'attendus'>): string {
  if (summary.attendus === 0) return 'Aucun agent concerné pour l’instant';
  if (summary.lus === 0)
    return `Personne n’a encore lu (${plural(summary.attendus, 'agent attendu', 'agents attendus')})`;
  if (summary.lus === summary.attendus)
    return summary.lus === 1 ? 'Lu par la personne attendue' : `Lu par les ${summary.lus}`;
  return `${summary.lus} sur ${summary.attendus} ont lu`;
}

/** « Tous les points d’accueil » or the points' names. */
export function targetText(summary: Pick<FlashSummary, 'tousPoints' | 'points'>): string {
  if (summary.tousPoints) return 'Tous les points d’accueil';
  return summary.points.map((point) => point.nom).join(', ');
}

/** « du 1er décembre 2026 au 10 décembre 2026 », « le 3 décembre 2026 ». */
export function periodText(flash: { debut: string; fin: string }): string {
  return `Affichée ${formatDateRange(flash.debut, flash.fin)}`;
}

/** What the desk says under an announcement: until when it is shown. */
export function untilText(fin: string): string {
  return `Jusqu’au ${formatDate(fin)} inclus`;
}

/** The form's values: the contract's fields, fiche titles kept aside for display. */
export interface FlashForm extends FlashFields {
  ficheTitres: Record<string, string>;
}

export function emptyFlashForm(today: string): FlashForm {
  return {
    titre: '',
    texte: '',
    debut: today,
    fin: today,
    tousPoints: true,
    pointIds: [],
    ficheIds: [],
    ficheTitres: {},
  };
}

export function formOf(detail: FlashDetail): FlashForm {
  return {
    titre: detail.titre,
    texte: detail.texte,
    debut: detail.debut,
    fin: detail.fin,
    tousPoints: detail.tousPoints,
    pointIds: detail.points.map((point) => point.id),
    ficheIds: detail.fiches.map((fiche) => fiche.id),
    ficheTitres: Object.fromEntries(
      detail.fiches.map((fiche) => [fiche.id, fiche.titre ?? `${fiche.id} (fiche retirée)`]),
    ),
  };
}

/** What is sent: the form without the display-only titles. */
export function fieldsOf(form: FlashForm): FlashFields {
  const { ficheTitres: _titles, ...fields } = form;
  return fields;
}
