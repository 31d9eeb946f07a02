import { PageMain } from '../../ui/PageMain';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { BackupsSection } from './BackupsSection';
import { InstallationSection } from './InstallationSection';
import { DeskModeSection } from '../desk/DeskModeSection';
import { RetentionSection } from './RetentionSection';
import './admin.css';

/**
 * The installation's settings, for administrators: the point this desk belongs to, how long the log keeps
 * contacts, backups and restores.
 */
export function ReglagesPage() {
  const heading = useFocusHeading<HTMLHeadingElement>(true);
  return (
    <PageMain className="admin-page">
      <h1 ref={heading} tabIndex={-1}>
        Réglages
      </h1>
      <DeskModeSection />
      <InstallationSection />
      <RetentionSection />
      <BackupsSection />
    </PageMain>
  );
}
