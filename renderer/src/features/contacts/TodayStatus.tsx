import type { TodayHours } from '../../../../common/contract';

/** The core's sentence (« Ouvert jusqu'à 12:00 », « Fermé, ouvre à 13:30 »…) as a badge coloured by the state. */
export function TodayStatus({ today }: { today: TodayHours }) {
  return (
    <span className="today" data-testid="today-status">
      <span className={today.openNow ? 'badge badge-open' : 'badge badge-closed'}>{today.label}</span>
    </span>
  );
}
