// Internal audits for the label manager (#/controles): plan one (which point, which grid, how, when, by whom —
// an agent holding the « Auditeur interne » training), and the audits, latest first, with their findings.
import type { FormEvent } from 'react';
import { useState } from 'react';
import { planFields } from '../../../../common/controles/methods';
import type { ControleMode } from '../../../../common/controles/types';
import { CONTROLE_MODES, MODE_LABELS } from '../../../../common/controles/types';
import { call } from '../../api';
import { navigate } from '../../navigation';
import type { Params } from '../../router';
import { SelectField, TextField } from '../../ui/forms/Field';
import type { FieldErrors } from '../../ui/forms/checkForm';
import { checkForm } from '../../ui/forms/checkForm';
import { apiFieldError } from '../../ui/forms/apiField';
import { FormMessage } from '../../ui/forms/FormMessage';
import { useSubmit } from '../../ui/forms/useSubmit';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { isoDay } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { ControlesTable } from './ControlesTable';
import '../label/label.css';

interface PlanForm {
  pointId: string;
  grilleId: string;
  mode: ControleMode;
  prevuLe: string;
  auditeurId: string;
}

const PLAN_FIELDS = ['pointId', 'grilleId', 'mode', 'prevuLe', 'auditeurId'];

function PlanAudit() {
  const points = useCall('points.list', { ouvert: true });
  const grilles = useCall('controles.grilles.list', {});
  const auditeurs = useCall('controles.auditeurs', {});
  const [form, setForm] = useState<PlanForm>({
    pointId: '',
    grilleId: '',
    mode: 'visite',
    prevuLe: isoDay(new Date()),
    auditeurId: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const { busy, error, run } = useSubmit();
  const set = <K extends keyof PlanForm>(key: K, value: PlanForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const fieldError = apiFieldError(error, PLAN_FIELDS);
  const errorOf = (field: string) =>
    errors[field] ?? (fieldError?.field === field ? fieldError.message : null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkForm(planFields, {
      ...form,
      pointId: form.pointId === '' ? undefined : Number(form.pointId),
      grilleId: form.grilleId === '' ? undefined : Number(form.grilleId),
      auditeurId: form.auditeurId === '' ? undefined : Number(form.auditeurId),
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    void run(
      () => call('controles.plan', checked.data),
      (view) => navigate({ name: 'controle', id: view.id }),
    );
  };

  const noAuditor = auditeurs.status === 'ok' && auditeurs.data.auditeurs.length === 0;
  return (
    <form className="card" onSubmit={onSubmit} noValidate data-testid="plan-form">
      <h2>Planifier un audit</h2>
      {error && !fieldError && <FormMessage kind="error">{error.message}</FormMessage>}
      {noAuditor && (
        <p className="hint" data-testid="no-auditor">
          Aucun agent ne détient de formation « Auditeur interne » en cours de validité : enregistrez-la dans
          les <a href="#/formations">formations</a>.
        </p>
      )}
      <div className="reg-form-grid">
        <SelectField
          id="plan-point"
          label="Point d'accueil"
          value={form.pointId}
          onChange={(e) => set('pointId', e.target.value)}
          error={errorOf('pointId')}
          placeholder="Choisir…"
          options={
            points.status === 'ok'
              ? points.data.points.map((p) => ({ value: String(p.id), label: p.nom }))
              : []
          }
        />
        <SelectField
          id="plan-grille"
          label="Grille"
          value={form.grilleId}
          onChange={(e) => set('grilleId', e.target.value)}
          error={errorOf('grilleId')}
          placeholder="Choisir…"
          options={
            grilles.status === 'ok'
              ? grilles.data.grilles.map((g) => ({
                  value: String(g.id),
                  label: `${g.nom} (version ${g.version})`,
                }))
              : []
          }
        />
        <SelectField
          id="plan-mode"
          label="Mode"
          value={form.mode}
          onChange={(e) => set('mode', e.target.value as ControleMode)}
          error={errorOf('mode')}
          options={CONTROLE_MODES.map((mode) => ({ value: mode, label: MODE_LABELS[mode] }))}
        />
        <TextField
          id="plan-date"
          label="Prévu le"
          type="date"
          value={form.prevuLe}
          onChange={(e) => set('prevuLe', e.target.value)}
          error={errorOf('prevuLe')}
        />
        <SelectField
          id="plan-auditeur"
          label="Auditeur"
          value={form.auditeurId}
          onChange={(e) => set('auditeurId', e.target.value)}
          error={errorOf('auditeurId')}
          placeholder="Choisir…"
          options={
            auditeurs.status === 'ok'
              ? auditeurs.data.auditeurs.map((a) => ({
                  value: String(a.agentId),
                  label: `${a.prenom} ${a.nom}`,
                }))
              : []
          }
        />
      </div>
      <div className="reg-actions">
        <button type="submit" className="button" disabled={busy} data-testid="plan-save">
          Planifier l’audit
        </button>
      </div>
    </form>
  );
}

export function ControlesPage({ params }: { params: Params }) {
  const annee = params.annee && /^\d{4}$/.test(params.annee) ? Number(params.annee) : undefined;
  const state = useCall('controles.list', annee === undefined ? {} : { annee });
  const heading = useFocusHeading<HTMLHeadingElement>(state.status !== 'loading');
  return (
    <PageMain className="label-page">
      <h1 ref={heading} tabIndex={-1}>
        Audits internes
      </h1>
      <p>
        <a href="#/controles/grilles">Grilles d’audit</a> · <a href="#/actions">Actions correctives</a> ·{' '}
        <a href="#/mes-audits">Mes audits à réaliser</a>
      </p>
      <PlanAudit />
      <h2>Audits{annee === undefined ? '' : ` de ${annee}`}</h2>
      {state.status === 'loading' && <Loading label="Chargement des audits…" />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ok' &&
        (state.data.controles.length === 0 ? (
          <p>Aucun audit interne n’a encore été planifié.</p>
        ) : (
          <ControlesTable controles={state.data.controles} caption="Audits internes" />
        ))}
    </PageMain>
  );
}

export function MesControlesPage() {
  const state = useCall('controles.mine', {});
  const heading = useFocusHeading<HTMLHeadingElement>(state.status !== 'loading');
  return (
    <PageMain className="label-page">
      <h1 ref={heading} tabIndex={-1}>
        Mes audits internes
      </h1>
      {state.status === 'loading' && <Loading label="Chargement de vos audits…" />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ok' &&
        (state.data.controles.length === 0 ? (
          <p data-testid="mes-audits-none">Aucun audit interne ne vous est confié en ce moment.</p>
        ) : (
          <ControlesTable controles={state.data.controles} caption="Mes audits à réaliser" />
        ))}
    </PageMain>
  );
}
