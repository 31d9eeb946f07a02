// The decision panel of a point: the decisions allowed now as buttons, the decision's date and reason, and the
// rule's evaluation on that date before any decision the rule governs. The core decides; a refusal shows its
// French message and the form keeps what was typed.
import { useId, useState } from 'react';
import { isRealDay } from '../../../../common/dates';
import type { LabelAction, LabelPointDetail } from '../../../../common/label/types';
import { ACTION_LABELS, STATUT_LABELS } from '../../../../common/label/types';
import { call } from '../../api';
import { useSubmit } from '../../ui/forms/useSubmit';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { formatDate } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { MOTIF_ACTIONS, RULE_ACTIONS } from './labelFormat';
import { RuleVerdict } from './RuleEvaluation';

function buttonClass(action: LabelAction): string {
  if (MOTIF_ACTIONS.includes(action)) return 'button button-danger';
  return RULE_ACTIONS.includes(action) || action === 'instruire' || action === 'demander'
    ? 'button'
    : 'button button-outline';
}

function RuleOnDate({ pointId, date, refresh }: { pointId: number; date: string; refresh: string }) {
  const valid = isRealDay(date);
  const state = useCall('label.evaluate', { pointId, date }, { enabled: valid, refresh, keepPrevious: true });
  if (!valid) return null;
  if (state.status === 'loading') return <Loading label="Évaluation de la règle…" />;
  if (state.status === 'error') return <ErrorMessage error={state.error} />;
  return <RuleVerdict evaluation={state.data} when={`au ${formatDate(state.data.date)}`} />;
}

export function DecisionPanel({ detail, onDecided }: { detail: LabelPointDetail; onDecided: () => void }) {
  const id = useId();
  const [date, setDate] = useState(detail.aujourdhui);
  const [motif, setMotif] = useState('');
  const { busy, error, run } = useSubmit();
  const [done, setDone] = useState<string | null>(null);
  const pointId = detail.point.id;
  const needsMotif = detail.actions.some((action) => MOTIF_ACTIONS.includes(action));
  const ruleMatters = detail.actions.some((action) => RULE_ACTIONS.includes(action));

  const decide = async (action: LabelAction) => {
    if (busy) return;
    setDone(null);
    await run(
      () =>
        call('label.decide', {
          pointId,
          action,
          date,
          motif: MOTIF_ACTIONS.includes(action) ? motif : undefined,
        }),
      (decision) => {
        setDone(
          `Décision enregistrée : le point est désormais « ${STATUT_LABELS[decision.statut].toLowerCase()} »` +
            (decision.expireLe ? `, label valable jusqu'au ${formatDate(decision.expireLe)}.` : '.'),
        );
        setMotif('');
        onDecided();
      },
    );
  };

  return (
    <section className="label-decision" aria-labelledby={`${id}-title`} data-testid="decision-panel">
      <h2 id={`${id}-title`}>Décision</h2>
      {done && (
        <p className="alert alert-success" role="status" data-testid="decision-done">
          {done}
        </p>
      )}
      {detail.actions.length === 0 ? (
        <p>Aucune décision n&apos;est possible dans l&apos;état actuel du label.</p>
      ) : (
        <form onSubmit={(event) => event.preventDefault()} noValidate>
          <div className="label-decision-fields">
            <div className="label-field">
              <label className="field-label" htmlFor={`${id}-date`}>
                Date de la décision
              </label>
              <input
                id={`${id}-date`}
                className="text-input"
                type="date"
                value={date}
                min={detail.dateMin ?? undefined}
                max={detail.aujourdhui}
                required
                onChange={(event) => setDate(event.target.value)}
                aria-describedby={`${id}-date-hint`}
                data-testid="decision-date"
              />
              <p id={`${id}-date-hint`} className="hint">
                Ni dans le futur, ni avant la décision précédente
                {detail.dateMin ? ` (${formatDate(detail.dateMin)})` : ''}.
              </p>
            </div>
            {needsMotif && (
              <div className="label-field">
                <label className="field-label" htmlFor={`${id}-motif`}>
                  Motif (obligatoire pour refuser, suspendre ou retirer)
                </label>
                <textarea
                  id={`${id}-motif`}
                  className="text-input"
                  value={motif}
                  maxLength={2000}
                  onChange={(event) => setMotif(event.target.value)}
                  data-testid="decision-motif"
                />
              </div>
            )}
          </div>
          {ruleMatters && (
            <RuleOnDate pointId={pointId} date={date} refresh={String(detail.historique.length)} />
          )}
          {error && (
            <div
              className="alert alert-error"
              role="alert"
              data-testid="decision-error"
              data-code={error.code}
            >
              <p className="alert-title">La décision n&apos;a pas été enregistrée.</p>
              <p>{error.message}</p>
            </div>
          )}
          <div className="label-actions">
            {detail.actions.map((action) => (
              <button
                key={action}
                type="button"
                className={buttonClass(action)}
                disabled={busy}
                onClick={() => void decide(action)}
                data-testid={`decide-${action}`}
              >
                {ACTION_LABELS[action]}
              </button>
            ))}
          </div>
        </form>
      )}
    </section>
  );
}
