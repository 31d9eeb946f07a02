// The annual review's internal audits and corrective actions: the audits of the year and their findings, the
// actions of the year, those carried over from earlier years (still open when the year began), what was done,
// and the saved plan's lines not yet followed as corrective actions (each can become one).
import type { CorrectiveAction } from '../../../../common/actions/types';
import { formatRoute } from '../../router';
import type { PlanBilan } from '../../../../common/indicateurs/types';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { plural } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { ActionsTable } from '../actions/ActionsPage';
import { ControlesTable } from './ControlesTable';

function followHref(annee: number, index: number, line: PlanBilan['actions'][number]): string {
  const params: Record<string, string> = { origine: 'bilan', origineId: `${annee}:${index}` };
  const quoi = [line.action, line.constat ? `(constat : ${line.constat})` : ''].filter(Boolean).join(' ');
  if (quoi) params.quoi = quoi;
  if (line.responsable) params.responsable = line.responsable;
  if (line.echeance) params.echeance = line.echeance;
  if (line.suivi) params.indicateur = line.suivi;
  return formatRoute({ name: 'action', id: null, params });
}

function Actions({ list, caption, empty }: { list: CorrectiveAction[]; caption: string; empty: string }) {
  return list.length === 0 ? <p>{empty}</p> : <ActionsTable actions={list} caption={caption} />;
}

export function ControlesBilan({ annee, plan }: { annee: number; plan: PlanBilan }) {
  const state = useCall('controles.bilan', { annee });
  return (
    <section className="bilan-section" aria-labelledby="controles-title" data-testid="bilan-controles">
      <h2 id="controles-title">7. Audits internes et actions correctives</h2>
      {state.status === 'loading' && <Loading label="Chargement des audits…" />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ok' && (
        <>
          <h3>Audits internes de l&apos;année</h3>
          <p data-testid="bilan-controles-summary">
            {plural(
              state.data.controles.filter((c) => c.statut === 'termine').length,
              'audit terminé',
              'audits terminés',
            )}
            ,{' '}
            {plural(
              state.data.controles.filter((c) => c.statut !== 'termine').length,
              'audit prévu',
              'audits prévus',
            )}{' '}
            ; constats : {state.data.constats.majeure} non-conformité(s) majeure(s),{' '}
            {state.data.constats.mineure} mineure(s), {state.data.constats.sensible} point(s) sensible(s),{' '}
            {state.data.constats.fort} point(s) fort(s).
          </p>
          {state.data.controles.length > 0 && (
            <ControlesTable controles={state.data.controles} caption={`Audits internes ${annee}`} />
          )}
          <h3>Actions correctives</h3>
          <p data-testid="bilan-actions-summary">
            {plural(state.data.nouvelles.length, 'action engagée', 'actions engagées')} dans l&apos;année,{' '}
            {plural(state.data.reportees.length, 'action reportée', 'actions reportées')} des années
            précédentes ; {plural(state.data.faites, 'action faite', 'actions faites')} dans l&apos;année,{' '}
            {plural(state.data.ouvertes, 'encore ouverte', 'encore ouvertes')}.
          </p>
          <h4>Engagées dans l&apos;année</h4>
          <Actions list={state.data.nouvelles} caption={`Actions ${annee}`} empty="Aucune action engagée." />
          <h4>Reportées des années précédentes</h4>
          <Actions
            list={state.data.reportees}
            caption="Actions reportées"
            empty="Aucune action ouverte ne venait des années précédentes."
          />
          {plan.actions.some((_, i) => !state.data.lignesSuivies.includes(i)) && (
            <div className="no-print" data-testid="bilan-plan-follow">
              <h4>Lignes du plan d&apos;action à suivre comme actions correctives</h4>
              <ul>
                {plan.actions.map((line, index) =>
                  state.data.lignesSuivies.includes(index) ? null : (
                    <li key={index}>
                      {line.action || line.constat}{' '}
                      <a href={followHref(annee, index, line)}>Suivre comme action corrective</a>
                    </li>
                  ),
                )}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}
