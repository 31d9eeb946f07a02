// One corrective action (#/actions/7), or a new one (#/actions/nouvelle, with `origine` and `origineId` when it
// comes from a content gap or the annual review): what, who, by when, where it stands, the evidence of what was
// done and the follow-up indicator. « Faite » needs its evidence (the core says so next to the form).
import type { FormEvent } from 'react';
import { actionCreateFields, actionStateFields, needsEvidence } from '../../../../common/actions/methods';
import type { ActionOrigine, ActionStatut } from '../../../../common/actions/types';
import {
  ACTION_ORIGINE_LABELS,
  ACTION_ORIGINES,
  ACTION_STATUT_LABELS,
  ACTION_STATUTS,
} from '../../../../common/actions/types';
import { call } from '../../api';
import { navigate } from '../../navigation';
import type { Params } from '../../router';
import { SelectField, TextAreaField, TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { NotReady } from '../../ui/forms/NotReady';
import { ParentLink } from '../../ui/forms/ParentLink';
import { SubmitBar } from '../../ui/forms/SubmitBar';
import { useRecordForm } from '../../ui/forms/useRecordForm';
import { PageMain } from '../../ui/PageMain';
import { useCall } from '../../ui/hooks/useCall';
import '../../ui/registres.css';

interface ActionForm {
  quoi: string;
  responsable: string;
  echeance: string;
  indicateur: string;
  preuve: string;
  statut: ActionStatut;
  origine: ActionOrigine;
  origineId: string;
  origineLibelle: string;
  pointId: string;
}

const loadAction = (id: number): Promise<ActionForm> =>
  call('actions.get', { id }).then((a) => ({
    quoi: a.quoi,
    responsable: a.responsable,
    echeance: a.echeance,
    indicateur: a.indicateur,
    preuve: a.preuve,
    statut: a.statut,
    origine: a.origine,
    origineId: a.origineId ?? '',
    origineLibelle: a.origineLibelle,
    pointId: a.point ? String(a.point.id) : '',
  }));

function originOf(params: Params): ActionOrigine {
  const origine = params.origine as ActionOrigine | undefined;
  return origine && ACTION_ORIGINES.includes(origine) && origine !== 'constat' ? origine : 'autre';
}

export function ActionPage({ id, params }: { id: number | null; params: Params }) {
  const points = useCall('points.list', {});
  const { loaded, form, set, errors, failure, saving, heading, submit } = useRecordForm<ActionForm>(
    id,
    {
      quoi: params.quoi ?? '',
      responsable: params.responsable ?? '',
      echeance: params.echeance ?? '',
      indicateur: params.indicateur ?? '',
      preuve: '',
      statut: 'a_faire',
      origine: originOf(params),
      origineId: params.origineId ?? '',
      origineLibelle: '',
      pointId: '',
    },
    loadAction,
  );
  const title = id === null ? 'Nouvelle action corrective' : 'Action corrective';
  if (loaded.status !== 'ready')
    return <NotReady title={title} state={loaded} loadingLabel="Chargement de l’action…" />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const common = {
      quoi: form.quoi,
      responsable: form.responsable,
      echeance: form.echeance,
      indicateur: form.indicateur,
      preuve: form.preuve,
    };
    if (id === null)
      void submit(
        actionCreateFields,
        {
          ...common,
          origine: form.origine,
          origineId: form.origineId === '' ? undefined : form.origineId,
          pointId: form.pointId === '' ? undefined : Number(form.pointId),
        },
        async (data) => {
          const saved = await call('actions.create', data);
          navigate({ name: 'action', id: saved.id, params: {} });
        },
      );
    else
      void submit(needsEvidence(actionStateFields), { ...common, statut: form.statut }, async (data) => {
        await call('actions.update', { ...data, id });
        navigate({ name: 'actions', params: {} });
      });
  };

  return (
    <PageMain className="reg-page">
      <ParentLink href="#/actions">Actions correctives</ParentLink>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {id !== null && (
        <p className="muted" data-testid="action-origine">
          Origine : {form.origineLibelle}
        </p>
      )}
      <form className="card" onSubmit={onSubmit} noValidate data-testid="action-form">
        {failure && <FormMessage kind="error">{failure}</FormMessage>}
        <TextAreaField
          id="action-quoi"
          label="Action"
          value={form.quoi}
          onChange={(e) => set('quoi', e.target.value)}
          error={errors.quoi}
          required
        />
        <div className="reg-form-grid">
          <TextField
            id="action-responsable"
            label="Responsable"
            value={form.responsable}
            onChange={(e) => set('responsable', e.target.value)}
            error={errors.responsable}
          />
          <TextField
            id="action-echeance"
            label="Échéance"
            type="date"
            value={form.echeance}
            onChange={(e) => set('echeance', e.target.value)}
            error={errors.echeance}
            required
          />
          {id === null ? (
            <>
              <SelectField
                id="action-origine-choix"
                label="Origine"
                value={form.origine}
                onChange={(e) => set('origine', e.target.value as ActionOrigine)}
                error={errors.origine}
                options={ACTION_ORIGINES.filter((o) => o !== 'constat').map((o) => ({
                  value: o,
                  label: ACTION_ORIGINE_LABELS[o],
                }))}
              />
              <SelectField
                id="action-point"
                label="Point d'accueil concerné"
                value={form.pointId}
                onChange={(e) => set('pointId', e.target.value)}
                error={errors.pointId}
                placeholder="Aucun en particulier"
                options={
                  points.status === 'ok'
                    ? points.data.points.map((p) => ({ value: String(p.id), label: p.nom }))
                    : []
                }
              />
            </>
          ) : (
            <SelectField
              id="action-statut"
              label="État"
              value={form.statut}
              onChange={(e) => set('statut', e.target.value as ActionStatut)}
              error={errors.statut}
              options={ACTION_STATUTS.map((s) => ({ value: s, label: ACTION_STATUT_LABELS[s] }))}
            />
          )}
          <TextField
            id="action-indicateur"
            label="Indicateur de suivi"
            value={form.indicateur}
            onChange={(e) => set('indicateur', e.target.value)}
            error={errors.indicateur}
          />
        </div>
        <TextAreaField
          id="action-preuve"
          label="Preuve de réalisation"
          hint="Ce qui montre que l’action est faite (compte rendu, photo, document) : nécessaire pour la passer à « Faite »."
          value={form.preuve}
          onChange={(e) => set('preuve', e.target.value)}
          error={errors.preuve}
        />
        <SubmitBar
          className="reg-actions"
          label={id === null ? 'Créer l’action' : 'Enregistrer'}
          busy={saving}
          cancelHref="#/actions"
          testId="action-save"
        />
      </form>
    </PageMain>
  );
}
