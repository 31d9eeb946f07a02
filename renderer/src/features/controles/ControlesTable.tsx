// A list of internal audits: the point, when, how, by whom, where it stands and what it found.
import type { ControleSummary } from '../../../../common/controles/types';
import { MODE_LABELS } from '../../../../common/controles/types';
import { formatDate } from '../../ui/format';
import { ControleStatutBadge } from './ControleBadges';

export function findingsText(c: ControleSummary): string {
  const parts = [
    c.constats.majeure > 0 ? `${c.constats.majeure} majeure(s)` : '',
    c.constats.mineure > 0 ? `${c.constats.mineure} mineure(s)` : '',
    c.constats.sensible > 0 ? `${c.constats.sensible} point(s) sensible(s)` : '',
    c.constats.fort > 0 ? `${c.constats.fort} point(s) fort(s)` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : '—';
}

export function ControlesTable({
  controles,
  caption,
  showPoint = true,
}: {
  controles: ControleSummary[];
  caption: string;
  showPoint?: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className="label-table" data-testid="controles-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Audit</th>
            {showPoint && <th scope="col">Point</th>}
            <th scope="col">Date</th>
            <th scope="col">Mode</th>
            <th scope="col">Auditeur</th>
            <th scope="col">État</th>
            <th scope="col">Constats</th>
          </tr>
        </thead>
        <tbody>
          {controles.map((c) => (
            <tr key={c.id} data-testid="controle-row">
              <th scope="row">
                <a href={`#/controles/${c.id}`}>
                  {c.grilleNom} (v{c.version})
                </a>
              </th>
              {showPoint && <td>{c.pointNom}</td>}
              <td>{c.realiseLe ? formatDate(c.realiseLe) : `prévu le ${formatDate(c.prevuLe)}`}</td>
              <td>{MODE_LABELS[c.mode]}</td>
              <td>
                {c.auditeur.prenom} {c.auditeur.nom}
              </td>
              <td>
                <ControleStatutBadge statut={c.statut} />
              </td>
              <td>{findingsText(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
