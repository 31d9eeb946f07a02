import type { SessionInfo } from '../../../../electron/api/methods/accounts';
import { PageMain } from '../../components/PageMain';

// Placeholder until the page lands.
export function SetupPage(_props: { onDone: (info: SessionInfo) => void }) {
  return (
    <PageMain>
      <h1>Premier démarrage</h1>
      <p>Page en construction.</p>
    </PageMain>
  );
}
