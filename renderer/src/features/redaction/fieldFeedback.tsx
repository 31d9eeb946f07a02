// A field's problems as the form shows them: errors (the file would be skipped) under the field, tied to it by
// Field's aria-describedby; warnings (an unknown service, a broken link…) in its hint, since they do not block
// the save.
import type { ReactNode } from 'react';
import type { EditorProblem } from '../../../../common/redaction/types';
import { sentence } from '../../ui/forms/checkForm';
import { problemsOf } from './editorForm';

export interface Feedback {
  error?: string;
  hint?: ReactNode;
}

/** The id of the form's control for a front-matter key (« adresse.voie » → ed-adresse-voie). */
export function fieldId(key: string): string {
  return `ed-${key.replace(/[^a-z0-9_-]+/gi, '-')}`;
}

export function feedback(problems: readonly EditorProblem[], key: string, hint?: ReactNode): Feedback {
  const mine = problemsOf(problems, key);
  const errors = mine.filter((problem) => problem.severity === 'erreur').map((p) => sentence(p.message));
  const warnings = mine.filter((problem) => problem.severity === 'avertissement');
  const shownHint =
    warnings.length === 0 ? (
      hint
    ) : (
      <>
        {hint && <span className="ed-hint-text">{hint}</span>}
        {warnings.map((warning, index) => (
          <span key={index} className="ed-warning" data-testid={`${fieldId(key)}-warning`}>
            Attention : {sentence(warning.message)}
          </span>
        ))}
      </>
    );
  return { error: errors.length > 0 ? errors.join(' ') : undefined, hint: shownHint };
}

/** The error and hint of a group of checkboxes or radios (a fieldset), drawn under it. */
export function GroupFeedback({ id, value }: { id: string; value: Feedback }) {
  return (
    <>
      {value.hint && (
        <p id={`${id}-hint`} className="hint">
          {value.hint}
        </p>
      )}
      {value.error && (
        <p id={`${id}-error`} className="field-error" data-testid={`${id}-error`}>
          {value.error}
        </p>
      )}
    </>
  );
}

/** aria-describedby for a group's fieldset. */
export function groupDescribedBy(id: string, value: Feedback): string | undefined {
  return (
    [value.error ? `${id}-error` : '', value.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined
  );
}
