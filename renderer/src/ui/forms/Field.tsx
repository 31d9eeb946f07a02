// Form fields of the management pages (accounts, registries): a label on every field, the French error under
// it and tied to it (aria-describedby), so a screen reader reads the field, its hint and what is wrong together.
import type {
  InputHTMLAttributes,
  ReactNode,
  Ref,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';

interface FieldFrame {
  id: string;
  label: string;
  error?: string | null;
  hint?: ReactNode;
}

function describedBy({ id, error, hint }: FieldFrame): string | undefined {
  return [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
}

/** What every field's control carries: its id, its state of error, its hint and error, a test id. */
function controlProps(frame: FieldFrame) {
  return {
    id: frame.id,
    'aria-invalid': frame.error ? true : undefined,
    'aria-describedby': describedBy(frame),
    'data-testid': frame.id,
  };
}

function Frame({ id, label, error, hint, children }: FieldFrame & { children: ReactNode }) {
  return (
    <div className="form-field">
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
        <p id={`${id}-error`} className="field-error" data-testid={`${id}-error`}>
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
  inputRef,
  className = 'text-input',
  ...input
}: FieldFrame & InputHTMLAttributes<HTMLInputElement> & { inputRef?: Ref<HTMLInputElement> }) {
  return (
    <Frame id={id} label={label} error={error} hint={hint}>
      <input ref={inputRef} className={className} {...controlProps({ id, label, error, hint })} {...input} />
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
        className="text-input form-textarea"
        {...controlProps({ id, label, error, hint })}
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
      <select className="text-input" {...controlProps({ id, label, error, hint })} {...select}>
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
