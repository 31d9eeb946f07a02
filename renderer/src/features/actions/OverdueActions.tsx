// Corrective actions past their due date and not done, for the label manager's « À traiter ».
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { plural } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { ActionsTable } from './ActionsPage';

export function OverdueActions() {
  const state = useCall('actions.list', { enRetard: true });
  return (
    <section aria-labelledby="todo-actions-title" data-testid="todo-actions">
      <h2 id="todo-actions-title">
        Actions correctives en retard
        {state.status === 'ok' ? ` (${plural(state.data.actions.length, 'action')})` : ''}
      </h2>
      {state.status === 'loading' && <Loading label="Chargement des actions…" />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ok' &&
        (state.data.actions.length === 0 ? (
          <p>Aucune action corrective n&apos;a dépassé son échéance.</p>
        ) : (
          <ActionsTable actions={state.data.actions} caption="Actions correctives en retard" />
        ))}
    </section>
  );
}
