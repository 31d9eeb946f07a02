// Each indicator with its value, its objective, the status it earns (atteint, proche, non atteint) and its
// trend against the previous period: the arrow is drawn for the eye, the sentence is there for everyone.
import type { Indicateur, StatutObjectif } from '../../../../common/indicateurs/types';
import {
  STATUT_LABELS,
  formatValue,
  objectiveText,
  trendArrow,
  trendText,
  trendTone,
} from './indicateur-format';

/** The global badges' green, amber and red say what an objective's status says. */
const STATUT_BADGES: Record<StatutObjectif, string> = {
  atteint: 'badge-open',
  proche: 'badge-warning',
  non_atteint: 'badge-closed',
};

export function IndicateursTable({
  indicateurs,
  caption,
  previousLabel,
}: {
  indicateurs: Indicateur[];
  caption: string;
  /** « Période précédente », « Année précédente ». */
  previousLabel: string;
}) {
  return (
    <div className="table-wrap">
      <table className="figures-table indicators-table" data-testid="indicators-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Indicateur</th>
            <th scope="col" className="num">
              Valeur
            </th>
            <th scope="col">Objectif</th>
            <th scope="col">Statut</th>
            <th scope="col" className="num">
              {previousLabel}
            </th>
            <th scope="col">Tendance</th>
          </tr>
        </thead>
        <tbody>
          {indicateurs.map((indicateur) => {
            const { code, unite, tendance } = indicateur;
            return (
              <tr key={code} data-testid={`indicator-${code}`}>
                <th scope="row">{indicateur.libelle}</th>
                <td className="num indicator-value" data-testid={`indicator-${code}-value`}>
                  {formatValue(indicateur.valeur, unite)}
                </td>
                <td>{objectiveText(indicateur.objectif, unite) || <span className="muted">Aucun</span>}</td>
                <td>
                  {indicateur.statut ? (
                    <span
                      className={`badge ${STATUT_BADGES[indicateur.statut]}`}
                      data-testid={`indicator-${code}-status`}
                    >
                      {STATUT_LABELS[indicateur.statut]}
                    </span>
                  ) : (
                    <span className="muted">–</span>
                  )}
                </td>
                <td className="num">{formatValue(tendance.precedente, unite)}</td>
                <td>
                  <span className={`trend trend-${trendTone(indicateur)}`}>
                    <span aria-hidden="true" className="trend-arrow">
                      {trendArrow(tendance.sens)}
                    </span>{' '}
                    <span className="trend-text">{trendText(tendance, unite)}</span>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
