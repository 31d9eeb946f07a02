// The agents: who works where, and where each stands for the Info'Cité training. The filters live in the
// URL (#/agents?q=…&point=…&formation=…), so a filtered list can be bookmarked and comes back as it was.
import type { FormationFilter } from '../../../../common/agents/methods';
import { FORMATION_FILTERS } from '../../../../common/agents/methods';
import { SelectField, TextField } from '../../ui/forms/Field';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { plural } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { navigate } from '../../navigation';
import type { Params } from '../../router';
import { TrainingBadge } from '../formations/TrainingBadge';
import { FORMATION_FILTER_LABELS, idParam, withParam } from '../../ui/registresFormat';
import '../../ui/registres.css';

function formationParam(value: string | undefined): FormationFilter | undefined {
  return FORMATION_FILTERS.find((filter) => filter === value);
}

function actifParam(value: string | undefined): boolean | undefined {
  return value === 'oui' ? true : value === 'non' ? false : undefined;
}

export function AgentsPage({ params }: { params: Params }) {
  const pointId = idParam(params.point);
  const formation = formationParam(params.formation);
  const actif = actifParam(params.actif);
  const q = params.q ?? '';
  const agents = useCall(
    'agents.list',
    { q: q.trim() || undefined, pointId, formation, actif },
    { keepPrevious: true },
  );
  const points = useCall('points.list', {});

  const setParam = (key: string, value: string) =>
    navigate({ name: 'agents', params: withParam(params, key, value) }, { replace: true });

  return (
    <PageMain className="reg-page">
      <div className="page-toolbar">
        <h1>Agents</h1>
        <a href="#/agents/import" className="button-link" data-testid="agents-import-link">
          Importer un fichier CSV
        </a>
        <a href="#/agents/nouveau" className="button-link button-link-primary" data-testid="agent-new">
          Nouvel agent
        </a>
      </div>

      <form
        className="reg-filters"
        role="search"
        aria-label="Filtrer les agents"
        onSubmit={(e) => e.preventDefault()}
      >
        <TextField
          id="agents-q"
          label="Nom, service ou courriel"
          type="search"
          value={q}
          onChange={(e) => setParam('q', e.target.value)}
          autoComplete="off"
        />
        <SelectField
          id="agents-point"
          label="Point d'accueil"
          value={pointId === undefined ? '' : String(pointId)}
          onChange={(e) => setParam('point', e.target.value)}
          placeholder="Tous les points"
          options={
            points.status === 'ok'
              ? points.data.points.map((p) => ({
                  value: String(p.id),
                  label: p.ouvert ? p.nom : `${p.nom} (fermé)`,
                }))
              : []
          }
        />
        <SelectField
          id="agents-formation"
          label="Formation Info'Cité"
          value={formation ?? ''}
          onChange={(e) => setParam('formation', e.target.value)}
          placeholder="Toutes"
          options={FORMATION_FILTERS.map((value) => ({ value, label: FORMATION_FILTER_LABELS[value] }))}
        />
        <SelectField
          id="agents-actif"
          label="Activité"
          value={params.actif === 'oui' || params.actif === 'non' ? params.actif : ''}
          onChange={(e) => setParam('actif', e.target.value)}
          placeholder="Tous"
          options={[
            { value: 'oui', label: 'En activité' },
            { value: 'non', label: 'Inactifs' },
          ]}
        />
      </form>

      {agents.status === 'loading' && <Loading label="Chargement des agents…" />}
      {agents.status === 'error' && <ErrorMessage error={agents.error} />}
      {agents.status === 'ok' && (
        <>
          <p className="reg-count" role="status" data-testid="agents-count">
            {plural(agents.data.agents.length, 'agent')}
          </p>
          {agents.data.agents.length > 0 && (
            <div className="table-wrap">
              <table className="reg-table" data-testid="agents-table">
                <caption className="visually-hidden">
                  Agents, avec leurs points d&apos;accueil actuels et leur formation Info&apos;Cité
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Agent</th>
                    <th scope="col">Service</th>
                    <th scope="col">Points d&apos;accueil</th>
                    <th scope="col">Formation Info&apos;Cité</th>
                    <th scope="col">Activité</th>
                  </tr>
                </thead>
                <tbody>
                  {agents.data.agents.map((agent) => (
                    <tr key={agent.id} data-testid="agent-row">
                      <th scope="row">
                        <a href={`#/agents/${agent.id}`}>
                          {agent.nom} {agent.prenom}
                        </a>
                      </th>
                      <td>{agent.service || <span className="muted">—</span>}</td>
                      <td>
                        {agent.points.length > 0 ? (
                          agent.points.map((p, index) => (
                            <span key={p.id}>
                              {index > 0 && ', '}
                              <a href={`#/points/${p.id}`}>{p.nom}</a>
                            </span>
                          ))
                        ) : (
                          <span className="muted">Aucun</span>
                        )}
                      </td>
                      <td>
                        <TrainingBadge status={agent.infocite} testId="agent-infocite" />
                      </td>
                      <td>
                        {agent.actif ? (
                          'En activité'
                        ) : (
                          <span className="badge reg-badge-neutral">Inactif</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </PageMain>
  );
}
