import type { Contact, Weekday } from '../../../common/knowledge/types';
import { WEEKDAYS } from '../../../common/knowledge/types';

/** Desks are in France: "today" and "now" are Paris's, whatever the machine's clock zone. */
export const TIME_ZONE = 'Europe/Paris';

export interface LocalMoment {
  /** AAAA-MM-JJ */
  date: string;
  weekday: Weekday;
  /** HH:MM */
  time: string;
}

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  weekday: 'short',
});

const WEEKDAY_OF: Record<string, Weekday> = {
  Mon: 'lundi',
  Tue: 'mardi',
  Wed: 'mercredi',
  Thu: 'jeudi',
  Fri: 'vendredi',
  Sat: 'samedi',
  Sun: 'dimanche',
};

export function localMoment(now: Date): LocalMoment {
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.formatToParts(now).find((p) => p.type === type)?.value ?? '';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    weekday: WEEKDAY_OF[get('weekday')] ?? 'lundi',
    time: `${get('hour')}:${get('minute')}`,
  };
}

export interface DayHours {
  date: string;
  weekday: Weekday;
  slots: string[];
  closure?: { motif?: string; au: string };
  openNow: boolean;
  label: string;
}

/** A contact's hours for today, whether it is open at this minute, and the sentence an agent reads out. */
export function hoursToday(contact: Pick<Contact, 'horaires' | 'fermetures'>, now: Date): DayHours {
  const { date, weekday, time } = localMoment(now);
  const closure = contact.fermetures.find((f) => f.du <= date && date <= f.au);
  if (closure) {
    const until = closure.au === date ? "aujourd'hui" : `jusqu'au ${formatDay(closure.au)} inclus`;
    return {
      date,
      weekday,
      slots: [],
      closure: { motif: closure.motif, au: closure.au },
      openNow: false,
      label: `Fermeture exceptionnelle ${until}${closure.motif ? ` (${closure.motif})` : ''}`,
    };
  }
  const slots = contact.horaires[weekday] ?? [];
  if (slots.length === 0) return { date, weekday, slots, openNow: false, label: "Fermé aujourd'hui" };
  const ranges = slots.map((slot) => slot.split('-') as [string, string]);
  const current = ranges.find(([start, end]) => start <= time && time < end);
  if (current) return { date, weekday, slots, openNow: true, label: `Ouvert jusqu'à ${current[1]}` };
  const next = ranges.find(([start]) => time < start);
  return {
    date,
    weekday,
    slots,
    openNow: false,
    label: next ? `Fermé, ouvre à ${next[0]}` : "Fermé pour aujourd'hui",
  };
}

/** The whole week, Monday first, for the contact page. */
export function weekHours(contact: Pick<Contact, 'horaires'>): Array<{ day: Weekday; slots: string[] }> {
  return WEEKDAYS.map((day) => ({ day, slots: contact.horaires[day] ?? [] }));
}

const DAY_FORMAT = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', timeZone: 'UTC' });

function formatDay(isoDate: string): string {
  return DAY_FORMAT.format(new Date(`${isoDate}T00:00:00Z`));
}
