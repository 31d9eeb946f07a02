// One account: its creation, or its edition (name, roles, person, state), password, PIN and lock.
import type { FormEvent, ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { AgentOption, CompteSummary } from '../../../../common/comptes/methods';
import {
  PASSWORD_MIN,
  identifiant as identifiantField,
  nom as nomField,
  nouveauMotDePasse,
  pin as pinField,
  roles as rolesField,
} from '../../../../common/comptes/methods';
import type { Role } from '../../../../common/roles';
import { call } from '../../api';
import { TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { ParentLink } from '../../ui/forms/ParentLink';
import { SubmitBar } from '../../ui/forms/SubmitBar';
import { useSubmit } from '../../ui/forms/useSubmit';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { navigate } from '../../navigation';
import { formatInstant } from '../audit/audit-format';
import { AgentField, RolesField } from './CompteFields';
import { isLocked } from './compteState';
import { withConfirmation } from './passwords';
import { apiFieldError } from '../../ui/forms/apiField';
import { checkField, checkForm } from '../../ui/forms/checkForm';
import { useUnsavedChanges } from '../../ui/hooks/useUnsavedChanges';
import type { FieldErrors } from '../../ui/forms/checkForm';
import '../auth/auth.css';

/** The fields of comptes.create, as the core checks them, and the confirmation; an empty PIN is none. */
const CREATE_FORM = withConfirmation(
  {
    identifiant: identifiantField,
    nom: nomField,
    roles: rolesField,
    motDePasse: nouveauMotDePasse,
    pin: pinField.optional(),
  },
  'motDePasse',
);
const CREATE_FIELDS = ['identifiant', 'nom', 'roles', 'motDePasse', 'confirmation', 'pin'] as const;

/** The fields of comptes.update that the person types. */
const IDENTITY_FORM = z.object({ nom: nomField, roles: rolesField });

const PASSWORD_FORM = withConfirmation({ motDePasse: nouveauMotDePasse }, 'motDePasse');

/** Focuses the first field in error, `order` being the form's fields; the roles' first checkbox for roles. */
function focusFirst(errors: FieldErrors, order: readonly string[], prefix: string): void {
  const first = order.find((key) => errors[key]);
  if (first)
    document.getElementById(first === 'roles' ? `${prefix}-roles-agent` : `${prefix}-${first}`)?.focus();
}

// Said once on the new account's page, after « Créer le compte ».
let createdNotice: string | null = null;

function Notice({ message }: { message: string | null }) {
  return (
    <p
      role="status"
      className={message ? 'alert alert-success' : 'visually-hidden'}
      data-testid="compte-notice"
    >
      {message}
    </p>
  );
}

function CreateCompte({ agents }: { agents: AgentOption[] }) {
  const heading = useFocusHeading<HTMLHeadingElement>(true);
  const [identifiant, setIdentifiant] = useState('');
  const [nom, setNom] = useState('');
  const [roles, setRoles] = useState<Role[]>(['agent']);
  const [agentId, setAgentId] = useState<number | null>(null);
  const [motDePasse, setMotDePasse] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useSubmit();
  // Leaving the new account's form once something is typed asks first.
  useUnsavedChanges(
    identifiant !== '' ||
      nom !== '' ||
      motDePasse !== '' ||
      confirmation !== '' ||
      pin !== '' ||
      agentId !== null,
  );
  // The core's refusal of one field (an identifiant already used, or refused) is shown next to it.
  const onField = apiFieldError(submit.error, CREATE_FIELDS, 'identifiant');
  const fieldErrors = onField ? { ...errors, [onField.field]: onField.message } : errors;
  useEffect(() => {
    if (onField) focusFirst({ [onField.field]: onField.message }, CREATE_FIELDS, 'new');
    // Once per refusal.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [submit.error]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkForm(CREATE_FORM, {
      identifiant,
      nom,
      roles,
      motDePasse,
      confirmation,
      pin: pin === '' ? undefined : pin,
    });
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return focusFirst(checked.errors, CREATE_FIELDS, 'new');
    const { confirmation: _confirmation, pin: chosenPin, ...fields } = checked.data;
    void submit.run(
      () => call('comptes.create', { ...fields, agentId, ...(chosenPin ? { pin: chosenPin } : {}) }),
      (created) => {
        createdNotice = `Le compte « ${created.identifiant} » a été créé.`;
        // Saved: nothing is left to lose.
        navigate({ name: 'compte', id: created.id }, { force: true });
      },
    );
  };

  return (
    <>
      <ParentLink href="#/comptes">Tous les comptes</ParentLink>
      <h1 ref={heading} tabIndex={-1}>
        Nouveau compte
      </h1>
      <form className="card" onSubmit={onSubmit} noValidate data-testid="compte-create-form">
        <FormMessage testId="compte-error">{onField ? null : submit.error?.message}</FormMessage>
        <TextField
          id="new-identifiant"
          label="Identifiant"
          hint="Sans espace : lettres, chiffres et . _ @ -"
          value={identifiant}
          onChange={(event) => setIdentifiant(event.target.value)}
          error={fieldErrors.identifiant}
          autoComplete="off"
          spellCheck={false}
          data-testid="compte-identifiant"
        />
        <TextField
          id="new-nom"
          label="Nom"
          value={nom}
          onChange={(event) => setNom(event.target.value)}
          error={fieldErrors.nom}
          autoComplete="off"
          data-testid="compte-nom"
        />
        <RolesField id="new-roles" value={roles} onChange={setRoles} error={fieldErrors.roles} />
        <AgentField id="new-agent" agents={agents} value={agentId} onChange={setAgentId} compteId={null} />
        <TextField
          id="new-motDePasse"
          label="Mot de passe"
          hint={`Au moins ${PASSWORD_MIN} caractères. Communiquez-le à la personne, qui pourra le changer.`}
          type="password"
          autoComplete="new-password"
          value={motDePasse}
          onChange={(event) => setMotDePasse(event.target.value)}
          error={fieldErrors.motDePasse}
          data-testid="compte-password"
        />
        <TextField
          id="new-confirmation"
          label="Confirmation du mot de passe"
          type="password"
          autoComplete="new-password"
          value={confirmation}
          onChange={(event) => setConfirmation(event.target.value)}
          error={fieldErrors.confirmation}
          data-testid="compte-confirmation"
        />
        <TextField
          id="new-pin"
          label="Code PIN (facultatif)"
          hint="4 à 8 chiffres, pour changer d'agent en quelques secondes à un poste partagé."
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={pin}
          onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
          error={fieldErrors.pin}
          data-testid="compte-pin"
        />
        <SubmitBar label="Créer le compte" busy={submit.busy} cancelHref="#/comptes" testId="compte-submit" />
      </form>
    </>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function IdentitySection({
  compte,
  agents,
  onSaved,
}: {
  compte: CompteSummary;
  agents: AgentOption[];
  onSaved: (compte: CompteSummary, message: string) => void;
}) {
  const [nom, setNom] = useState(compte.nom);
  const [roles, setRoles] = useState<Role[]>(compte.roles);
  const [agentId, setAgentId] = useState<number | null>(compte.agent?.id ?? null);
  const [actif, setActif] = useState(compte.actif);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useSubmit();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkForm(IDENTITY_FORM, { nom, roles });
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return focusFirst(checked.errors, ['nom', 'roles'], 'edit');
    void submit.run(
      () => call('comptes.update', { id: compte.id, ...checked.data, agentId, actif }),
      (saved) => onSaved(saved, 'Les modifications du compte sont enregistrées.'),
    );
  };

  return (
    <Section title="Identité et rôles" id="compte-identity">
      <form onSubmit={onSubmit} noValidate data-testid="compte-edit-form">
        <FormMessage testId="compte-error">{submit.error?.message}</FormMessage>
        <TextField
          id="edit-nom"
          label="Nom"
          value={nom}
          onChange={(event) => setNom(event.target.value)}
          error={errors.nom}
          autoComplete="off"
          data-testid="compte-nom"
        />
        <RolesField id="edit-roles" value={roles} onChange={setRoles} error={errors.roles} />
        <AgentField
          id="edit-agent"
          agents={agents}
          value={agentId}
          onChange={setAgentId}
          compteId={compte.id}
        />
        <div className="form-field">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={actif}
              onChange={(event) => setActif(event.target.checked)}
              aria-describedby="edit-actif-hint"
              data-testid="compte-actif"
            />
            Compte actif
          </label>
          <p id="edit-actif-hint" className="hint">
            Un compte inactif ne peut plus se connecter ; ses sessions ouvertes se ferment. Changer les rôles
            ferme aussi les sessions du compte.
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={submit.busy} data-testid="compte-save">
            Enregistrer
          </button>
        </div>
      </form>
    </Section>
  );
}

function PasswordSection({
  compte,
  onSaved,
}: {
  compte: CompteSummary;
  onSaved: (c: CompteSummary, m: string) => void;
}) {
  const [motDePasse, setMotDePasse] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useSubmit();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkForm(PASSWORD_FORM, { motDePasse, confirmation });
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return focusFirst(checked.errors, ['motDePasse', 'confirmation'], 'reset');
    void submit.run(
      () => call('comptes.setPassword', { id: compte.id, motDePasse }),
      (saved) => {
        setMotDePasse('');
        setConfirmation('');
        onSaved(saved, 'Le nouveau mot de passe est enregistré ; les sessions du compte sont fermées.');
      },
    );
  };

  return (
    <Section title="Mot de passe" id="compte-password">
      <form onSubmit={onSubmit} noValidate data-testid="compte-password-form">
        <FormMessage testId="compte-password-error">{submit.error?.message}</FormMessage>
        <TextField
          id="reset-motDePasse"
          label="Nouveau mot de passe"
          hint={`Au moins ${PASSWORD_MIN} caractères.`}
          type="password"
          autoComplete="new-password"
          value={motDePasse}
          onChange={(event) => setMotDePasse(event.target.value)}
          error={errors.motDePasse}
        />
        <TextField
          id="reset-confirmation"
          label="Confirmation"
          type="password"
          autoComplete="new-password"
          value={confirmation}
          onChange={(event) => setConfirmation(event.target.value)}
          error={errors.confirmation}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={submit.busy}>
            Définir le mot de passe
          </button>
        </div>
      </form>
    </Section>
  );
}

function PinSection({
  compte,
  onSaved,
}: {
  compte: CompteSummary;
  onSaved: (c: CompteSummary, m: string) => void;
}) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = useSubmit();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = checkField(pinField, pin);
    setError(problem);
    if (problem) return document.getElementById('compte-pin-code')?.focus();
    void submit.run(
      () => call('comptes.setPin', { id: compte.id, pin }),
      (saved) => {
        setPin('');
        onSaved(saved, 'Le code PIN est enregistré.');
      },
    );
  };

  const remove = () =>
    void submit.run(
      () => call('comptes.setPin', { id: compte.id, pin: null }),
      (saved) => onSaved(saved, 'Le code PIN est retiré.'),
    );

  return (
    <Section title="Code PIN" id="compte-pin">
      <p>{compte.hasPin ? 'Un code PIN est défini.' : 'Aucun code PIN.'}</p>
      <form onSubmit={onSubmit} noValidate data-testid="compte-pin-form">
        <FormMessage testId="compte-pin-error">{submit.error?.message}</FormMessage>
        <TextField
          id="compte-pin-code"
          label={compte.hasPin ? 'Nouveau code PIN' : 'Code PIN'}
          hint="4 à 8 chiffres."
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={pin}
          onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
          error={error}
          data-testid="compte-pin-code"
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={submit.busy}>
            Définir le code PIN
          </button>
          {compte.hasPin && (
            <button type="button" className="button button-outline" onClick={remove} disabled={submit.busy}>
              Retirer le code PIN
            </button>
          )}
        </div>
      </form>
    </Section>
  );
}

