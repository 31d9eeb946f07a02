// Affluence as a heat table: weekdays down, opening hours across, each cell shaded by its count. It is a real
// table (every cell has its number), so it needs no chart beside it.
import type { Affluence } from '../../../../common/indicateurs/types';
import { WEEKDAYS } from '../../../../common/knowledge/types';
import { WEEKDAY_LABELS, plural } from '../../ui/format';
import { heatLevel, hoursShown } from './indicateur-format';

export function AffluenceTable({ affluence }: { affluence: Affluence }) {
  const hours = hoursShown(affluence.cellules);
  const max = Math.max(0, ...affluence.cellules.map((cell) => cell.nombre));
  const count = (day: number, hour: number) =>
    affluence.cellules.find((cell) => cell.jourSemaine === day && cell.heure === hour)?.nombre ?? 0;
  return (
    <>
      <div className="table-wrap">
        <table className="figures-table heat-table" data-testid="affluence-table">
          <caption>Contacts par jour de la semaine et par heure</caption>
          <thead>
            <tr>
              <td />
              {hours.map((hour) => (
                <th key={hour} scope="col" className="num">
                  <abbr title={`de ${hour} h à ${hour + 1} h`}>{hour} h</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((name, index) => (
              <tr key={name}>
                <th scope="row">{WEEKDAY_LABELS[name]}</th>
                {hours.map((hour) => {
                  const value = count(index + 1, hour);
                  return (
                    <td key={hour} className={`num heat-${heatLevel(value, max)}`}>
                      {value}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {affluence.sansHeure > 0 && (
        <p className="hint">
          {plural(affluence.sansHeure, 'contact', 'contacts')} de la période ne figure
          {affluence.sansHeure >= 2 ? 'nt' : ''} pas dans la grille. {affluence.note}
        </p>
      )}
    </>
  );
}
