// Where an agent stands for one type of training on a given day: the pages, the filters and the refreshers
// due all read it from here, and the validity itself comes from training-validity.ts.
import { daysBetween } from '../../../common/dates';
import type { TrainingStatus } from '../../../common/formations/methods';
import { addDaysToDay } from '../../../common/dates';
import { latestAttended, validUntil } from './training-validity';

/** The Info'Cité training (utilisation de la base): the one the label counts and the agents list shows. */
export const INFOCITE_TYPE = 'infocite';

/** A training expiring within this many days is « à recycler ». */
export const REFRESHER_WINDOW_DAYS = 90;

export const NEVER_TRAINED: TrainingStatus = {
  etat: 'jamais',
  derniere: null,
  valideJusquau: null,
  recyclageLe: null,
  joursRestants: null,
};

/**
 * The status of one type of training from the days of the sessions the agent attended (present), with the
 * type's validity in months (null: never expires).
 */
export function trainingStatus(
  attendedDays: readonly string[],
  validiteMois: number | null,
  today: string,
  windowDays = REFRESHER_WINDOW_DAYS,
): TrainingStatus {
  const latest = latestAttended(
    attendedDays.map((date) => ({ date, validiteMois })),
    today,
  );
  if (!latest) return NEVER_TRAINED;
  const until = validUntil(latest);
  if (until === null)
    return {
      etat: 'a_jour',
      derniere: latest.date,
      valideJusquau: null,
      recyclageLe: null,
      joursRestants: null,
    };
  const joursRestants = daysBetween(today, until);
  return {
    etat: until < today ? 'expiree' : joursRestants <= windowDays ? 'a_recycler' : 'a_jour',
    derniere: latest.date,
    valideJusquau: until,
    recyclageLe: addDaysToDay(until, 1),
    joursRestants,
  };
}
