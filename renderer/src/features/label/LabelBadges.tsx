// The label's badges: its state in colour and in words (the colour alone never carries the meaning).
import type { LabelStatut } from '../../../../common/label/types';
import { STATUT_LABELS } from '../../../../common/label/types';
import './label.css';

export function StatutBadge({ statut }: { statut: LabelStatut }) {
  return (
    <span className={`badge label-badge label-badge-${statut}`} data-testid="label-statut">
      {STATUT_LABELS[statut]}
    </span>
  );
}

export function RegulariserBadge() {
  return (
    <span className="badge badge-warning" data-testid="a-regulariser">
      À régulariser
    </span>
  );
}

export function OpenBadge({ ouvert }: { ouvert: boolean }) {
  return ouvert ? (
    <span className="badge badge-open">Ouvert</span>
  ) : (
    <span className="badge badge-closed">Fermé</span>
  );
}
