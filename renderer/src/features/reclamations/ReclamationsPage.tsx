// The register of complaints and suggestions. Every agent may record one and see the register's codes and days;
// the citizen's details and the texts reach only the roles that handle complaints (the core decides).
import { useState } from 'react';
import type { ReclamationResume } from '../../../../common/reclamations/methods';
import { STATUT_LABELS, TYPE_LABELS } from '../../../../common/reclamations/methods';
import { CANAL_LABELS } from '../../../../common/journal/codes';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { formatDate, plural } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { hasRole, useSession } from '../auth/session';
import { ReclamationDetail } from './ReclamationDetail';
import { ReclamationForm } from './ReclamationForm';

function delayText(r: ReclamationResume): string {
  if (r.enRetard) return 'En retard';
  if (r.delaiTenu === true) return 'Tenu';
  if (r.delaiTenu === false) return 'Dépassé';
  return 'En cours';
}

export function ReclamationsPage() {
  const { info } = useSession();
  const handles = hasRole(info, 'gestionnaire');
  const [version, setVersion] = useState(0);
  const [enRetard, setEnRetard] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const state = useCall('reclamations.list', enRetard ? { enRetard } : {}, { refresh: String(version) });
  const heading = useFocusHeading<HTMLHeadingElement>(state.status !== 'loading');
  const refresh = () => setVersion((v) => v + 1);

  return (
    <PageMain>
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          Réclamations et suggestions
        </h1>
        {hasRole(info, 'agent') && (
          <a className="button button-outline" href="#/satisfaction" data-testid="open-tablette">
            Tablette « Votre avis »
          </a>
        )}
      </div>
      <ReclamationForm onCreated={refresh} />
      <section className="card" aria-labelledby="reclamations-list-title">
        <h2 id="reclamations-list-title">Registre</h2>
        <label className="checkbox">
          <input type="checkbox" checked={enRetard} onChange={(event) => setEnRetard(event.target.checked)} />{' '}
          En retard seulement
        </label>
        {state.status === 'loading' && <Loading label="Chargement du registre…" />}
        {state.status === 'error' && <ErrorMessage error={state.error} />}
        {state.status === 'ok' && (
          <div className="table-wrap">
            <table className="data-table" data-testid="reclamations-table">
              <caption>
                {plural(
                  state.data.reclamations.length,
                  'réclamation ou suggestion',
                  'réclamations ou suggestions',
                )}
              </caption>
              <thead>
                <tr>
                  <th scope="col">N°</th>
                  <th scope="col">Type</th>
                  <th scope="col">Reçue le</th>
                  <th scope="col">Canal</th>
                  <th scope="col">Échéance</th>
                  <th scope="col">Étape</th>
                  <th scope="col">Délai</th>
                </tr>
              </thead>
              <tbody>
                {state.data.reclamations.map((r) => (
                  <tr key={r.id} data-testid="reclamation-row">
                    <th scope="row">
                      {handles ? (
                        <button type="button" className="link-button" onClick={() => setSelected(r.id)}>
                          {r.id}
                        </button>
                      ) : (
                        r.id
                      )}
                    </th>
                    <td>{TYPE_LABELS[r.type]}</td>
                    <td>{formatDate(r.recueLe)}</td>
                    <td>{CANAL_LABELS[r.canal]}</td>
                    <td>{formatDate(r.echeance)}</td>
                    <td>{STATUT_LABELS[r.statut]}</td>
                    <td className={r.enRetard ? 'text-error' : undefined}>{delayText(r)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {handles && selected !== null && <ReclamationDetail key={selected} id={selected} onChanged={refresh} />}
    </PageMain>
  );
}
