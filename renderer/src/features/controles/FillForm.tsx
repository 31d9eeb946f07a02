// The audit filled in at the point: theme by theme, each criterion conforme / non conforme / sans objet with a
// comment, then a summary. « Enregistrer » keeps what is answered so far; « Terminer l’audit » saves and closes
// it once every criterion has an answer (those missing are pointed at, nothing typed is lost).
import { useState } from 'react';
import type { ControleView, Resultat } from '../../../../common/controles/types';
import { RESULTAT_LABELS, RESULTATS } from '../../../../common/controles/types';
import { call } from '../../api';
import { TextAreaField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { useSubmit } from '../../ui/forms/useSubmit';
import { useUnsavedChanges } from '../../ui/hooks/useUnsavedChanges';

interface Answer {
  resultat: Resultat | null;
  commentaire: string;
}

function initialAnswers(view: ControleView): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const theme of view.grille.themes)
    for (const critere of theme.criteres) answers[critere.code] = { resultat: null, commentaire: '' };
  for (const r of view.reponses) answers[r.critere] = { resultat: r.resultat, commentaire: r.commentaire };
  return answers;
}

export function FillForm({ view, onSaved }: { view: ControleView; onSaved: (view: ControleView) => void }) {
  const [answers, setAnswers] = useState(() => initialAnswers(view));
  const [synthese, setSynthese] = useState(view.synthese);
  const [baseline, setBaseline] = useState(() => JSON.stringify([initialAnswers(view), view.synthese]));
  const [missing, setMissing] = useState<string[]>([]);
  const [saved, setSaved] = useState('');
  const { busy, error, run } = useSubmit();
  const dirty = JSON.stringify([answers, synthese]) !== baseline;
  const unsaved = useUnsavedChanges(dirty);

  const set = (code: string, change: Partial<Answer>) =>
    setAnswers((current) => ({
      ...current,
      [code]: { ...(current[code] ?? { resultat: null, commentaire: '' }), ...change },
    }));

  const reponses = () =>
    Object.entries(answers).flatMap(([critere, a]) =>
      a.resultat === null ? [] : [{ critere, resultat: a.resultat, commentaire: a.commentaire.trim() }],
    );

  const save = (finish: boolean) => {
    setSaved('');
    const unanswered = Object.entries(answers)
      .filter(([, a]) => a.resultat === null)
      .map(([code]) => code);
    setMissing(finish ? unanswered : []);
    if (finish && unanswered.length > 0) {
      document.getElementById(`critere-${unanswered[0] ?? ''}`)?.focus();
      return;
    }
    unsaved.release();
    void run(
      async () => {
        const after = await call('controles.answer', {
          id: view.id,
          reponses: reponses(),
          synthese: synthese.trim(),
        });
        return finish ? call('controles.finish', { id: view.id }) : after;
      },
      (next) => {
        setBaseline(JSON.stringify([answers, synthese]));
        setSaved(finish ? '' : 'Réponses enregistrées.');
        onSaved(next);
      },
    ).then(() => unsaved.hold());
  };

  return (
    <form
      className="controle-fill"
      onSubmit={(event) => {
        event.preventDefault();
        save(false);
      }}
      noValidate
      data-testid="controle-form"
    >
      {error && <FormMessage kind="error">{error.message}</FormMessage>}
      {missing.length > 0 && (
        <FormMessage kind="error" testId="controle-missing">
          {`Il reste ${missing.length} critère(s) sans réponse : répondez à chacun avant de terminer l’audit.`}
        </FormMessage>
      )}
      {view.grille.themes.map((theme) => (
        <section key={theme.libelle} className="controle-theme">
          <h2>{theme.libelle}</h2>
          {theme.criteres.map((critere) => {
            const answer = answers[critere.code] ?? { resultat: null, commentaire: '' };
            const isMissing = missing.includes(critere.code);
            return (
              <fieldset
                key={critere.code}
                className="controle-critere"
                data-testid={`critere-${critere.code}`}
                data-missing={isMissing}
                id={`critere-${critere.code}`}
                tabIndex={-1}
                aria-describedby={isMissing ? `critere-${critere.code}-error` : undefined}
              >
                <legend>{critere.libelle}</legend>
                <div className="controle-choices">
                  {RESULTATS.map((resultat) => (
                    <label key={resultat}>
                      <input
                        type="radio"
                        name={`critere-${critere.code}`}
                        value={resultat}
                        checked={answer.resultat === resultat}
                        onChange={() => set(critere.code, { resultat })}
                        data-testid={`critere-${critere.code}-${resultat}`}
                      />
                      {RESULTAT_LABELS[resultat]}
                    </label>
                  ))}
                </div>
                {isMissing && (
                  <p id={`critere-${critere.code}-error`} className="field-error">
                    Répondez à ce critère.
                  </p>
                )}
                <label className="field-label" htmlFor={`critere-${critere.code}-commentaire`}>
                  Commentaire
                </label>
                <input
                  id={`critere-${critere.code}-commentaire`}
                  className="text-input"
                  value={answer.commentaire}
                  maxLength={2000}
                  onChange={(e) => set(critere.code, { commentaire: e.target.value })}
                />
              </fieldset>
            );
          })}
        </section>
      ))}
      <TextAreaField
        id="controle-synthese"
        label="Synthèse de l’audit"
        value={synthese}
        maxLength={5000}
        onChange={(e) => setSynthese(e.target.value)}
      />
      <div className="controle-toolbar">
        <button type="submit" className="button button-outline" disabled={busy} data-testid="controle-save">
          Enregistrer
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => save(true)}
          data-testid="controle-finish"
        >
          Terminer l’audit
        </button>
        <p role="status" data-testid="controle-saved">
          {saved}
        </p>
      </div>
    </form>
  );
}
