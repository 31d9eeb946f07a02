// Creating or changing an agent: name, first name, service, email (optional, one agent per email), active.
import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import { agentFields } from '../../../../electron/api/methods/registry';
import type { ApiError } from '../../api';
import { call, toApiError } from '../../api';
import { PageMain } from '../../components/PageMain';
import { ErrorMessage, Loading } from '../../components/StatusMessages';
import { useFocusHeading } from '../../hooks/useFocusHeading';
import { navigate } from '../../navigation';
import { focusFirstError } from './focus';
import { FormMessage, TextField } from './RegistryFields';
import type { FieldErrors } from './registryFormat';
import { checkForm } from './registryFormat';
import './registry.css';

interface AgentForm {
  nom: string;
  prenom: string;
  service: string;
  courriel: string;
  actif: boolean;
}

const EMPTY: AgentForm = { nom: '', prenom: '', service: '', courriel: '', actif: true };

export function AgentFormPage({ id }: { id: number | null }) {
  const [loaded, setLoaded] = useState<
    { status: 'loading' | 'ready' } | { status: 'error'; error: ApiError }
  >({ status: id === null ? 'ready' : 'loading' });
  const [form, setForm] = useState<AgentForm>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const heading = useFocusHeading<HTMLHeadingElement>(loaded.status === 'ready');

  useEffect(() => {
    if (id === null) return;
    let live = true;
    call('agents.get', { id }).then(
      (agent) => {
        if (!live) return;
        setForm({
          nom: agent.nom,
          prenom: agent.prenom,
          service: agent.service,
          courriel: agent.courriel ?? '',
          actif: agent.actif,
        });
        setLoaded({ status: 'ready' });
      },
      (error: unknown) => live && setLoaded({ status: 'error', error: toApiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [id]);

  const set = <K extends keyof AgentForm>(key: K, value: AgentForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    setFailure(null);
    const checked = checkForm(agentFields, form);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError();
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const input = { ...checked.data, courriel: checked.data.courriel ?? '' };
      const saved =
        id === null ? await call('agents.create', input) : await call('agents.update', { id, ...input });
      navigate({ name: 'agent', id: saved.id });
    } catch (error) {
      const apiError = toApiError(error);
      // The only conflict an agent can meet is an email already used.
      if (apiError.code === 'conflict') {
        setErrors({ courriel: apiError.message });
        focusFirstError();
      } else setFailure(apiError.message);
    } finally {
      setSaving(false);
    }
  };

  const title = id === null ? 'Nouvel agent' : "Modifier l'agent";
  if (loaded.status !== 'ready')
    return (
      <PageMain>
        <h1>{title}</h1>
        {loaded.status === 'error' ? (
          <ErrorMessage error={loaded.error} />
        ) : (
          <Loading label="Chargement de l'agent…" />
        )}
      </PageMain>
    );

  const back = id === null ? '#/agents' : `#/agents/${id}`;
  return (
    <PageMain className="reg-page">
      <p className="back">
        <a href={back}>
          <span aria-hidden="true">← </span>
          {id === null ? 'Retour aux agents' : "Retour à l'agent"}
        </a>
      </p>
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
        <div className="reg-actions">
          <button type="submit" className="button" disabled={saving} data-testid="agent-save">
            {id === null ? "Créer l'agent" : 'Enregistrer'}
          </button>
          <a href={back}>Annuler</a>
        </div>
      </form>
    </PageMain>
  );
}
