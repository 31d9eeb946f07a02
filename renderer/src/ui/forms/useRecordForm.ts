// The state of a page that creates a record (id null) or changes one (id): the record loaded into the form,
// what is typed, the errors per field, the save. The form is checked with the contract's own schema before it
// is sent; a refusal is shown next to its field or at the top, and everything typed stays. Leaving the page with
// changes not saved asks first.
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { ApiError } from '../../api';
import { toApiError } from '../../api';
import { useFocusHeading } from '../hooks/useFocusHeading';
import { useUnsavedChanges } from '../hooks/useUnsavedChanges';
import type { FieldErrors } from './checkForm';
import { apiFieldError } from './apiField';
import { checkForm } from './checkForm';
import { focusFirstError } from './focus';

export type LoadState = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: ApiError };

/**
 * `load` turns the stored record into the form's values; give a function defined once (outside the
 * component), since the record is read again whenever it changes.
 */
export function useRecordForm<F extends object>(
  id: number | null,
  empty: F,
  load: (id: number) => Promise<F>,
) {
  const [loaded, setLoaded] = useState<LoadState>({ status: id === null ? 'ready' : 'loading' });
  const [form, setForm] = useState<F>(empty);
  // The values as loaded or last saved: the form differs from them when something was typed.
  const [baseline, setBaseline] = useState<F>(empty);
  const unsaved = useUnsavedChanges(JSON.stringify(form) !== JSON.stringify(baseline));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const heading = useFocusHeading<HTMLHeadingElement>(loaded.status === 'ready');

  useEffect(() => {
    if (id === null) return;
    let live = true;
    load(id).then(
      (values) => {
        if (!live) return;
        setForm(values);
        setBaseline(values);
        setLoaded({ status: 'ready' });
      },
      (error: unknown) => live && setLoaded({ status: 'error', error: toApiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [id, load]);

  const set = <K extends keyof F>(key: K, value: F[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  /**
   * Checks `value` with `schema`, then sends the parsed data. `conflictField`: the field a conflict
   * (« déjà utilisé ») belongs to, where its message is shown instead of at the top of the form.
   */
  const submit = async <S extends z.ZodType>(
    schema: S,
    value: unknown,
    send: (data: z.output<S>) => Promise<void>,
    conflictField?: string,
  ): Promise<void> => {
    if (saving) return;
    setFailure(null);
    const checked = checkForm(schema, value);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError();
      return;
    }
    setErrors({});
    setSaving(true);
    // Saving: the page may move on once the record is saved, without asking.
    unsaved.release();
    const sent = form;
    try {
      await send(checked.data);
      setBaseline(sent);
    } catch (error) {
      unsaved.hold();
      const apiError = toApiError(error);
      // A conflict belongs to `conflictField`; the core's refusal of one field of this form, to that field.
      const onField = apiFieldError(apiError, Object.keys(sent), conflictField);
      if (onField) {
        setErrors({ [onField.field]: onField.message });
        focusFirstError();
      } else setFailure(apiError.message);
    } finally {
      setSaving(false);
    }
  };

  return { loaded, form, set, errors, failure, saving, heading, submit };
}
