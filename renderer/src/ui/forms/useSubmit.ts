import { useState } from 'react';
import type { ApiError } from '../../api';
import { toApiError } from '../../api';

/**
 * Runs a form's call: one at a time (a second press while the first is on its way does nothing), the refusal
 * kept on screen until the next try, the answer handed on. The form's own state is never touched, so a
 * refused form keeps what was typed.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async <T>(action: () => Promise<T>, onOk?: (value: T) => void): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const value = await action();
      onOk?.(value);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
