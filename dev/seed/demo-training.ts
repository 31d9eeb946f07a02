// The demo's training calendar: an Info'Cité session every month over the last three years, the other types
// a few times a year, and the next sessions already open for registration.
import { addDaysToDay } from '../../common/dates';
import { FORMATEURS, LIEUX } from './demo-people';
import type { Random } from './random';

export interface DemoSession {
  id: number;
  type: string;
  date: string;
}

export type InsertSession = (type: string, date: string, formateur: string, lieu: string) => Promise<number>;

/** Training days are Tuesdays and Thursdays: the first one on or after `day`. */
function trainingDay(day: string): string {
  let current = day;
  for (;;) {
    const weekday = new Date(`${current}T12:00:00Z`).getUTCDay();
    if (weekday === 2 || weekday === 4) return current;
    current = addDaysToDay(current, 1);
  }
}

/** The other types: first session this many days ago, then one every `every` days. */
const OTHER_TYPES: Array<{ type: string; first: number; every: number }> = [
  { type: 'accueil', first: 1060, every: 180 },
  { type: 'posture', first: 1000, every: 240 },
  { type: 'numerique', first: 1030, every: 200 },
  { type: 'handicap', first: 950, every: 300 },
];

export class TrainingCalendar {
  readonly past: DemoSession[] = [];
  readonly upcoming: DemoSession[] = [];

  private constructor(
    private readonly today: string,
    private readonly random: Random,
  ) {}

  /** The calendar from `today`, its sessions written through `insert`, one after the other. */
  static async create(today: string, random: Random, insert: InsertSession): Promise<TrainingCalendar> {
    const calendar = new TrainingCalendar(today, random);
    const add = async (type: string, daysFromToday: number, list: DemoSession[]) => {
      const date = trainingDay(addDaysToDay(today, daysFromToday));
      const formateur = type === 'infocite' ? FORMATEURS[random.int(0, 1)] : random.pick(FORMATEURS);
      const lieu = random.pick(LIEUX);
      list.push({ id: await insert(type, date, formateur ?? '', lieu), type, date });
    };
    for (let k = 0; k < 36; k++) await add('infocite', -1080 + k * 30, calendar.past);
    for (const { type, first, every } of OTHER_TYPES)
      for (let days = first; days >= 20; days -= every) await add(type, -days, calendar.past);
    await add('infocite', 21, calendar.upcoming);
    await add('accueil', 35, calendar.upcoming);
    return calendar;
  }

  /** A past session of `type` held between `maxDaysAgo` and `minDaysAgo` days ago (chosen at random), if any. */
  find(type: string, minDaysAgo: number, maxDaysAgo: number): DemoSession | undefined {
    const from = addDaysToDay(this.today, -maxDaysAgo);
    const to = addDaysToDay(this.today, -minDaysAgo);
    const fitting = this.past.filter((s) => s.type === type && s.date >= from && s.date <= to);
    return fitting.length === 0 ? undefined : this.random.pick(fitting);
  }

  /** As `find`, for the windows the calendar always covers: an empty one is a bug of the seed. */
  between(type: string, minDaysAgo: number, maxDaysAgo: number): DemoSession {
    const session = this.find(type, minDaysAgo, maxDaysAgo);
    if (!session) throw new Error(`no ${type} session between ${maxDaysAgo} and ${minDaysAgo} days ago`);
    return session;
  }

  ofType(type: string): DemoSession[] {
    return this.past.filter((s) => s.type === type);
  }

  next(type: string): DemoSession | undefined {
    return this.upcoming.find((s) => s.type === type);
  }
}

/** How many days before `today` a session was held. */
export function daysBefore(today: string, date: string): number {
  return Math.round((Date.parse(`${today}T12:00:00Z`) - Date.parse(`${date}T12:00:00Z`)) / 86_400_000);
}
