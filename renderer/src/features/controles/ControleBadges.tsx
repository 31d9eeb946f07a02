// Badges of the internal audits and corrective actions: grade of a finding, state of an audit, of an action.
import type { ActionStatut } from '../../../../common/actions/types';
import { ACTION_STATUT_LABELS } from '../../../../common/actions/types';
import type { ControleStatut, Gravite } from '../../../../common/controles/types';
import { CONTROLE_STATUT_LABELS, GRAVITE_LABELS } from '../../../../common/controles/types';

const GRAVITE_BADGES: Record<Gravite, string> = {
  majeure: 'badge-error',
  mineure: 'badge-warning',
  sensible: 'badge-count',
  fort: 'badge-open',
};

export function GraviteBadge({ gravite }: { gravite: Gravite }) {
  return (
    <span className={`badge ${GRAVITE_BADGES[gravite]}`} data-gravite={gravite}>
      {GRAVITE_LABELS[gravite]}
    </span>
  );
}

const CONTROLE_BADGES: Record<ControleStatut, string> = {
  planifie: 'badge-count',
  en_cours: 'badge-warning',
  termine: 'badge-open',
  annule: 'badge-closed',
};

export function ControleStatutBadge({ statut }: { statut: ControleStatut }) {
  return (
    <span className={`badge ${CONTROLE_BADGES[statut]}`} data-statut={statut}>
      {CONTROLE_STATUT_LABELS[statut]}
    </span>
  );
}

const ACTION_BADGES: Record<ActionStatut, string> = {
  a_faire: 'badge-count',
  en_cours: 'badge-warning',
  faite: 'badge-open',
  abandonnee: 'badge-closed',
};

export function ActionStatutBadge({ statut, enRetard }: { statut: ActionStatut; enRetard?: boolean }) {
  return (
    <>
      <span className={`badge ${ACTION_BADGES[statut]}`} data-statut={statut}>
        {ACTION_STATUT_LABELS[statut]}
      </span>
      {enRetard && (
        <>
          {' '}
          <span className="badge badge-error" data-testid="action-late">
            En retard
          </span>
        </>
      )}
    </>
  );
}
