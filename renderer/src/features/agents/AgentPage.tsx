// One agent: identity, assignments (add, end, remove), training by type with its validity and refresher
// date, and every session the agent was registered for.
import type { FormEvent } from 'react';
import { useState } from 'react';
import type { AgentView, AssignmentView } from '../../../../common/agents/methods';
import { assignmentFields } from '../../../../common/agents/methods';
import { call, toApiError } from '../../api';
import { SelectField, TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { NotReady } from '../../ui/forms/NotReady';
import { ParentLink } from '../../ui/forms/ParentLink';
import type { FieldErrors } from '../../ui/forms/checkForm';
import { checkForm } from '../../ui/forms/checkForm';
import { PageMain } from '../../ui/PageMain';
import { isoDay } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { TrainingBadge } from '../formations/TrainingBadge';
import { PRESENCE_LABELS, dayOrDash, validityLabel } from '../../ui/registresFormat';
import { useRecord } from '../../ui/hooks/useRecord';
import '../../ui/registres.css';

export function AgentPage({ id }: { id: number }) {
  const [state, setAgent] = useRecord('agents.get', { id });
  const heading = useFocusHeading<HTMLHeadingElement>(state.status === 'ok');

  if (state.status !== 'ok')
    return <NotReady title="Agent" state={state} loadingLabel="Chargement de l'agent…" />;
  const agent = state.data;
  return (
    <PageMain className="reg-page">
      <ParentLink href="#/agents">Retour aux agents</ParentLink>
      <div className="page-toolbar">
        <h1 ref={heading} tabIndex={-1} data-testid="agent-title">
          {agent.prenom} {agent.nom}
        </h1>
        <a href={`#/agents/${agent.id}/modifier`} className="button-link" data-testid="agent-edit">
          Modifier
        </a>
      </div>
      <section className="card" aria-labelledby="agent-identity">
        <h2 id="agent-identity">Identité</h2>
        <dl className="reg-facts">
          <dt>Service</dt>
          <dd>{agent.service || '—'}</dd>
          <dt>Courriel</dt>
          <dd>{agent.courriel ? <a href={`mailto:${agent.courriel}`}>{agent.courriel}</a> : '—'}</dd>
          <dt>Activité</dt>
          <dd data-testid="agent-actif-state">{agent.actif ? 'En activité' : 'Inactif'}</dd>
        </dl>
      </section>
      <Assignments agent={agent} onChange={setAgent} />
      <Trainings agent={agent} />
      <Sessions agent={agent} />
    </PageMain>
  );
}

function Assignments({ agent, onChange }: { agent: AgentView; onChange(agent: AgentView): void }) {
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const run = async (action: () => Promise<AgentView>, success: string) => {
    try {
      onChange(await action());
      setMessage({ kind: 'success', text: success });
      return true;
    } catch (error) {
      setMessage({ kind: 'error', text: toApiError(error).message });
      return false;
    }
  };
  return (
    <section className="card" aria-labelledby="agent-assignments">
      <h2 id="agent-assignments">Affectations</h2>
      {message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}
      {agent.affectations.length === 0 ? (
        <p className="muted">Cet agent n&apos;a jamais été affecté à un point d&apos;accueil.</p>
      ) : (
        <div className="table-wrap">
          <table className="reg-table" data-testid="assignments-table">
            <caption className="visually-hidden">
              Affectations de l&apos;agent aux points d&apos;accueil
            </caption>
            <thead>
              <tr>
                <th scope="col">Point d&apos;accueil</th>
                <th scope="col">Début</th>
                <th scope="col">Fin</th>
                <th scope="col">État</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {agent.affectations.map((a) => (
                <AssignmentRow
                  key={a.id}
                  assignment={a}
                  onEnd={(fin) =>
                    run(() => call('affectations.end', { id: a.id, fin }), 'Affectation terminée.')
                  }
                  onRemove={() =>
                    run(() => call('affectations.remove', { id: a.id }), 'Affectation supprimée.')
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddAssignment
        agentId={agent.id}
        onAdd={(input) => run(() => call('affectations.add', input), 'Affectation ajoutée.')}
      />
    </section>
  );
}

function AssignmentRow({
  assignment: a,
  onEnd,
  onRemove,
}: {
  assignment: AssignmentView;
  onEnd(fin: string): Promise<boolean>;
  onRemove(): Promise<boolean>;
}) {
  const [mode, setMode] = useState<'idle' | 'end' | 'remove'>('idle');
  const [fin, setFin] = useState(isoDay(new Date()));
  const label = `${a.point.nom} depuis le ${dayOrDash(a.debut)}`;
  return (
    <tr data-testid="assignment-row">
      <th scope="row">
        <a href={`#/points/${a.point.id}`}>{a.point.nom}</a>
        {!a.point.ouvert && <span className="muted"> (fermé)</span>}
      </th>
      <td>{dayOrDash(a.debut)}</td>
      <td>{a.fin ? dayOrDash(a.fin) : <span className="muted">—</span>}</td>
      <td>
        {a.enCours ? (
          <span className="badge badge-open">En cours</span>
        ) : a.debut > isoDay(new Date()) ? (
          'À venir'
        ) : (
          'Terminée'
        )}
      </td>
      <td>
        {mode === 'idle' && (
          <div className="reg-actions">
            {a.fin === null && (
              <button
                type="button"
                className="button button-outline button-small"
                onClick={() => setMode('end')}
              >
                Terminer<span className="visually-hidden"> l&apos;affectation {label}</span>
              </button>
            )}
            <button
              type="button"
              className="button reg-button-danger button-small"
              onClick={() => setMode('remove')}
            >
              Supprimer<span className="visually-hidden"> l&apos;affectation {label}</span>
            </button>
          </div>
        )}
        {mode === 'end' && (
          <form
            className="reg-inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              void onEnd(fin).then((done) => done && setMode('idle'));
            }}
          >
            <TextField
              id={`assignment-${a.id}-fin`}
              label="Dernier jour"
              type="date"
              value={fin}
              onChange={(e) => setFin(e.target.value)}
              required
            />
            <div className="reg-actions form-field">
              <button type="submit" className="button button-small">
                Confirmer la fin
              </button>
              <button type="button" className="link-button" onClick={() => setMode('idle')}>
                Annuler
              </button>
            </div>
          </form>
        )}
        {mode === 'remove' && (
          <div className="reg-actions">
            <span>Supprimer cette affectation saisie par erreur ?</span>
            <button
              type="button"
              className="button reg-button-danger button-small"
              onClick={() => void onRemove()}
            >
              Confirmer la suppression
            </button>
            <button type="button" className="link-button" onClick={() => setMode('idle')}>
              Annuler
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}

function AddAssignment({
  agentId,
  onAdd,
}: {
  agentId: number;
  onAdd(input: { agentId: number; pointId: number; debut: string; fin: string | null }): Promise<boolean>;
}) {
  const points = useCall('points.list', { ouvert: true });
  const [pointId, setPointId] = useState('');
  const [debut, setDebut] = useState(isoDay(new Date()));
  const [fin, setFin] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkForm(assignmentFields, {
      agentId,
      pointId: pointId ? Number(pointId) : undefined,
      debut,
      fin: fin || null,
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    if (await onAdd({ ...checked.data, fin: checked.data.fin ?? null })) {
      setPointId('');
      setFin('');
    }
  };

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-labelledby="assignment-add-title"
      data-testid="assignment-add"
    >
      <h3 id="assignment-add-title">Nouvelle affectation</h3>
      <div className="reg-inline-form">
        <SelectField
          id="assignment-point"
          label="Point d'accueil"
          value={pointId}
          onChange={(e) => setPointId(e.target.value)}
          error={errors.pointId}
          placeholder="Choisir…"
          options={
            points.status === 'ok'
              ? points.data.points.map((p) => ({ value: String(p.id), label: p.nom }))
              : []
          }
        />
        <TextField
          id="assignment-debut"
          label="Début"
          type="date"
          value={debut}
          onChange={(e) => setDebut(e.target.value)}
          error={errors.debut}
        />
        <TextField
          id="assignment-fin"
          label="Fin (facultative)"
          type="date"
          value={fin}
          onChange={(e) => setFin(e.target.value)}
          error={errors.fin}
        />
        <div className="form-field">
          <button type="submit" className="button" data-testid="assignment-submit">
            Ajouter l&apos;affectation
          </button>
        </div>
      </div>
    </form>
  );
}

function Trainings({ agent }: { agent: AgentView }) {
  return (
    <section className="card" aria-labelledby="agent-trainings">
      <h2 id="agent-trainings">Formations</h2>
      <div className="table-wrap">
        <table className="reg-table" data-testid="trainings-table">
          <caption className="visually-hidden">
            Formations de l&apos;agent par type, avec leur validité
          </caption>
          <thead>
            <tr>
              <th scope="col">Formation</th>
              <th scope="col">Validité</th>
              <th scope="col">Dernière session suivie</th>
              <th scope="col">Valable jusqu&apos;au</th>
              <th scope="col">Recyclage le</th>
              <th scope="col">Statut</th>
            </tr>
          </thead>
          <tbody>
            {agent.formations.map((f) => (
              <tr key={f.type} data-testid="training-row" data-type={f.type}>
                <th scope="row">{f.libelle}</th>
                <td>{validityLabel(f.validiteMois)}</td>
                <td>{dayOrDash(f.derniere)}</td>
                <td>{f.derniere && f.valideJusquau === null ? 'sans limite' : dayOrDash(f.valideJusquau)}</td>
                <td>{dayOrDash(f.recyclageLe)}</td>
                <td>
                  <TrainingBadge status={f} testId={`training-status-${f.type}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Sessions({ agent }: { agent: AgentView }) {
  return (
    <section className="card" aria-labelledby="agent-sessions">
      <h2 id="agent-sessions">Sessions de formation</h2>
      {agent.presences.length === 0 ? (
        <p className="muted">Aucune inscription à une session de formation.</p>
      ) : (
        <div className="table-wrap">
          <table className="reg-table" data-testid="agent-sessions-table">
            <caption className="visually-hidden">
              Sessions de formation de l&apos;agent, les plus récentes d&apos;abord
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Formation</th>
                <th scope="col">Lieu</th>
                <th scope="col">Présence</th>
              </tr>
            </thead>
            <tbody>
              {agent.presences.map((p) => (
                <tr key={p.sessionId}>
                  <th scope="row">
                    <a href={`#/formations/${p.sessionId}`}>{dayOrDash(p.date)}</a>
                  </th>
                  <td>{p.typeLibelle}</td>
                  <td>{p.lieu || '—'}</td>
                  <td>{PRESENCE_LABELS[p.statut]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
