import type { ApiError } from '../../api';
import { PageMain } from '../PageMain';
import { ErrorMessage, Loading } from '../StatusMessages';

/**
 * A record's page (or its form) while the record is on its way or could not be read: the page's title stays,
 * so the reader knows where they are, with the wait or the French error under it.
 */
export function NotReady({
  title,
  state,
  loadingLabel,
}: {
  title: string;
  state: { status: 'loading' } | { status: 'error'; error: ApiError };
  loadingLabel: string;
}) {
  return (
    <PageMain>
      <h1>{title}</h1>
      {state.status === 'error' ? <ErrorMessage error={state.error} /> : <Loading label={loadingLabel} />}
    </PageMain>
  );
}
