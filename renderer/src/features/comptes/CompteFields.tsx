// The fields shared by the account's creation and edition: roles as checkboxes, the person it belongs to.
import { ROLES, ROLE_LABELS } from '../../../../common/roles';
import type { Role } from '../../../../common/roles';
import type { AgentOption } from '../../../../common/comptes/methods';
import { useSession } from '../auth/session';

export function RolesField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: string | null;
}) {
  const toggle = (role: Role, checked: boolean) =>
    onChange(ROLES.filter((r) => (r === role ? checked : value.includes(r))));
  return (
    <div className="form-field">
      <fieldset
        className="checkbox-list"
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        data-testid="compte-roles"
      >
        <legend>Rôles</legend>
        {ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input
              type="checkbox"
              id={`${id}-${role}`}
              checked={value.includes(role)}
              onChange={(event) => toggle(role, event.target.checked)}
              data-testid={`compte-role-${role}`}
            />
            {ROLE_LABELS[role]}
          </label>
        ))}
      </fieldset>
      <p id={`${id}-hint`} className="hint">
        Une personne peut cumuler plusieurs rôles ; l&apos;administrateur a tous les droits.
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function AgentField({
  id,
  agents,
  value,
  onChange,
  compteId,
}: {
  id: string;
  agents: AgentOption[];
  value: number | null;
  onChange: (agentId: number | null) => void;
  /** The account being edited: its own person is not « already linked ». */
  compteId: number | null;
}) {
  const { info } = useSession();
  const point = info.installation;
  // An account already linked to someone of another point keeps its link visible (the list holds this point's).
  const foreign = value !== null && !agents.some((agent) => agent.id === value);
  return (
    <div className="form-field">
      <label htmlFor={id} className="field-label">
        Agent (personne du registre)
      </label>
      <select
        id={id}
        className="select-input"
        value={value === null ? '' : String(value)}
        onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
        aria-describedby={`${id}-hint`}
        data-testid="compte-agent"
      >
        <option value="">— Aucun —</option>
        {foreign && (
          <option value={String(value)}>
            Personne n° {value} (affectée à un autre point d&apos;accueil)
          </option>
        )}
        {agents.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.prenom} {agent.nom}
            {agent.service ? ` (${agent.service})` : ''}
            {agent.compteId !== null && agent.compteId !== compteId ? ' — déjà lié à un compte' : ''}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="hint" data-testid="compte-agent-hint">
        {point
          ? `La liste montre les personnes affectées aujourd’hui à ${point.nom}, le point d’accueil de ce poste : liée au compte, la personne peut y ouvrir sa session avec un code PIN.`
          : 'Ce poste n’est rattaché à aucun point d’accueil : la liste montre tout le registre. Le code PIN ne servira qu’au poste du point où la personne est affectée.'}
      </p>
    </div>
  );
}
