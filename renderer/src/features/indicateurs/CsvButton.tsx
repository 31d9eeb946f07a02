// « Exporter en CSV » for one table: the core writes the file (« ; », decimal commas, BOM), the window only
// hands it to the downloads. A failure is said next to the button.
import { useState } from 'react';
import type { FichierCsv } from '../../../../common/indicateurs/types';
import type { ApiError } from '../../api';
import { toApiError } from '../../api';
import { downloadCsv } from '../../ui/forms/downloadFile';

export function CsvButton({
  what,
  load,
  testId,
}: {
  /** What the table is, for the button's accessible name (« Exporter en CSV : volumes »). */
  what: string;
  load: () => Promise<FichierCsv>;
  testId: string;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setError(null);
    setBusy(true);
    try {
      downloadCsv(await load());
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="csv-action no-print">
      <button
        type="button"
        className="button button-outline"
        onClick={() => void run()}
        disabled={busy}
        data-testid={testId}
      >
        Exporter en CSV<span className="visually-hidden"> : {what}</span>
      </button>
      {error && (
        <p role="alert" className="field-error">
          L&apos;export n&apos;a pas pu être fait : {error.message}
        </p>
      )}
    </div>
  );
}