function LockSection({
  compte,
  onSaved,
}: {
  compte: CompteSummary;
  onSaved: (c: CompteSummary, m: string) => void;
}) {
  const submit = useSubmit();
  const locked = isLocked(compte, Date.now());
  return (
    <Section title="Verrouillage" id="compte-lock">
      <p data-testid="compte-lock-state">
        {locked && compte.verrouilleJusqu
          ? `Verrouillé après ${compte.echecs} échecs, jusqu'au ${formatInstant(compte.verrouilleJusqu)}.`
          : compte.echecs > 0
            ? `Non verrouillé ; ${compte.echecs} échec${compte.echecs > 1 ? 's' : ''} depuis la dernière connexion réussie.`
            : 'Non verrouillé.'}
      </p>
      <FormMessage testId="compte-lock-error">{submit.error?.message}</FormMessage>
      {(locked || compte.echecs > 0) && (
        <button
          type="button"
          className="button"
          disabled={submit.busy}
          onClick={() =>
            void submit.run(
              () => call('comptes.unlock', { id: compte.id }),
              (saved) => onSaved(saved, 'Le compte est déverrouillé.'),
            )
          }
          data-testid="compte-unlock"
        >
          Déverrouiller
        </button>
      )}
    </Section>
  );
}

function EditCompte({ initial, agents }: { initial: CompteSummary; agents: AgentOption[] }) {
  const heading = useFocusHeading<HTMLHeadingElement>(true);
  const [compte, setCompte] = useState(initial);
  const [notice, setNotice] = useState<string | null>(() => {
    const once = createdNotice;
    createdNotice = null;
    return once;
  });
  const onSaved = (saved: CompteSummary, message: string) => {
    setCompte(saved);
    setNotice(message);
  };

  return (
    <>
      <ParentLink href="#/comptes">Tous les comptes</ParentLink>
      <h1 ref={heading} tabIndex={-1} data-testid="compte-title">
        Compte « {compte.identifiant} »
      </h1>
      <p className="muted">
        Créé le {formatInstant(compte.creeLe)} ·{' '}
        {compte.derniereConnexion
          ? `dernière connexion le ${formatInstant(compte.derniereConnexion)}`
          : 'jamais connecté'}
      </p>
      <Notice message={notice} />
      <IdentitySection compte={compte} agents={agents} onSaved={onSaved} />
      <PasswordSection compte={compte} onSaved={onSaved} />
      <PinSection compte={compte} onSaved={onSaved} />
      <LockSection compte={compte} onSaved={onSaved} />
    </>
  );
}

export function ComptePage({ id }: { id: number | null }) {
  const agents = useCall('comptes.agentOptions', {});
  const compte = useCall('comptes.get', { id: id ?? 0 }, { enabled: id !== null });
  const failed =
    agents.status === 'error' ? agents : compte.status === 'error' && id !== null ? compte : null;

  let body: ReactNode;
  if (failed?.status === 'error') body = <ErrorMessage error={failed.error} />;
  else if (agents.status !== 'ok' || (id !== null && compte.status !== 'ok'))
    body = <Loading label="Chargement du compte…" />;
  else if (id === null) body = <CreateCompte agents={agents.data.agents} />;
  else if (compte.status === 'ok')
    // A cached answer shows at once; if the fresh one differs, the forms start again from it.
    body = <EditCompte key={JSON.stringify(compte.data)} initial={compte.data} agents={agents.data.agents} />;

  return <PageMain>{body}</PageMain>;
}
