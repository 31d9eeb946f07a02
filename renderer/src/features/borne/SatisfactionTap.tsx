import { useState } from 'react';
import {
  SATISFACTION_LABELS,
  SATISFACTION_NOTES,
  type SatisfactionNote,
} from '../../../../common/borne/satisfaction';
import { call, toApiError } from '../../api';

/** « Avez-vous trouvé ce que vous cherchiez ? »: one tap, no identity; only a count is kept. */
export function SatisfactionTap() {
  const [state, setState] = useState<'ask' | 'sending' | 'thanks' | 'failed'>('ask');
  const tap = (note: SatisfactionNote) => {
    setState('sending');
    call('borne.satisfaction', { note }).then(
      () => setState('thanks'),
      (error: unknown) => {
        console.error('[borne] satisfaction:', toApiError(error).message);
        setState('failed');
      },
    );
  };
  if (state === 'thanks' || state === 'failed') {
    return (
      <p className="borne-card borne-thanks" role="status" data-testid="borne-thanks">
        {state === 'thanks' ? 'Merci pour votre réponse !' : 'Votre réponse n’a pas pu être enregistrée.'}
      </p>
    );
  }
  return (
    <section
      className="borne-card borne-satisfaction borne-no-print"
      aria-labelledby="borne-satisfaction-title"
    >
      <h2 id="borne-satisfaction-title">Avez-vous trouvé ce que vous cherchiez ?</h2>
      <p className="borne-muted">Une seule touche, anonyme.</p>
      <div className="borne-smileys">
        {SATISFACTION_NOTES.map((note) => (
          <button
            key={note}
            type="button"
            className="borne-smiley"
            disabled={state === 'sending'}
            onClick={() => tap(note)}
          >
            <span aria-hidden="true" className="borne-smiley-face">
              {SATISFACTION_LABELS[note].visage}
            </span>
            {SATISFACTION_LABELS[note].libelle}
          </button>
        ))}
      </div>
    </section>
  );
}
