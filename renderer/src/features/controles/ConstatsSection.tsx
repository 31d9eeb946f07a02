// An audit's findings (constats), graded. While the audit is open, its auditor adds or removes them; once
// finished, a label manager raises a corrective action from an open finding (what, who, by when) or lifts it.
import type { FormEvent } from 'react';
import { useState } from 'react';
import { actionFields } from '../../../../common/actions/methods';
import type { Constat, ControleView, Gravite } from '../../../../common/controles/types';
import { GRAVITE_LABELS, GRAVITES } from '../../../../common/controles/types';
import { constatFields } from '../../../../common/controles/methods';
import { call } from '../../api';
import { SelectField, TextAreaField, TextField } from '../../ui/forms/Field';
import type { FieldErrors } from '../../ui/forms/checkForm';
import { checkForm } from '../../ui/forms/checkForm';
import { FormMessage } from '../../ui/forms/FormMessage';
import { useSubmit } from '../../ui/forms/useSubmit';
import { formatDate } from '../../ui/format';
import { ActionStatutBadge, GraviteBadge } from './ControleBadges';
import type { ActionStatut } from '../../../../common/actions/types';

function AddConstat({ view, onChanged }: { view: ControleView; onChanged: (view: ControleView) => void }) {
  const [critere, setCritere] = useState('');
  const [gravite, setGravite] = useState<Gravite | ''>('');
  const [texte, setTexte] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const { busy, error, run } = useSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkForm(constatFields, {
      controleId: view.id,
      critere: critere === '' ? undefined : critere,
      gravite: gravite === '' ? undefined : gravite,
      texte,
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    void run(
      () => call('controles.constats.add', checked.data),
      (next) => {
        setCritere('');
        setGravite('');
        setTexte('');
        onChanged(next);
      },
    );
  };
  return (
    <form className="card no-print" onSubmit={onSubmit} noValidate data-testid="constat-form">
      <h3>Ajouter un constat</h3>
      {error && <FormMessage kind="error">{error.message}</FormMessage>}
      <div className="reg-form-grid">
        <SelectField
          id="constat-gravite"
          label="Gravité"
          value={gravite}
          onChange={(e) => setGravite(e.target.value as Gravite | '')}
          error={errors.gravite}
          placeholder="Choisir…"
          options={GRAVITES.map((g) => ({ value: g, label: GRAVITE_LABELS[g] }))}
        />
        <SelectField
          id="constat-critere"
          label="Critère concerné"
          value={critere}
          onChange={(e) => setCritere(e.target.value)}
          error={errors.critere}
          placeholder="Aucun en particulier"
          options={view.grille.themes.flatMap((t) =>
            t.criteres.map((c) => ({ value: c.code, label: `${t.libelle} — ${c.libelle}` })),
          )}
        />
      </div>
      <TextAreaField
        id="constat-texte"
        label="Constat"
        value={texte}
        maxLength={2000}
        onChange={(e) => setTexte(e.target.value)}
        error={errors.texte}
      />
      <button type="submit" className="button button-outline" disabled={busy} data-testid="constat-add">
        Ajouter le constat
      </button>
    </form>
  );
}

/** What a label manager types to raise an action from a finding. */
function ActionFromConstat({ constat, onCreated }: { constat: Constat; onCreated: () => Promise<void> }) {
  const [form, setForm] = useState({ quoi: '', responsable: '', echeance: '', indicateur: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const { busy, error, run } = useSubmit();
  const set = (key: keyof typeof form, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkForm(actionFields, { ...form, preuve: '' });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    void run(
      () => call('actions.create', { ...checked.data, origine: 'constat', origineId: String(constat.id) }),
      () => void onCreated(),
    );
  };
  return (
    <form className="card no-print" onSubmit={onSubmit} noValidate data-testid="action-from-constat">
      {error && <FormMessage kind="error">{error.message}</FormMessage>}
      <TextAreaField
        id={`action-quoi-${constat.id}`}
        label="Action corrective"
        value={form.quoi}
        onChange={(e) => set('quoi', e.target.value)}
        error={errors.quoi}
      />
      <div className="reg-form-grid">
        <TextField
          id={`action-responsable-${constat.id}`}
          label="Responsable"
          value={form.responsable}
          onChange={(e) => set('responsable', e.target.value)}
          error={errors.responsable}
        />
        <TextField
          id={`action-echeance-${constat.id}`}
          label="Échéance"
          type="date"
          value={form.echeance}
          onChange={(e) => set('echeance', e.target.value)}
          error={errors.echeance}
        />
        <TextField
          id={`action-indicateur-${constat.id}`}
          label="Indicateur de suivi"
          value={form.indicateur}
          onChange={(e) => set('indicateur', e.target.value)}
          error={errors.indicateur}
        />
      </div>
      <button type="submit" className="button" disabled={busy} data-testid="action-create">
        Créer l’action corrective
      </button>
    </form>
  );
}

function ConstatItem({
  view,
  constat,
  onChanged,
  reload,
}: {
  view: ControleView;
  constat: Constat;
  onChanged: (view: ControleView) => void;
  reload: () => Promise<void>;
}) {
  const [raising, setRaising] = useState(false);
  const { busy, error, run } = useSubmit();
  const manage = view.peutGerer && view.statut === 'termine' && constat.statut === 'ouvert';
  return (
    <li
      className="controle-constat"
      data-testid="constat"
      data-gravite={constat.gravite}
      data-statut={constat.statut}
    >
      <p>
        <GraviteBadge gravite={constat.gravite} />{' '}
        {constat.statut === 'leve' ? (
          <span className="badge badge-open">
            Levé{constat.leveLe ? ` le ${formatDate(constat.leveLe)}` : ''}
          </span>
        ) : (
          view.statut === 'termine' && <span className="badge badge-count">Ouvert</span>
        )}
      </p>
      <p className="pre-line">{constat.texte}</p>
      {constat.critereLibelle && <p className="muted">Critère : {constat.critereLibelle}</p>}
      {constat.actions.length > 0 && (
        <ul aria-label="Actions correctives" data-testid="constat-actions">
          {constat.actions.map((a) => (
            <li key={a.id}>
              <a href={`#/actions/${a.id}`}>{a.quoi}</a> — échéance {formatDate(a.echeance)}{' '}
              <ActionStatutBadge statut={a.statut as ActionStatut} />
            </li>
          ))}
        </ul>
      )}
      {error && <FormMessage kind="error">{error.message}</FormMessage>}
      <div className="controle-toolbar no-print">
        {view.peutRemplir && (
          <button
            type="button"
            className="button button-outline"
            disabled={busy}
            onClick={() => void run(() => call('controles.constats.remove', { id: constat.id }), onChanged)}
          >
            Retirer ce constat
          </button>
        )}
        {manage && constat.gravite !== 'fort' && (
          <button
            type="button"
            className="button button-outline"
            aria-expanded={raising}
            onClick={() => setRaising((r) => !r)}
            data-testid="constat-raise"
          >
            Créer une action corrective
          </button>
        )}
        {manage && (
          <button
            type="button"
            className="button button-outline"
            disabled={busy}
            onClick={() =>
              void run(
                () => call('controles.constats.lever', { id: constat.id }),
                () => void reload(),
              )
            }
            data-testid="constat-lever"
          >
            Lever le constat
          </button>
        )}
      </div>
      {raising && (
        <ActionFromConstat
          constat={constat}
          onCreated={async () => {
            setRaising(false);
            await reload();
          }}
        />
      )}
    </li>
  );
}

export function ConstatsSection({
  view,
  onChanged,
  reload,
}: {
  view: ControleView;
  onChanged: (view: ControleView) => void;
  reload: () => Promise<void>;
}) {
  return (
    <section aria-labelledby="constats-title" data-testid="constats">
      <h2 id="constats-title">Constats</h2>
      {view.liste.length === 0 ? (
        <p>Aucun constat.</p>
      ) : (
        <ul className="plain-list">
          {view.liste.map((constat) => (
            <ConstatItem
              key={constat.id}
              view={view}
              constat={constat}
              onChanged={onChanged}
              reload={reload}
            />
          ))}
        </ul>
      )}
      {view.peutRemplir && <AddConstat view={view} onChanged={onChanged} />}
    </section>
  );
}
