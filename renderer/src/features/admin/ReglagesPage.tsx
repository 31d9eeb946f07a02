import { PageMain } from '../../ui/PageMain';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { BorneReglagesSection } from '../borne/BorneReglagesSection';
import { BackupsSection } from './BackupsSection';
import { InstallationSection } from './InstallationSection';
import { DeskModeSection } from '../desk/DeskModeSection';
import { RetentionSection } from './RetentionSection';
import { SmtpSection } from '../usager/SmtpSection';
import './admin.css';
import { ReclamationsReglagesSection } from '../reclamations/ReclamationsReglagesSection';

/**
 * The installation's settings, for administrators: the point this desk belongs to, how long the log keeps
 * contacts, the SMTP server fiches are sent to citizens through, the public kiosk, backups and restores.
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
      <SmtpSection />
      <ReclamationsReglagesSection />
      <BorneReglagesSection />
      <BackupsSection />
    </PageMain>
  );
}
