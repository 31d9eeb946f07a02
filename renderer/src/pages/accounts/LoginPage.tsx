import type { SessionInfo } from '../../../../electron/api/methods/accounts';
import { PageMain } from '../../components/PageMain';

// Placeholder until the page lands.
export function LoginPage(_props: { onDone: (info: SessionInfo) => void }) {
  return (
    <PageMain>
      <h1>Identification</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
