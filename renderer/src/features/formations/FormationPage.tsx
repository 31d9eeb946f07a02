// A training session and its attendance sheet: the registered agents with présent / absent / inscrit, agents
// added by searching their names, and one « Enregistrer les présences » that replaces the whole list.
import { useEffect, useState } from 'react';
import type { Participant, PresenceStatut, FormationView } from '../../../../common/formations/methods';
import { PRESENCE_STATUTS } from '../../../../common/formations/methods';
import { call, toApiError } from '../../api';
import { FormMessage } from '../../ui/forms/FormMessage';
import { NotReady } from '../../ui/forms/NotReady';
import { ParentLink } from '../../ui/forms/ParentLink';
import { PageMain } from '../../ui/PageMain';
import { plural } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { useUnsavedChanges } from '../../ui/hooks/useUnsavedChanges';
import { PRESENCE_LABELS, dayOrDash } from '../../ui/registresFormat';
import { useRecord } from '../../ui/hooks/useRecord';
import '../../ui/registres.css';

type Row = Pick<Participant, 'agentId' | 'nom' | 'prenom' | 'service' | 'statut'>;

export function FormationPage({ id }: { id: number }) {
  const [state, setSession] = useRecord('formations.get', { id });
  const heading = useFocusHeading<HTMLHeadingElement>(state.status === 'ok');
  if (state.status !== 'ok')
    return <NotReady title="Session de formation" state={state} loadingLabel="Chargement de la session…" />;
  const session = state.data;
  return (
    <PageMain className="reg-page">
      <ParentLink href="#/formations">Retour aux formations</ParentLink>
      <div className="page-toolbar">
        <h1 ref={heading} tabIndex={-1} data-testid="session-title">
          {session.typeLibelle} – {dayOrDash(session.date)}
        </h1>
        <a href={`#/formations/${session.id}/modifier`} className="button-link">
          Modifier la session
        </a>
      </div>
      <section className="card" aria-labelledby="session-facts">
        <h2 id="session-facts" className="visually-hidden">
          La session
        </h2>
        <dl className="reg-facts">
          <dt>Formation</dt>
          <dd>{session.typeLibelle}</dd>
          <dt>Date</dt>
          <dd>
            {dayOrDash(session.date)}
            {session.aVenir && ' (à venir)'}
          </dd>
          <dt>Formateur</dt>
          <dd>{session.formateur || '—'}</dd>
          <dt>Lieu</dt>
          <dd>{session.lieu || '—'}</dd>
          <dt>Présences</dt>
          <dd data-testid="session-counts">
            {plural(session.presents, 'présent')}, {plural(session.absents, 'absent')},{' '}
            {plural(session.inscrits, 'inscrit')} sans présence notée
          </dd>
        </dl>
      </section>
      <Attendance key={session.id} session={session} onSaved={setSession} />
    </PageMain>
  );
}

/** What the sheet says, to compare what is on screen with what is saved. */
function sheetKey(rows: Row[]): string {
  return JSON.stringify(rows.map((row) => [row.agentId, row.statut]));
}

