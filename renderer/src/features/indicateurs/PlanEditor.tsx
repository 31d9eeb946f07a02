// The annual review's action plan: a text and lines of actions (finding, action, who, deadline, follow-up),
// saved per year with « Enregistrer ». Leaving the page with changes not saved asks first. Printed, the fields
// give way to the text and a table of the actions.
import type { FormEvent } from 'react';
import { useState } from 'react';
import type { ActionPlan, PlanBilan } from '../../../../common/indicateurs/types';
import { call, toApiError } from '../../api';
import { FormMessage } from '../../ui/forms/FormMessage';
import { formatDate } from '../../ui/format';
import { useUnsavedChanges } from '../../ui/hooks/useUnsavedChanges';
import type { PlanDraft } from './plan-form';
import { PLAN_FIELDS, blankAction, draftOf, isDirty, normalised, planErrors } from './plan-form';

const INSTANT = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'long',
  timeStyle: 'short',
});

export function PlanEditor({ annee, initial }: { annee: number; initial: PlanBilan }) {
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<PlanDraft>(() => draftOf(initial));
  const [errors, setErrors] = useState<ReturnType<typeof planErrors>>({});
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const dirty = isDirty(saved, draft);
  const unsaved = useUnsavedChanges(dirty);

  const setAction = (index: number, key: keyof ActionPlan, value: string) => {
    setMessage('');
    setDraft((current) => ({
      ...current,
      actions: current.actions.map((action, i) => (i === index ? { ...action, [key]: value } : action)),
    }));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    setFailure('');
    const found = planErrors(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFailure('Le plan n’est pas enregistré : corrigez les champs signalés.');
      return;
    }
    setBusy(true);
    unsaved.release();
    try {
      const plan = await call('bilan.plan.set', { annee, ...normalised(draft) });
      setSaved(plan);
      setDraft(draftOf(plan));
      setMessage(`Plan d’action ${annee} enregistré.`);
    } catch (error) {
      unsaved.hold();
      setFailure(`Le plan n’est pas enregistré : ${toApiError(error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const printed = normalised(draft);
  return (
    <div className="bilan-plan">
      <form onSubmit={(event) => void save(event)} className="no-print" noValidate aria-label="Plan d'action">
        <FormMessage testId="bilan-plan-error">{failure}</FormMessage>
        <p className="hint" id="plan-hint">
          {saved.modifieLe
            ? `Enregistré le ${INSTANT.format(new Date(saved.modifieLe))}${saved.modifiePar ? ` par ${saved.modifiePar}` : ''}.`
            : 'Pas encore enregistré.'}{' '}
          {dirty && <strong data-testid="bilan-plan-dirty">Modifications non enregistrées.</strong>}
        </p>
        <label htmlFor="plan-action" className="field-label">
          Actions prévues pour {annee + 1}
        </label>
        <textarea
          id="plan-action"
          className="text-input"
          value={draft.texte}
          onChange={(event) => {
            setMessage('');
            setDraft({ ...draft, texte: event.target.value });
          }}
          aria-describedby="plan-hint"
          data-testid="bilan-plan-text"
        />
        <div className="table-wrap">
          <table className="figures-table bilan-plan-edit" data-testid="bilan-plan-edit">
            <caption>Actions</caption>
            <thead>
              <tr>
                {PLAN_FIELDS.map((field) => (
                  <th key={field.key} scope="col">
                    {field.label}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Retirer</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.actions.map((action, index) => (
                <tr key={index} data-testid="bilan-plan-line">
                  {PLAN_FIELDS.map((field) => {
                    const id = `plan-${index}-${field.key}`;
                    const error = errors[index]?.[field.key];
                    return (
                      <td key={field.key}>
                        <input
                          id={id}
                          className="text-input"
                          type={field.key === 'echeance' ? 'date' : 'text'}
                          aria-label={`${field.label}, action ${index + 1}`}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${id}-error` : undefined}
                          value={action[field.key]}
                          onChange={(event) => setAction(index, field.key, event.target.value)}
                          data-testid={`plan-${field.key}`}
                        />
                        {error && (
                          <p className="field-error" id={`${id}-error`}>
                            {error}
                          </p>
                        )}
                      </td>
                    );
                  })}
                  <td>
                    <button
                      type="button"
                      className="button button-outline"
                      aria-label={`Retirer l'action ${index + 1}`}
                      onClick={() =>
                        setDraft({ ...draft, actions: draft.actions.filter((_, i) => i !== index) })
                      }
                    >
                      Retirer
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="bilan-plan-buttons">
          <button
            type="button"
            className="button button-outline"
            onClick={() => setDraft({ ...draft, actions: [...draft.actions, blankAction()] })}
            data-testid="bilan-plan-add"
          >
            Ajouter une action
          </button>
          <button type="submit" className="button" disabled={busy} data-testid="bilan-plan-save">
            Enregistrer
          </button>
        </div>
        <p role="status" className="figures-status" data-testid="bilan-plan-saved">
          {message}
        </p>
      </form>
      <div className="bilan-plan-printed print-only">{printed.texte}</div>
      <div className="table-wrap print-only">
        <table className="figures-table bilan-plan-grid" data-testid="bilan-plan-grid">
          <caption>Suivi des actions</caption>
          <thead>
            <tr>
              {PLAN_FIELDS.map((field) => (
                <th key={field.key} scope="col">
                  {field.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...printed.actions, blankAction(), blankAction()].map((action, row) => (
              <tr key={row}>
                {PLAN_FIELDS.map((field) => (
                  <td key={field.key}>
                    {field.key === 'echeance' && action.echeance
                      ? formatDate(action.echeance)
                      : action[field.key]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
