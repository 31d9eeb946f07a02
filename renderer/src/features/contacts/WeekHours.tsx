import type { ContactView } from '../../../../common/contract';
import { WEEKDAY_LABELS, formatSlots } from '../../ui/format';

/** The opening hours of the whole week, today's row highlighted. */
export function WeekHours({ contact }: { contact: ContactView }) {
  return (
    <table className="hours-table" data-testid="hours-table">
      <caption className="visually-hidden">Horaires d&apos;ouverture de la semaine</caption>
      <thead>
        <tr>
          <th scope="col">Jour</th>
          <th scope="col">Horaires</th>
        </tr>
      </thead>
      <tbody>
        {contact.week.map(({ day, slots }) => {
          const today = day === contact.today.weekday;
          return (
            <tr
              key={day}
              className={today ? 'today-row' : undefined}
              aria-current={today ? 'date' : undefined}
            >
              <th scope="row">
                {WEEKDAY_LABELS[day]}
                {today && <span className="today-mark"> (aujourd&apos;hui)</span>}
              </th>
              <td className={slots.length === 0 ? 'closed' : undefined}>{formatSlots(slots)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
