import type { FormEvent } from 'react';
import { useState } from 'react';
import {
  SMTP_SECURITES,
  SMTP_SECURITE_LABELS,
  type SmtpFields,
  type SmtpSecurite,
  type SmtpView,
} from '../../../../common/usager/methods';
import { call } from '../../api';
import { apiFieldError } from '../../ui/forms/apiField';
import { SelectField, TextField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { useSubmit } from '../../ui/forms/useSubmit';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { plural } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';

const FIELDS = ['hote', 'port', 'securite', 'utilisateur', 'motDePasse', 'expediteur', 'nomExpediteur'];

interface Typed {
  hote: string;
  port: string;
  securite: SmtpSecurite;
  utilisateur: string;
  motDePasse: string;
  expediteur: string;
  nomExpediteur: string;
}

function typedFrom(view: SmtpView): Typed {
  return {
    hote: view.hote,
    port: String(view.port),
    securite: view.securite,
    utilisateur: view.utilisateur,
    motDePasse: '',
    expediteur: view.expediteur,
    nomExpediteur: view.nomExpediteur,
  };
}

function fieldsOf(typed: Typed): SmtpFields {
  // An empty port is sent as NaN so the core answers « indiquez un port » beside the field.
  const port = typed.port.trim() === '' ? Number.NaN : Number(typed.port);
  return { ...typed, port, motDePasse: typed.motDePasse === '' ? undefined : typed.motDePasse };
}

function SmtpForm({ view }: { view: SmtpView }) {
  const [typed, setTyped] = useState<Typed>(() => typedFrom(view));
  const [saved, setSaved] = useState<SmtpView>(view);
  const [notice, setNotice] = useState('');
  const save = useSubmit();
  const test = useSubmit();
  const error = save.error ?? test.error;
  const fieldError = apiFieldError(error, FIELDS);
  const errorOf = (field: string) => (fieldError?.field === field ? fieldError.message : undefined);
  const set = (field: keyof Typed) => (value: string) =>
    setTyped((current) => ({ ...current, [field]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice('');
    await save.run(
      () => call('usager.smtp.set', fieldsOf(typed)),
      (view) => {
        setSaved(view);
        setTyped(typedFrom(view));
        setNotice('Réglages de messagerie enregistrés.');
      },
    );
  };

  const onTest = async () => {
    setNotice('');
    await test.run(
      () => call('usager.smtp.tester', fieldsOf(typed)),
      (answer) => setNotice(answer.message),
    );
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate data-testid="smtp-form">
      <FormMessage>{error && !fieldError ? error.message : null}</FormMessage>
      <TextField
        id="smtp-hote"
        label="Serveur de messagerie (SMTP)"
        value={typed.hote}
        spellCheck={false}
        onChange={(event) => set('hote')(event.target.value)}
        error={errorOf('hote')}
        hint="Fourni par le service informatique de la ville, par exemple smtp.ville.fr."
      />
      <TextField
        id="smtp-port"
        label="Port"
        inputMode="numeric"
        value={typed.port}
        onChange={(event) => set('port')(event.target.value)}
        error={errorOf('port')}
      />
      <SelectField
        id="smtp-securite"
        label="Chiffrement"
        value={typed.securite}
        options={SMTP_SECURITES.map((value) => ({ value, label: SMTP_SECURITE_LABELS[value] }))}
        onChange={(event) => set('securite')(event.target.value)}
        error={errorOf('securite')}
      />
      <TextField
        id="smtp-utilisateur"
        label="Identifiant (laisser vide si le serveur n’en demande pas)"
        autoComplete="off"
        value={typed.utilisateur}
        onChange={(event) => set('utilisateur')(event.target.value)}
        error={errorOf('utilisateur')}
      />
      <TextField
        id="smtp-mot-de-passe"
        label="Mot de passe"
        type="password"
        autoComplete="new-password"
        value={typed.motDePasse}
        placeholder={saved.motDePasseDefini ? 'défini' : ''}
        onChange={(event) => set('motDePasse')(event.target.value)}
        error={errorOf('motDePasse')}
        hint={
          saved.motDePasseDefini
            ? 'Un mot de passe est défini : laissez vide pour le garder.'
            : 'Aucun mot de passe défini.'
        }
      />
      <TextField
        id="smtp-expediteur"
        label="Adresse d’expédition"
        type="email"
        value={typed.expediteur}
        onChange={(event) => set('expediteur')(event.target.value)}
        error={errorOf('expediteur')}
        hint="Celle que l’usager voit, et à laquelle il peut répondre."
      />
      <TextField
        id="smtp-nom"
        label="Nom de l’expéditeur"
        value={typed.nomExpediteur}
        onChange={(event) => set('nomExpediteur')(event.target.value)}
        error={errorOf('nomExpediteur')}
        hint="Par exemple « Accueil de la mairie »."
      />
      <div className="admin-actions">
        <button type="submit" className="button" disabled={save.busy} data-testid="smtp-save">
          Enregistrer
        </button>
        <button
          type="button"
          className="button button-outline"
          disabled={test.busy}
          onClick={() => void onTest()}
          data-testid="smtp-test"
        >
          {test.busy ? 'Test en cours…' : 'Tester'}
        </button>
      </div>
      <p role="status" className="admin-notice" data-testid="smtp-notice">
        {notice}
      </p>
      <p className="muted" data-testid="smtp-envois">
        Fiches envoyées par courriel : {plural(saved.envois.aujourdhui, 'envoi')} aujourd’hui,{' '}
        {plural(saved.envois.trenteJours, 'envoi')} sur 30 jours. Les adresses ne sont jamais conservées.
      </p>
    </form>
  );
}

/** « Messagerie »: the city's SMTP server, through which the desks send fiches to citizens. */
export function SmtpSection() {
  const loaded = useCall('usager.smtp.get', {});
  return (
    <section className="card admin-section" aria-labelledby="smtp-title" data-testid="smtp">
      <h2 id="smtp-title">Messagerie (envoi des fiches aux usagers)</h2>
      <p className="muted">
        Les fiches envoyées depuis « Pour l’usager » partent de ce serveur. Le mot de passe reste dans la base
        de l’application : il n’est jamais réaffiché.
      </p>
      {loaded.status === 'loading' && <Loading label="Chargement des réglages de messagerie…" />}
      {loaded.status === 'error' && (
        <ErrorMessage error={loaded.error} context="Impossible de lire les réglages de messagerie." />
      )}
      {loaded.status === 'ok' && <SmtpForm view={loaded.data} />}
    </section>
  );
}
