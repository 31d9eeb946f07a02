// One complaint in full, for the roles that handle them: the citizen's details (until erased), the object, and
// the next steps — acknowledge, assign to a service, answer, close, raise a corrective action.
import { useState } from 'react';
import type { ReclamationVue } from '../../../../common/reclamations/methods';
import { STATUT_LABELS, TYPE_LABELS } from '../../../../common/reclamations/methods';
import { CANAL_LABELS } from '../../../../common/journal/codes';
import { call } from '../../api';
import { TextAreaField, TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { useSubmit } from '../../ui/forms/useSubmit';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { formatDate } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';

function Steps({ r, onChanged }: { r: ReclamationVue; onChanged(): void }) {
  const [serviceId, setServiceId] = useState(r.serviceId ?? '');
  const [reponse, setReponse] = useState('');
  const submit = useSubmit();
  const open = r.statut !== 'repondue' && r.statut !== 'close';
  const act = (action: () => Promise<unknown>) => void submit.run(action, onChanged);
  return (
    <div className="reclamation-steps">
      {r.statut === 'recue' && (
        <button
          type="button"
          className="button"
          onClick={() => act(() => call('reclamations.acknowledge', { id: r.id }))}
        >
          Accuser réception
        </button>
      )}
      {open && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            act(() => call('reclamations.assign', { id: r.id, serviceId }));
          }}
        >
          <TextField
            id="reclamation-service"
            label="Service chargé de la réponse (identifiant de l’annuaire)"
            value={serviceId}
            onChange={(event) => setServiceId(event.target.value)}
            error={submit.error?.field === 'serviceId' ? submit.error.message : undefined}
          />
          <button type="submit" className="button button-outline">
            Attribuer
          </button>
        </form>
      )}
      {open && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            act(() => call('reclamations.answer', { id: r.id, reponse }));
          }}
        >
          <TextAreaField
            id="reclamation-reponse"
            label="Réponse faite à l’usager"
            rows={3}
            value={reponse}
            onChange={(event) => setReponse(event.target.value)}
            error={submit.error?.field === 'reponse' ? submit.error.message : undefined}
          />
          <button type="submit" className="button" data-testid="reclamation-answer">
            Enregistrer la réponse
          </button>
        </form>
      )}
      {r.statut === 'repondue' && (
        <button
          type="button"
          className="button"
          onClick={() => act(() => call('reclamations.close', { id: r.id }))}
        >
          Clore
        </button>
      )}
      {r.actionId === null && (
        <button
          type="button"
          className="button button-outline"
          onClick={() => act(() => call('reclamations.raiseAction', { id: r.id }))}
        >
          Ouvrir une action corrective
        </button>
      )}
      <FormMessage>{submit.error && !submit.error.field ? submit.error.message : null}</FormMessage>
    </div>
  );
}

export function ReclamationDetail({ id, onChanged }: { id: number; onChanged(): void }) {
  const [version, setVersion] = useState(0);
  const state = useCall('reclamations.get', { id }, { refresh: String(version) });
  if (state.status === 'loading') return <Loading label="Chargement de la réclamation…" />;
  if (state.status === 'error') return <ErrorMessage error={state.error} />;
  const r = state.data;
  const c = r.coordonnees;
  return (
    <section className="card" aria-labelledby="reclamation-detail-title" data-testid="reclamation-detail">
      <h2 id="reclamation-detail-title">
        {TYPE_LABELS[r.type]} n° {r.id} — {STATUT_LABELS[r.statut]}
      </h2>
      <dl className="detail-list">
        <dt>Reçue le</dt>
        <dd>
          {formatDate(r.recueLe)} ({CANAL_LABELS[r.canal]}
          {r.pointNom ? `, ${r.pointNom}` : ''})
        </dd>
        <dt>Réponse attendue au plus tard le</dt>
        <dd>
          {formatDate(r.echeance)}
          {r.enRetard && <span className="badge badge-error"> En retard</span>}
        </dd>
        {r.reponduLe && (
          <>
            <dt>Répondue le</dt>
            <dd data-testid="reclamation-delai">
              {formatDate(r.reponduLe)} — {r.delaiTenu ? 'dans le délai' : 'hors délai'}
            </dd>
          </>
        )}
        <dt>Objet</dt>
        <dd>{r.objet || '(effacé après la durée de conservation)'}</dd>
        {r.reponse && (
          <>
            <dt>Réponse</dt>
            <dd>{r.reponse}</dd>
          </>
        )}
        <dt>Usager</dt>
        <dd data-testid="reclamation-usager">
          {c === null
            ? 'Coordonnées effacées après la durée de conservation.'
            : [c.nom, c.courriel, c.telephone, c.adresse].filter(Boolean).join(' · ') ||
              'Aucune coordonnée laissée.'}
        </dd>
        {r.actionId !== null && (
          <>
            <dt>Action corrective</dt>
            <dd>n° {r.actionId}</dd>
          </>
        )}
      </dl>
      <Steps
        key={`${r.statut}-${r.serviceId ?? ''}`}
        r={r}
        onChanged={() => {
          setVersion((v) => v + 1);
          onChanged();
        }}
      />
    </section>
  );
}
