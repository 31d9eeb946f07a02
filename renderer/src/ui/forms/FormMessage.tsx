import type { ReactNode } from 'react';

/**
 * The message at the top of a form after a refusal (role="alert": read at once) or a save (role="status").
 * Nothing is drawn without a message, so a form can always hold one.
 */
export function FormMessage({
  kind = 'error',
  testId = kind === 'error' ? 'form-error' : 'form-success',
  children,
}: {
  kind?: 'error' | 'success';
  testId?: string;
  children: ReactNode;
}) {
  if (children === null || children === undefined || children === '') return null;
  return kind === 'error' ? (
    <div className="alert alert-error" role="alert" data-testid={testId}>
      <p>{children}</p>
    </div>
  ) : (
    <p className="alert alert-success" role="status" data-testid={testId}>
      {children}
    </p>
  );
}
