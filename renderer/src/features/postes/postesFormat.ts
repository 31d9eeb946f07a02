// The city's desks and their refused sends as the window shows them. Pure: unit-tested under Node.
import type { OutboxKind, RejetView } from '../../../../common/sync/methods';

/** Each kind of entry a desk sends, as an administrator reads it. */
export const REJET_KIND_LABELS: Record<OutboxKind, string> = {
  'journal.record': 'Contact enregistré',
  'journal.update': 'Correction',
  'journal.cancel': 'Annulation',
  'journal.recordSearch': 'Recherche',
  'avis.record': 'Avis sur une fiche',
};

/** A refused entry's kind in French; a malformed entry's kind as it came. */
export function rejetKindLabel(kind: string): string {
  return (REJET_KIND_LABELS as Record<string, string | undefined>)[kind] ?? `Entrée illisible (${kind})`;
}

/**
 * The enrolment code as it is read out to the person at the desk: « ABCD-EFGH-JKMN », groups of four. The desk
 * ignores dashes and spaces, so the grouping only helps the eye.
 */
export function formatEnrolmentCode(code: string): string {
  const bare = code.replace(/[\s-]/g, '').toUpperCase();
  return (bare.match(/.{1,4}/g) ?? []).join('-');
}

/** Who made a refused entry: the account's name when the accounts list knows it, its number otherwise. */
export function authorLabel(compteId: number, names: ReadonlyMap<number, string>): string {
  const nom = names.get(compteId);
  return nom === undefined ? `Compte n° ${compteId} (inconnu)` : nom;
}

/**
 * The list after a settlement: the answer replaces its row. A settled row leaves the list of open ones; a row
 * still refused stays, with its new reason.
 */
export function replaceRejet(
  rejets: readonly RejetView[],
  settled: RejetView,
  showSettled: boolean,
): RejetView[] {
  return rejets.flatMap((rejet) => {
    if (rejet.id !== settled.id) return [rejet];
    return settled.traiteLe !== null && !showSettled ? [] : [settled];
  });
}

/** « 3 envois refusés », « 1 envoi refusé », « Aucun envoi refusé ». */
export function rejetsCountLabel(count: number): string {
  if (count === 0) return 'Aucun envoi refusé';
  return count === 1 ? '1 envoi refusé' : `${count} envois refusés`;
}
