// What the editors' workflow adds to the agents' fiche page: a discreet warning when the fiche is past its review
// date, the « Brouillon » banner (only editors can open a draft), the way to edit it (or to complete a national
// one), and the agents' quick « utile / pas utile » with a reason code.
import type { FormEvent } from 'react';
import { useState } from 'react';
import type { FicheMeta } from '../../../../common/contract';
import type { FeedbackMotif } from '../../../../common/redaction/codes';
import { FEEDBACK_MOTIFS, FEEDBACK_MOTIF_LABELS } from '../../../../common/redaction/codes';
import { call, toApiError } from '../../api';
import { isoDay } from '../../ui/format';
import { formatRoute } from '../../router';
import { hasRole, useSession } from '../auth/session';
import { Choices } from './editorFields';
import { isOverdue, overdueLabel } from './redaction-format';
import { complementHref } from './NationalView';
import './redaction.css';

/** The review warning and the draft banner, under the fiche's title. */
export function FicheNotices({ fiche }: { fiche: FicheMeta }) {
  const overdue = fiche.origine === 'local' && isOverdue(fiche.a_revoir, isoDay(new Date()));
  return (
    <>
      {fiche.statut === 'brouillon' && (
        <div className="alert alert-info" data-testid="fiche-draft">
          <p className="alert-title">Brouillon</p>
          <p>
            Cette fiche n&apos;est pas publiée : les agents ne la voient pas, ni dans la recherche ni ici.
          </p>
        </div>
      )}
      {overdue && fiche.a_revoir && (
        <p className="ed-fiche-review" data-testid="fiche-a-revoir">
          <span className="badge badge-warning">{overdueLabel(fiche.a_revoir)}</span>{' '}
          <span className="muted">
            Son contenu n&apos;a pas été vérifié depuis ; vérifiez les points importants.
          </span>
        </p>
      )}
    </>
  );
}

/** « Modifier » (a local fiche) or « Ajouter un complément local » (a national one), for editors. */
export function FicheEditLink({ fiche }: { fiche: FicheMeta }) {
  const { info } = useSession();
  if (!hasRole(info, 'redacteur')) return null;
  return (
    <p className="ed-fiche-edit">
      {fiche.origine === 'national' ? (
        <a
          href={complementHref(fiche.id, fiche.titre)}
          className="button-link"
          data-testid="fiche-complement"
        >
          Ajouter un complément local
        </a>
      ) : (
        <a
          href={formatRoute({ name: 'editeur', kind: 'fiche', id: fiche.id, params: {} })}
          data-testid="fiche-edit"
        >
          Modifier<span className="visually-hidden"> la fiche</span>
        </a>
      )}
    </p>
  );
}

/** « Cette fiche vous a-t-elle été utile ? »: Oui at once; Non asks why (a code, never free text). */
export function FicheFeedback({ ficheId }: { ficheId: string }) {
  const { info } = useSession();
  const [answer, setAnswer] = useState<'oui' | 'non' | null>(null);
  const [motif, setMotif] = useState<FeedbackMotif | ''>('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!hasRole(info, 'agent')) return null;

  const send = async (utile: boolean, why?: FeedbackMotif) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await call('avis.record', { ficheId, utile, ...(why ? { motif: why } : {}) });
      setSent(true);
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (motif === '') {
      setError('Choisissez pourquoi la fiche n’a pas été utile.');
      return;
    }
    void send(false, motif);
  };

  if (sent) {
    return (
      <p className="ed-feedback alert alert-success" role="status" data-testid="feedback-thanks">
        Merci, votre avis est transmis aux rédacteurs.
      </p>
    );
  }
  return (
    <section className="ed-feedback" aria-labelledby="feedback-title" data-testid="feedback">
      <h2 id="feedback-title" className="ed-feedback-title">
        Cette fiche vous a-t-elle été utile ?
      </h2>
      <div className="ed-actions">
        <button
          type="button"
          className="button button-small button-outline"
          aria-pressed={answer === 'oui'}
          disabled={busy}
          onClick={() => {
            setAnswer('oui');
            void send(true);
          }}
          data-testid="feedback-yes"
        >
          Oui
        </button>
        <button
          type="button"
          className="button button-small button-outline"
          aria-expanded={answer === 'non'}
          onClick={() => setAnswer('non')}
          data-testid="feedback-no"
        >
          Non
        </button>
      </div>
      {answer === 'non' && (
        <form onSubmit={onSubmit} noValidate className="ed-feedback-form">
          <fieldset className="ed-fieldset" aria-describedby={error ? 'feedback-error' : undefined}>
            <legend>Pourquoi ?</legend>
            <Choices
              type="radio"
              name="feedback-motif"
              choices={FEEDBACK_MOTIFS.map((code) => ({ value: code, label: FEEDBACK_MOTIF_LABELS[code] }))}
              checked={(code) => motif === code}
              onChange={(code) => setMotif(code)}
              testId={(code) => `feedback-motif-${code}`}
            />
          </fieldset>
          <button type="submit" className="button button-small" disabled={busy} data-testid="feedback-send">
            Envoyer
          </button>
        </form>
      )}
      {error && (
        <p id="feedback-error" className="field-error" role="alert" data-testid="feedback-error">
          {error}
        </p>
      )}
    </section>
  );
}
