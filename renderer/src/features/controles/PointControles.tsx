// A point's internal audits and its open findings, on the point's page.
import { useCall } from '../../ui/hooks/useCall';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { formatDate } from '../../ui/format';
import { GraviteBadge } from './ControleBadges';
import { ControlesTable } from './ControlesTable';

export function PointControles({ pointId }: { pointId: number }) {
  const state = useCall('controles.point', { pointId });
  return (
    <section aria-labelledby="point-controles-title" data-testid="point-controles">
      <h2 id="point-controles-title">Audits internes</h2>
      {state.status === 'loading' && <Loading label="Chargement des audits du point…" />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ok' && (
        <>
          {state.data.constatsOuverts.length === 0 ? (
            <p data-testid="point-constats-none">Aucun constat ouvert.</p>
          ) : (
            <ul aria-label="Constats ouverts" data-testid="point-constats">
              {state.data.constatsOuverts.map((c) => (
                <li key={c.id}>
                  <GraviteBadge gravite={c.gravite} /> {c.texte} —{' '}
                  <a href={`#/controles/${c.controleId}`}>
                    audit{c.realiseLe ? ` du ${formatDate(c.realiseLe)}` : ''}
                  </a>
                  {c.actions.length > 0 ? ` (${c.actions.length} action(s) corrective(s))` : ''}
                </li>
              ))}
            </ul>
          )}
          {state.data.controles.length === 0 ? (
            <p>Aucun audit interne de ce point.</p>
          ) : (
            <ControlesTable controles={state.data.controles} caption="Audits du point" showPoint={false} />
          )}
          <p>
            <a href="#/controles">Planifier un audit</a>
          </p>
        </>
      )}
    </section>
  );
}
