// Form fields of the registries' pages: a label on every field, the French error under it and tied to it
// (aria-describedby), so a screen reader reads the field, its hint and what is wrong together.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface FieldFrame {
  id: string;
  label: string;
  error?: string | null;
  hint?: ReactNode;
}

function describedBy({ id, error, hint }: FieldFrame): string | undefined {
  return [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
}

function Frame({ id, label, error, hint, children }: FieldFrame & { children: ReactNode }) {
  return (
    <div className="reg-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="reg-field-error" data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({
  id,
  label,
  error,
  hint,
  ...input
}: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Frame id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        className="text-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, label, error, hint })}
        data-testid={id}
        {...input}
      />
    </Frame>
  );
}

export function TextAreaField({
  id,
  label,
  error,
  hint,
  ...input
}: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Frame id={id} label={label} error={error} hint={hint}>
      <textarea
        id={id}
        className="text-input reg-textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, label, error, hint })}
        data-testid={id}
        {...input}
      />
    </Frame>
  );
}

export function SelectField({
  id,
  label,
  error,
  hint,
  options,
  placeholder,
  ...select
}: FieldFrame &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: Array<{ value: string; label: string }>;
    /** A first, empty choice (« Choisir… », « Tous »). */
    placeholder?: string;
  }) {
  return (
    <Frame id={id} label={label} error={error} hint={hint}>
      <select
        id={id}
        className="text-input reg-select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, label, error, hint })}
        data-testid={id}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** A message after a save or a refusal, at the top of a form. */
export function FormMessage({ kind, children }: { kind: 'error' | 'success'; children: ReactNode }) {
  return kind === 'error' ? (
    <div className="alert alert-error" role="alert" data-testid="form-error">
      <p>{children}</p>
    </div>
  ) : (
    <p className="alert alert-success" role="status" data-testid="form-success">
      {children}
    </p>
  );
}
