// Training: the sessions (filters in the URL: type, du, au) with their attendance counts, and the training
// types with their validity, editable in place (a validity change applies at once to every agent).
import type { FormEvent } from 'react';
import { useState } from 'react';
import type { TrainingType } from '../../../../common/formations/methods';
import { trainingTypeFields } from '../../../../common/formations/methods';
import { call, toApiError } from '../../api';
import { SelectField, TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { checkForm } from '../../ui/forms/checkForm';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { plural } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { navigate } from '../../navigation';
import type { Params } from '../../router';
import { dayOrDash, withParam } from '../../ui/registresFormat';
import { useRecord } from '../../ui/hooks/useRecord';
import '../../ui/registres.css';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function FormationsPage({ params }: { params: Params }) {
  const [types, setTypes] = useRecord('formations.types', {});
  const du = params.du && DAY.test(params.du) ? params.du : undefined;
  const au = params.au && DAY.test(params.au) ? params.au : undefined;
  const type = params.type || undefined;
  const sessions = useCall('formations.list', { type, du, au }, { keepPrevious: true });
  const setParam = (key: string, value: string) =>
    navigate({ name: 'formations', params: withParam(params, key, value) }, { replace: true });

  return (
    <PageMain className="reg-page">
      <div className="page-toolbar">
        <h1>Formations</h1>
        <a href="#/formations/nouvelle" className="button-link button-link-primary" data-testid="session-new">
          Nouvelle session
        </a>
      </div>

      <section className="card" aria-labelledby="types-title">
        <h2 id="types-title">Types de formation et durée de validité</h2>
        <p className="muted">
          Une formation compte jusqu&apos;à la veille de la même date, ce nombre de mois plus tard ; laissez
          la durée vide pour une formation qui n&apos;expire pas. Un changement s&apos;applique aussitôt à
          tous les agents.
        </p>
        {types.status === 'loading' && <Loading label="Chargement des types…" />}
        {types.status === 'error' && <ErrorMessage error={types.error} />}
        {types.status === 'ok' && (
          <div className="table-wrap">
            <table className="reg-table" data-testid="types-table">
              <caption className="visually-hidden">Types de formation</caption>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Libellé</th>
                  <th scope="col">Validité (mois)</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {types.data.types.map((t) => (
                  <TypeRow key={t.code} type={t} onSaved={(list) => setTypes({ types: list })} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">Sessions de formation</h2>
        <form
          className="reg-filters"
          role="search"
          aria-label="Filtrer les sessions"
          onSubmit={(e) => e.preventDefault()}
        >
          <SelectField
            id="sessions-type"
            label="Type de formation"
            value={type ?? ''}
            onChange={(e) => setParam('type', e.target.value)}
            placeholder="Tous les types"
            options={
              types.status === 'ok' ? types.data.types.map((t) => ({ value: t.code, label: t.libelle })) : []
            }
          />
          <TextField
            id="sessions-du"
            label="Du"
            type="date"
            value={du ?? ''}
            onChange={(e) => setParam('du', e.target.value)}
          />
          <TextField
            id="sessions-au"
            label="Au"
            type="date"
            value={au ?? ''}
            onChange={(e) => setParam('au', e.target.value)}
          />
        </form>
        {sessions.status === 'loading' && <Loading label="Chargement des sessions…" />}
        {sessions.status === 'error' && <ErrorMessage error={sessions.error} />}
        {sessions.status === 'ok' && (
          <>
            <p className="reg-count" role="status" data-testid="sessions-count">
              {plural(sessions.data.sessions.length, 'session')}
            </p>
            {sessions.data.sessions.length > 0 && (
              <div className="table-wrap">
                <table className="reg-table" data-testid="sessions-table">
                  <caption className="visually-hidden">
                    Sessions de formation, les plus récentes d&apos;abord
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col">Formation</th>
                      <th scope="col">Formateur</th>
                      <th scope="col">Lieu</th>
                      <th scope="col" className="reg-num">
                        Inscrits
                      </th>
                      <th scope="col" className="reg-num">
                        Présents
                      </th>
                      <th scope="col" className="reg-num">
                        Absents
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {sessions.data.sessions.map((s) => (
                      <tr key={s.id} data-testid="session-row">
                        <th scope="row">
                          <a href={`#/formations/${s.id}`}>{dayOrDash(s.date)}</a>
                          {s.aVenir && <span className="badge badge-national"> à venir</span>}
                        </th>
                        <td>{s.typeLibelle}</td>
                        <td>{s.formateur || '—'}</td>
                        <td>{s.lieu || '—'}</td>
                        <td className="reg-num">{s.inscrits}</td>
                        <td className="reg-num">{s.presents}</td>
                        <td className="reg-num">{s.absents}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </section>
    </PageMain>
  );
}

function TypeRow({ type, onSaved }: { type: TrainingType; onSaved(types: TrainingType[]): void }) {
  const [libelle, setLibelle] = useState(type.libelle);
  const [validite, setValidite] = useState(type.validiteMois === null ? '' : String(type.validiteMois));
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const changed =
    libelle !== type.libelle || validite !== (type.validiteMois === null ? '' : String(type.validiteMois));
  const formId = `type-${type.code}`;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkForm(trainingTypeFields, {
      code: type.code,
      libelle,
      validiteMois: validite.trim() === '' ? null : Number(validite),
    });
    if (!checked.ok) {
      setMessage({ kind: 'error', text: Object.values(checked.errors).join(' ') });
      return;
    }
    try {
      onSaved((await call('formations.types.update', checked.data)).types);
      setMessage({ kind: 'success', text: 'Enregistré.' });
    } catch (error) {
      setMessage({ kind: 'error', text: toApiError(error).message });
    }
  };

  return (
    <tr data-testid="type-row" data-code={type.code}>
      <th scope="row">
        <code>{type.code}</code>
      </th>
      <td>
        <label htmlFor={`${formId}-libelle`} className="visually-hidden">
          Libellé de la formation {type.code}
        </label>
        <input
          id={`${formId}-libelle`}
          form={formId}
          className="text-input"
          value={libelle}
          onChange={(e) => setLibelle(e.target.value)}
        />
      </td>
      <td>
        <label htmlFor={`${formId}-validite`} className="visually-hidden">
          Validité en mois de la formation {type.libelle}
        </label>
        <input
          id={`${formId}-validite`}
          form={formId}
          className="text-input reg-validity"
          type="number"
          min={1}
          max={240}
          inputMode="numeric"
          value={validite}
          onChange={(e) => setValidite(e.target.value)}
          data-testid="type-validite"
        />
      </td>
      <td>
        <form id={formId} onSubmit={(event) => void onSubmit(event)} noValidate>
          <button type="submit" className="button button-small" disabled={!changed}>
            Enregistrer<span className="visually-hidden"> {type.libelle}</span>
          </button>
        </form>
        {message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}
      </td>
    </tr>
  );
}
