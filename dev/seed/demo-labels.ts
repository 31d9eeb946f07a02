// A point's label history from its story: the decisions as the spreadsheets recorded them, oldest first.
import { addDaysToDay, addMonthsToDay } from '../../common/dates';
import type { LabelStory } from './demo-points';

/** The label's length in the demo: the default setting, 36 months. */
const DUREE_MOIS = 36;

export interface DemoEvent {
  action: 'demander' | 'instruire' | 'accorder' | 'refuser' | 'renouveler' | 'suspendre' | 'retirer';
  statut: 'demande' | 'instruction' | 'labellise' | 'refuse' | 'renouvele' | 'suspendu' | 'retire';
  date: string;
  expireLe: string | null;
  motif: string | null;
}

function event(
  action: DemoEvent['action'],
  statut: DemoEvent['statut'],
  date: string,
  expireLe: string | null = null,
  motif: string | null = null,
): DemoEvent {
  return { action, statut, date, expireLe, motif };
}

/** Requested, examined, then granted on `date` for 36 months. */
function grant(date: string): DemoEvent[] {
  return [
    event('demander', 'demande', addDaysToDay(date, -75)),
    event('instruire', 'instruction', addDaysToDay(date, -40)),
    event('accorder', 'labellise', date, addMonthsToDay(date, DUREE_MOIS)),
  ];
}

export function labelHistory(story: LabelStory, today: string): DemoEvent[] {
  const monthsAgo = (months: number) => addMonthsToDay(today, -months);
  const daysAgo = (days: number) => addDaysToDay(today, -days);
  switch (story.kind) {
    case 'aucun':
      return [];
    case 'demande':
      return [event('demander', 'demande', daysAgo(story.daysAgo))];
    case 'instruction':
      return [
        event('demander', 'demande', daysAgo(story.daysAgo + 30)),
        event('instruire', 'instruction', daysAgo(story.daysAgo)),
      ];
    case 'labellise':
      return grant(monthsAgo(story.monthsAgo));
    case 'renouvele': {
      // Renewed two months before the first grant ran out: the new period starts at the old expiry.
      const renewed = monthsAgo(story.monthsAgo);
      const first = grant(addMonthsToDay(renewed, -(DUREE_MOIS - 2)));
      const expiry = first.at(-1)?.expireLe ?? renewed;
      return [...first, event('renouveler', 'renouvele', renewed, addMonthsToDay(expiry, DUREE_MOIS))];
    }
    case 'suspendu': {
      const first = grant(monthsAgo(story.grantedMonthsAgo));
      // A suspended label keeps its expiry, should the suspension be lifted.
      const expiry = first.at(-1)?.expireLe ?? null;
      return [...first, event('suspendre', 'suspendu', daysAgo(story.daysAgo), expiry, story.motif)];
    }
    case 'retire':
      return [
        ...grant(monthsAgo(story.grantedMonthsAgo)),
        event('retirer', 'retire', daysAgo(story.daysAgo), null, story.motif),
      ];
    case 'refuse':
      return [
        event('demander', 'demande', daysAgo(story.daysAgo + 60)),
        event('instruire', 'instruction', daysAgo(story.daysAgo + 30)),
        event('refuser', 'refuse', daysAgo(story.daysAgo), null, story.motif),
      ];
    case 'expire':
      return grant(monthsAgo(story.grantedMonthsAgo));
  }
}
