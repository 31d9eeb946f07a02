// Pure formatting helpers: French dates, hours, labels. No DOM here, so they are unit-tested under Node.
import { frenchDate } from '../../../common/french-date';
import type { Canal, Entite, Fermeture, Weekday } from '../../../common/knowledge/types';

/** « 15 septembre 2026 », « 1er mars 2026 » from « 2026-09-15 ». Anything unparseable is returned as is. */
export function formatDate(iso: string): string {
  return frenchDate(iso) ?? iso;
}

/** « le 26 décembre 2026 » for a single day, « du 24 décembre 2026 au 2 janvier 2027 » otherwise. */
export function formatDateRange(du: string, au: string): string {
  if (du === au) return `le ${formatDate(du)}`;
  return `du ${formatDate(du)} au ${formatDate(au)}`;
}

/** The local calendar date as AAAA-MM-JJ. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function formatTime(time: string): string {
  const [hours = '', minutes = ''] = time.split(':');
  return `${Number(hours)}h${minutes}`;
}

/** « 08:30-12:00 » → « 8h30 – 12h00 ». */
export function formatSlot(slot: string): string {
  const [start, end] = slot.split('-');
  if (!start || !end) return slot;
  return `${formatTime(start)} – ${formatTime(end)}`;
}

/** All the slots of a day, or « Fermé ». */
export function formatSlots(slots: readonly string[]): string {
  if (slots.length === 0) return 'Fermé';
  return slots.map(formatSlot).join(' et ');
}

/** When the index was built: the time alone for today, the date and time otherwise. */
export function formatBuiltAt(iso: string, now: Date): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  const day = isoDay(date);
  return day === isoDay(now) ? `aujourd'hui à ${time}` : `le ${formatDate(day)} à ${time}`;
}

/** « 0 résultat », « 1 résultat », « 12 résultats » (French singular for 0 and 1). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count >= 2 ? pluralForm : singular}`;
}

/** A `tel:` URL from a number written for humans (« 01 99 00 11 10 », « +33 1 99 00 11 10 »). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function isHttpsUrl(url: string | undefined): url is string {
  if (!url) return false;
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Closures that are not over yet, soonest first. Dates are AAAA-MM-JJ, so they compare as text. */
export function upcomingClosures(fermetures: readonly Fermeture[], today: string): Fermeture[] {
  return fermetures.filter((f) => f.au >= today).sort((a, b) => a.du.localeCompare(b.du));
}

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  lundi: 'Lundi',
  mardi: 'Mardi',
  mercredi: 'Mercredi',
  jeudi: 'Jeudi',
  vendredi: 'Vendredi',
  samedi: 'Samedi',
  dimanche: 'Dimanche',
};

export const ENTITE_LABELS: Record<Entite, string> = {
  ville: 'Ville',
  metropole: 'Métropole',
  ccas: 'CCAS',
  partenaire: 'Partenaire',
};

export const CANAL_LABELS: Record<Canal, string> = {
  accueil_physique: 'Accueil physique',
  telephone: 'Téléphone',
  courriel: 'Courriel',
  en_ligne: 'En ligne',
};
