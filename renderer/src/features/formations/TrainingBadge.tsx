import type { TrainingStatus } from '../../../../common/formations/methods';
import { trainingBadgeClass, trainingLabel } from '../../ui/registresFormat';

/** A training status as a badge: the colour is always doubled by the words. */
export function TrainingBadge({ status, testId }: { status: TrainingStatus; testId?: string }) {
  return (
    <span className={trainingBadgeClass(status)} data-testid={testId} data-etat={status.etat}>
      {trainingLabel(status)}
    </span>
  );
}
