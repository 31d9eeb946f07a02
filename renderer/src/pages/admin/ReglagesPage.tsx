import { PageMain } from '../../components/PageMain';
import { useFocusHeading } from '../../hooks/useFocusHeading';
import { BackupsSection } from './BackupsSection';
import { InstallationSection } from './InstallationSection';
import './admin.css';

/** The installation's settings, for administrators: the point this desk belongs to, backups and restores. */
export function ReglagesPage() {
  const heading = useFocusHeading<HTMLHeadingElement>(true);
  return (
    <PageMain className="admin-page">
      <h1 ref={heading} tabIndex={-1}>
        Réglages
      </h1>
      <InstallationSection />
      <BackupsSection />
    </PageMain>
  );
}
