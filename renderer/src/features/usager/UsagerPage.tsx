import { useState } from 'react';
import type { ApiError } from '../../api';
import { savePageAsPdf, toApiError } from '../../api';
import { formatRoute } from '../../router';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { FormMessage } from '../../ui/forms/FormMessage';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { hasRole, useSession } from '../auth/session';
import { HandoutView } from './HandoutView';
import { SendByEmail } from './SendByEmail';
import './usager.css';

/** The agent's tools above the handout: never printed. */
function Toolbar({ id, titre }: { id: string; titre: string }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState('');
  const savePdf = async () => {
    setError(null);
    setSaved('');
    try {
      const path = await savePageAsPdf(`fiche-${id}`);
      if (path) setSaved(`Fiche enregistrée : ${path}`);
    } catch (caught) {
      setError(toApiError(caught));
    }
  };
  return (
    <div className="usager-toolbar no-print" role="group" aria-label={`Remettre « ${titre} » à l’usager`}>
      <p className="back">
        <a href={formatRoute({ name: 'fiche', id })} data-testid="usager-back">
          <span aria-hidden="true">← </span>
          Retour à la fiche (<kbd>Échap</kbd>)
        </a>
      </p>
      <div className="usager-actions">
        <button type="button" className="button" onClick={() => window.print()} data-testid="usager-print">
          Imprimer
        </button>
        <button
          type="button"
          className="button button-outline"
          onClick={() => void savePdf()}
          data-testid="usager-pdf"
        >
          Enregistrer en PDF
        </button>
      </div>
      <FormMessage>{error?.message}</FormMessage>
      <p role="status">{saved}</p>
    </div>
  );
}

/** « Pour l'usager »: the fiche laid out for the citizen, to print, save as PDF or send by e-mail. */
export function UsagerPage({ id }: { id: string }) {
  const result = useCall('usager.fiche', { id });
  const heading = useFocusHeading<HTMLHeadingElement>(result.status === 'ok');
  const { info } = useSession();
  return (
    <PageMain className="usager-page">
      {result.status === 'loading' && (
        <>
          <h1 className="visually-hidden">Pour l’usager</h1>
          <Loading label="Préparation de la fiche pour l’usager…" />
        </>
      )}
      {result.status === 'error' && (
        <>
          <h1>Fiche indisponible</h1>
          <ErrorMessage error={result.error} />
        </>
      )}
      {result.status === 'ok' && (
        <>
          <Toolbar id={id} titre={result.data.titre} />
          {hasRole(info, 'agent') && <SendByEmail ficheId={id} />}
          <HandoutView handout={result.data} headingRef={heading} />
        </>
      )}
    </PageMain>
  );
}
