import type { ApiError } from '../api';

export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status" data-testid="loading">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** An ApiError's French message; « not ready yet » (unavailable) is shown as information, not as a failure. */
export function ErrorMessage({ error, context }: { error: ApiError; context?: string }) {
  const transient = error.code === 'unavailable';
  return (
    <div
      className={transient ? 'alert alert-info' : 'alert alert-error'}
      role={transient ? 'status' : 'alert'}
      data-testid="error-message"
      data-code={error.code}
    >
      {context && <p className="alert-title">{context}</p>}
      <p>{error.message}</p>
    </div>
  );
}