function Attendance({ session, onSaved }: { session: FormationView; onSaved(session: FormationView): void }) {
  const [rows, setRows] = useState<Row[]>(session.participants);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setRows(session.participants), [session.participants]);
  // Leaving the sheet before « Enregistrer les présences » asks first.
  useUnsavedChanges(
    sheetKey(rows) !== sheetKey(session.participants),
    'Les présences ne sont pas enregistrées. Quitter cette page et abandonner ces changements ? (Annuler pour rester et les enregistrer.)',
  );

  const setStatut = (agentId: number, statut: PresenceStatut) =>
    setRows((current) => current.map((row) => (row.agentId === agentId ? { ...row, statut } : row)));

  const save = async () => {
    if (saving) return;
    setSaving(true);
    setMessage(null);
    try {
      const saved = await call('formations.attendance', {
        sessionId: session.id,
        entries: rows.map((row) => ({ agentId: row.agentId, statut: row.statut })),
      });
      onSaved(saved);
      setMessage({ kind: 'success', text: 'Présences enregistrées.' });
    } catch (error) {
      setMessage({ kind: 'error', text: toApiError(error).message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card" aria-labelledby="attendance-title">
      <h2 id="attendance-title">Feuille de présence</h2>
      {session.aVenir && (
        <p className="note">
          Cette session n&apos;a pas encore eu lieu : on peut y inscrire des agents, pas encore les noter
          présents.
        </p>
      )}
      {rows.length === 0 ? (
        <p className="muted">Personne n&apos;est encore inscrit : ajoutez des agents ci-dessous.</p>
      ) : (
        <div className="table-wrap">
          <table className="reg-table" data-testid="attendance-table">
            <caption className="visually-hidden">Agents inscrits et leur présence</caption>
            <thead>
              <tr>
                <th scope="col">Agent</th>
                <th scope="col">Service</th>
                <th scope="col">Présence</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const name = `${row.prenom} ${row.nom}`;
                return (
                  <tr key={row.agentId} data-testid="attendance-row" data-agent={row.agentId}>
                    <th scope="row">
                      <a href={`#/agents/${row.agentId}`}>
                        {row.nom} {row.prenom}
                      </a>
                    </th>
                    <td>{row.service || '—'}</td>
                    <td>
                      <fieldset className="reg-radios">
                        <legend className="visually-hidden">Présence de {name}</legend>
                        {PRESENCE_STATUTS.map((statut) => (
                          <label key={statut}>
                            <input
                              type="radio"
                              name={`presence-${row.agentId}`}
                              value={statut}
                              checked={row.statut === statut}
                              disabled={statut === 'present' && session.aVenir}
                              onChange={() => setStatut(row.agentId, statut)}
                              data-testid={`presence-${statut}`}
                            />
                            {PRESENCE_LABELS[statut]}
                          </label>
                        ))}
                      </fieldset>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button reg-button-danger button-small"
                        onClick={() => setRows((current) => current.filter((r) => r.agentId !== row.agentId))}
                      >
                        Retirer<span className="visually-hidden"> {name} de la liste</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <AddAgents
        listed={new Set(rows.map((row) => row.agentId))}
        onAdd={(row) => setRows((current) => [...current, row])}
      />
      {message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}
      <div className="reg-actions">
        <button
          type="button"
          className="button"
          disabled={saving}
          onClick={() => void save()}
          data-testid="attendance-save"
        >
          Enregistrer les présences
        </button>
        <span className="muted">Les changements ne comptent qu&apos;une fois enregistrés.</span>
      </div>
    </section>
  );
}

function AddAgents({ listed, onAdd }: { listed: Set<number>; onAdd(row: Row): void }) {
  const [q, setQ] = useState('');
  const query = q.trim();
  const found = useCall(
    'agents.list',
    { q: query, actif: true },
    { enabled: query.length >= 2, keepPrevious: true },
  );
  const results =
    query.length >= 2 && found.status === 'ok'
      ? found.data.agents.filter((a) => !listed.has(a.id)).slice(0, 10)
      : [];
  return (
    <div className="reg-add-agents">
      <h3>Ajouter des agents</h3>
      <div className="form-field">
        <label htmlFor="attendance-search" className="field-label">
          Nom ou prénom de l&apos;agent
        </label>
        <input
          id="attendance-search"
          className="text-input"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          autoComplete="off"
          aria-describedby="attendance-search-hint"
          data-testid="attendance-search"
        />
        <p id="attendance-search-hint" className="hint">
          Au moins deux lettres ; l&apos;agent ajouté est « inscrit », changez sa présence ensuite.
        </p>
      </div>
      {results.length > 0 && (
        <ul className="reg-picker-results" aria-label="Agents trouvés">
          {results.map((agent) => (
            <li key={agent.id}>
              <span>
                {agent.nom} {agent.prenom}
                {agent.service && <span className="muted"> – {agent.service}</span>}
              </span>
              <button
                type="button"
                className="button button-small"
                onClick={() =>
                  onAdd({
                    agentId: agent.id,
                    nom: agent.nom,
                    prenom: agent.prenom,
                    service: agent.service,
                    statut: 'inscrit',
                  })
                }
                data-testid="attendance-add"
              >
                Ajouter
                <span className="visually-hidden">
                  {' '}
                  {agent.prenom} {agent.nom}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {query.length >= 2 && found.status === 'ok' && results.length === 0 && (
        <p className="muted" role="status">
          Aucun autre agent en activité ne correspond à « {query} ».
        </p>
      )}
    </div>
  );
}
