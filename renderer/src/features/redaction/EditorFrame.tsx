// What the fiche and contact editors share around their fields: the title and state, the core's answer, the
// conflict view, the body with its preview, the list of problems, and « Enregistrer » (Ctrl+S too).
import type { FormEvent, ReactNode } from 'react';
import { useWindowKeyDown } from '../../ui/hooks/useWindowKeyDown';
import type { EditorProblem } from '../../../../common/redaction/types';
import { FormMessage } from '../../ui/forms/FormMessage';
import { ParentLink } from '../../ui/forms/ParentLink';
import { PageMain } from '../../ui/PageMain';
import { sentence } from '../../ui/forms/checkForm';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { plural } from '../../ui/format';
import { BodyEditor } from './BodyEditor';
import { ConflictView, DiscardedVersion } from './ConflictView';
import { problemsOf } from './editorForm';
import { fieldId } from './fieldFeedback';
import type { EditorState } from './useEditorDocument';
import './redaction.css';

/** Every problem in one list under the form, each with a way to its field when the form has one. */
function ProblemSummary({
  problems,
  fields,
}: {
  problems: readonly EditorProblem[];
  fields: readonly string[];
}) {
  if (problems.length === 0) {
    return (
      <p className="ed-problems-ok" data-testid="ed-problems-ok">
        Aucun problème : le fichier sera lu tel quel par Info&apos;Cité.
      </p>
    );
  }
  const errors = problems.filter((problem) => problem.severity === 'erreur').length;
  const warnings = problems.length - errors;
  const focusField = (field: string) => {
    const key = fields.find(
      (candidate) => problemsOf([{ field, message: '', severity: 'erreur' }], candidate).length > 0,
    );
    const target = key === undefined ? null : document.getElementById(fieldId(key));
    target?.focus();
  };
  return (
    <div className="ed-problems" data-testid="ed-problems">
      <h2 className="ed-problems-title">
        {errors > 0 && `${plural(errors, 'problème')} à corriger avant d'enregistrer`}
        {errors > 0 && warnings > 0 && ', '}
        {warnings > 0 && plural(warnings, 'avertissement')}
      </h2>
      <ul>
        {problems.map((problem, index) => (
          <li key={index} data-testid="ed-problem" data-severity={problem.severity}>
            <span className={problem.severity === 'erreur' ? 'badge badge-closed' : 'badge badge-warning'}>
              {problem.severity === 'erreur' ? 'Erreur' : 'Avertissement'}
            </span>{' '}
            <code>{problem.field === 'body' ? 'texte' : problem.field}</code> : {sentence(problem.message)}{' '}
            {fields.some((key) => problemsOf([problem], key).length > 0) && (
              <button type="button" className="link-button" onClick={() => focusField(problem.field)}>
                Aller au champ
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function EditorFrame<F>({
  state,
  title,
  bodyTitle,
  badges,
  fields,
  fieldKeys,
  children,
}: {
  state: EditorState<F>;
  title: string;
  /** « Texte de la fiche », « Texte du contact ». */
  bodyTitle: string;
  badges?: ReactNode;
  /** Before the body. */
  fields: ReactNode;
  /** The front-matter keys the fields show (to send each problem to its field). */
  fieldKeys: readonly string[];
  /** After the save bar. */
  children?: ReactNode;
}) {
  const heading = useFocusHeading<HTMLHeadingElement>(true);
  // Ctrl+S (⌘S) saves from anywhere on the page, as in any editor, instead of the browser's « save page ».
  useWindowKeyDown((event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void state.save();
    }
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void state.save();
  };

  return (
    <PageMain className="ed-page">
      <ParentLink href="#/redaction">Retour à la rédaction</ParentLink>
      <div className="ed-title">
        <h1 ref={heading} tabIndex={-1} data-testid="ed-title">
          {title}
        </h1>
        {badges}
      </div>
      {state.path && (
        <p className="muted ed-path">
          Fichier : <code data-testid="ed-path">{state.path}</code>
        </p>
      )}
      {state.conflict && (
        <ConflictView
          conflict={state.conflict}
          busy={state.saving}
          onKeepMine={() => void state.keepMine()}
          onTakeDisk={state.takeDisk}
        />
      )}
      <form onSubmit={onSubmit} noValidate data-testid="ed-form" aria-labelledby="ed-form-title">
        <h2 id="ed-form-title" className="visually-hidden">
          Formulaire
        </h2>
        {fields}
        <BodyEditor
          title={bodyTitle}
          body={state.body}
          onChange={state.changeBody}
          problems={state.problems}
          previewHtml={state.previewHtml}
          previewError={state.previewError}
        />
        <ProblemSummary problems={state.problems} fields={[...fieldKeys, 'body']} />
        <div className="ed-actions ed-save-bar">
          {/* In the bar that stays on screen, by the button: a refused save is read where the person is. */}
          {state.notice && (
            <div id="ed-notice" style={{ flexBasis: '100%' }}>
              <FormMessage kind={state.notice.kind} testId="ed-notice">
                {state.notice.text}
              </FormMessage>
            </div>
          )}
          {/* Never `disabled` while saving: a disabled button loses the focus. A second press does nothing. */}
          <button
            type="submit"
            className="button"
            aria-disabled={state.saving}
            aria-describedby={state.notice ? 'ed-notice' : undefined}
            data-testid="ed-save"
          >
            {state.saving ? 'Enregistrement…' : 'Enregistrer'}
          </button>
          <span className="hint">Raccourci : Ctrl+S</span>
          <span className="ed-dirty" role="status" data-testid="ed-dirty">
            {state.dirty ? 'Modifications non enregistrées' : ''}
          </span>
          <a href="#/redaction">Fermer</a>
        </div>
      </form>
      {children}
      {state.discarded && <DiscardedVersion version={state.discarded} onDismiss={state.dismissDiscarded} />}
    </PageMain>
  );
}
