// Pure helpers of the redaction pages: review wording, URL params, labels. No DOM: unit-tested under Node.
import { formatDate, plural } from '../../ui/format';
import type { Params } from '../../router';

/** The params with `key` set to `value`, or removed when `value` is empty. */
export function withParam(params: Params, key: string, value: string): Params {
  const next = { ...params };
  if (value === '') delete next[key];
  else next[key] = value;
  return next;
}

/** « En retard de 3 jours », « À revoir aujourd'hui », « Dans 12 jours ». */
export function reviewLabel(joursRestants: number): string {
  if (joursRestants < 0) return `En retard de ${plural(-joursRestants, 'jour')}`;
  if (joursRestants === 0) return "À revoir aujourd'hui";
  return `Dans ${plural(joursRestants, 'jour')}`;
}

/** Whether a fiche is past its review date (« à revoir le » before today). */
export function isOverdue(aRevoir: string | undefined, today: string): boolean {
  return aRevoir !== undefined && aRevoir !== '' && aRevoir < today;
}

/** « À revoir depuis le 3 mars 2026 ». */
export function overdueLabel(aRevoir: string): string {
  return `À revoir depuis le ${formatDate(aRevoir)}`;
}

/** A synonym group as typed in one field (« cni, carte d'identité ») and back. */
export function groupText(group: readonly string[]): string {
  return group.join(', ');
}

export function parseGroup(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const expression = part.trim();
    if (expression !== '') seen.add(expression);
  }
  return [...seen];
}
