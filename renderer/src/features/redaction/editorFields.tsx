// The pieces the fiche and contact editors build their forms from: a front-matter key bound to a field (its id,
// value, setter and feedback from the key), a group of fields (a fieldset with its own feedback), a row of
// checkboxes or radios, and the name + identifier pair of a new document.
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { useState } from 'react';
import type { EditorProblem } from '../../../../common/redaction/types';
import { TextAreaField, TextField } from '../../ui/forms/Field';
import { slugify } from './editorForm';
import type { Feedback } from './fieldFeedback';
import { GroupFeedback, feedback, fieldId, groupDescribedBy } from './fieldFeedback';

export type FormSetter<F> = <K extends keyof F>(key: K, value: F[K]) => void;

/** The keys of a form whose value is one string. */
type TextKey<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F] & string;

interface BoundOptions {
  hint?: ReactNode;
  /** The problems' key when it is not the form's (« adresse.voie » for the form's « voie »). */
  problemKey?: string;
  /** Across the whole grid. */
  wide?: boolean;
}

/** Fields bound to a form's string keys: `text` (no autocomplete), `date` and `area` (a textarea). */
export function boundFields<F>(form: F, set: FormSetter<F>, problems: readonly EditorProblem[]) {
  const wrap = (wide: boolean | undefined, field: ReactNode) =>
    wide ? <div className="ed-wide">{field}</div> : field;
  const bind = <K extends TextKey<F>>(key: K, problemKey: string = key) => ({
    id: fieldId(problemKey),
    value: form[key] as string,
    onChange: (event: { target: { value: string } }) => set(key, event.target.value as F[K]),
  });

  // One input field with the given defaults: `text` (no autocomplete) and `date` below.
  const input =
    (defaults: InputHTMLAttributes<HTMLInputElement>) =>
    <K extends TextKey<F>>(
      key: K,
      label: string,
      { hint, problemKey = key, wide, ...rest }: BoundOptions & InputHTMLAttributes<HTMLInputElement> = {},
    ) =>
      wrap(
        wide,
        <TextField
          label={label}
          {...defaults}
          {...bind(key, problemKey)}
          {...rest}
          {...feedback(problems, problemKey, hint)}
        />,
      );
  const text = input({ autoComplete: 'off' });
  const date = input({ type: 'date' });

  const area = <K extends TextKey<F>>(
    key: K,
    label: string,
    {
      hint,
      problemKey = key,
      wide,
      ...input
    }: BoundOptions & TextareaHTMLAttributes<HTMLTextAreaElement> = {},
  ) =>
    wrap(
      wide,
      <TextAreaField
        label={label}
        {...bind(key, problemKey)}
        {...input}
        {...feedback(problems, problemKey, hint)}
      />,
    );

  return { text, date, area };
}

/** A fieldset of several controls; the form focuses it (tabIndex -1) when its key has a problem. */
export function FieldGroup({
  id,
  legend,
  state,
  className = 'ed-fieldset',
  focusable = true,
  grid = false,
  children,
}: {
  id: string;
  legend: string;
  state: Feedback;
  className?: string;
  focusable?: boolean;
  /** The fieldset lays its fields out as .ed-grid: its feedback then spans the whole row. */
  grid?: boolean;
  children: ReactNode;
}) {
  const own = <GroupFeedback id={id} value={state} />;
  return (
    <fieldset
      className={grid ? `${className} ed-grid` : className}
      id={id}
      tabIndex={focusable ? -1 : undefined}
      aria-describedby={groupDescribedBy(id, state)}
    >
      <legend>{legend}</legend>
      {children}
      {grid ? <div className="ed-wide">{own}</div> : own}
    </fieldset>
  );
}

/** A row of checkboxes or radios, one a choice. */
export function Choices<V extends string>({
  type,
  name,
  choices,
  checked,
  onChange,
  testId,
}: {
  type: 'checkbox' | 'radio';
  /** The radios' group name. */
  name?: string;
  choices: ReadonlyArray<{ value: V; label: string }>;
  checked: (value: V) => boolean;
  onChange: (value: V, on: boolean) => void;
  testId: (value: V) => string;
}) {
  return (
    <div className="ed-checks">
      {choices.map((choice) => (
        <label key={choice.value} className="ed-check">
          <input
            type={type}
            name={name}
            value={type === 'radio' ? choice.value : undefined}
            checked={checked(choice.value)}
            onChange={(event) => onChange(choice.value, event.target.checked)}
            data-testid={testId(choice.value)}
          />
          {choice.label}
        </label>
      ))}
    </div>
  );
}

/** `list` with `item` added (on) or removed (off): what a ticked or unticked checkbox does. */
export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list, item] : list.filter((other) => other !== item);
}

/**
 * The document's name and its identifier. A new document's identifier follows its name until the editor types
 * one; an existing one's is read-only (links point to it).
 */
export function NameAndIdFields({
  nameKey,
  nameLabel,
  name,
  onName,
  id,
  onId,
  isNew,
  problems,
  idHint,
}: {
  nameKey: string;
  nameLabel: string;
  name: string;
  onName: (value: string) => void;
  id: string;
  onId: (value: string) => void;
  isNew: boolean;
  problems: readonly EditorProblem[];
  /** For a new document, then for an existing one. */
  idHint: { isNew: string; existing: string };
}) {
  const [idTyped, setIdTyped] = useState(false);
  return (
    <>
      <TextField
        id={fieldId(nameKey)}
        label={nameLabel}
        value={name}
        onChange={(event) => {
          onName(event.target.value);
          if (isNew && !idTyped) onId(slugify(event.target.value));
        }}
        required
        autoComplete="off"
        {...feedback(problems, nameKey)}
      />
      <TextField
        id={fieldId('id')}
        label="Identifiant (id)"
        value={id}
        onChange={(event) => {
          setIdTyped(true);
          onId(event.target.value);
        }}
        readOnly={!isNew}
        required
        autoComplete="off"
        spellCheck={false}
        {...feedback(problems, 'id', isNew ? idHint.isNew : idHint.existing)}
      />
    </>
  );
}
