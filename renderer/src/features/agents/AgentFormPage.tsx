// Creating or changing an agent: name, first name, service, email (optional, one agent per email), active.
import type { FormEvent } from 'react';
import { agentFields } from '../../../../common/agents/methods';
import { call } from '../../api';
import { TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { NotReady } from '../../ui/forms/NotReady';
import { ParentLink } from '../../ui/forms/ParentLink';
import { SubmitBar } from '../../ui/forms/SubmitBar';
import { useRecordForm } from '../../ui/forms/useRecordForm';
import { PageMain } from '../../ui/PageMain';
import { navigate } from '../../navigation';
import '../../ui/registres.css';

interface AgentForm {
  nom: string;
  prenom: string;
  service: string;
  courriel: string;
  actif: boolean;
}

const EMPTY: AgentForm = { nom: '', prenom: '', service: '', courriel: '', actif: true };

/** The agent as the form shows it (no email: an empty field). */
const loadAgent = (id: number): Promise<AgentForm> =>
  call('agents.get', { id }).then((agent) => ({
    nom: agent.nom,
    prenom: agent.prenom,
    service: agent.service,
    courriel: agent.courriel ?? '',
    actif: agent.actif,
  }));

export function AgentFormPage({ id }: { id: number | null }) {
  const { loaded, form, set, errors, failure, saving, heading, submit } = useRecordForm(id, EMPTY, loadAgent);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit(
      agentFields,
      form,
      async (data) => {
        const input = { ...data, courriel: data.courriel ?? '' };
        const saved =
          id === null ? await call('agents.create', input) : await call('agents.update', { id, ...input });
        navigate({ name: 'agent', id: saved.id });
      },
      // The only conflict an agent can meet is an email already used.
      'courriel',
    );
  };

  const title = id === null ? 'Nouvel agent' : "Modifier l'agent";
  if (loaded.status !== 'ready')
    return <NotReady title={title} state={loaded} loadingLabel="Chargement de l'agent…" />;

  const back = id === null ? '#/agents' : `#/agents/${id}`;
  return (
    <PageMain className="reg-page">
      <ParentLink href={back}>{id === null ? 'Retour aux agents' : "Retour à l'agent"}</ParentLink>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <form className="card" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="agent-form">
        {failure && <FormMessage kind="error">{failure}</FormMessage>}
        <div className="reg-form-grid">
          <TextField
            id="agent-nom"
            label="Nom"
            value={form.nom}
            onChange={(e) => set('nom', e.target.value)}
            error={errors.nom}
            autoComplete="off"
            required
          />
          <TextField
            id="agent-prenom"
            label="Prénom"
            value={form.prenom}
            onChange={(e) => set('prenom', e.target.value)}
            error={errors.prenom}
            autoComplete="off"
            required
          />
          <TextField
            id="agent-service"
            label="Service"
            value={form.service}
            onChange={(e) => set('service', e.target.value)}
            error={errors.service}
            autoComplete="off"
          />
          <TextField
            id="agent-courriel"
            label="Courriel (facultatif)"
            type="email"
            value={form.courriel}
            onChange={(e) => set('courriel', e.target.value)}
            error={errors.courriel}
            hint="Sert à reconnaître l'agent lors d'un import : deux agents ne peuvent pas avoir le même."
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <label className="reg-check">
          <input
            type="checkbox"
            checked={form.actif}
            onChange={(e) => set('actif', e.target.checked)}
            aria-describedby="agent-actif-hint"
            data-testid="agent-actif"
          />
          Agent en activité
        </label>
        <p id="agent-actif-hint" className="hint">
          Un agent qui part n&apos;est pas supprimé : il devient inactif et garde son historique de formation.
        </p>
        <SubmitBar
          className="reg-actions"
          label={id === null ? "Créer l'agent" : 'Enregistrer'}
          busy={saving}
          cancelHref={back}
          testId="agent-save"
        />
      </form>
    </PageMain>
  );
}
