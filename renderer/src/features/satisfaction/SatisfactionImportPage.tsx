// Importing survey results (web or paper questionnaires) from a CSV file: a check first (nothing written),
// then the import; every refused line is listed with its number and reasons.
import type { ChangeEvent } from 'react';
import { useState } from 'react';
import type { RapportEnquete } from '../../../../common/satisfaction/methods';
import { SOURCE_LABELS, SOURCES_ENQUETE } from '../../../../common/satisfaction/codes';
import { call } from '../../api';
import { SelectField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { decodeCsvBytes } from '../../ui/forms/csvFile';
import { useSubmit } from '../../ui/forms/useSubmit';
import { PageMain } from '../../ui/PageMain';
import { plural } from '../../ui/format';

type Source = (typeof SOURCES_ENQUETE)[number];

function Report({ report }: { report: RapportEnquete }) {
  return (
    <section className="card" data-testid="enquete-report" aria-labelledby="enquete-report-title">
      <h2 id="enquete-report-title">
        {report.dryRun ? 'Vérification (rien n’est importé)' : 'Import terminé'}
      </h2>
      <p>
        {plural(report.lignes, 'ligne lue', 'lignes lues')} ; {plural(report.reponses, 'réponse')}{' '}
        {report.dryRun ? 'à importer' : 'importées'} ;{' '}
        {plural(report.rejets.length, 'ligne refusée', 'lignes refusées')}.
      </p>
      {report.colonnesIgnorees.length > 0 && (
        <p className="muted">Colonnes ignorées : {report.colonnesIgnorees.join(', ')}.</p>
      )}
      {report.rejets.length > 0 && (
        <ul data-testid="enquete-rejets">
          {report.rejets.map((rejet) => (
            <li key={rejet.ligne}>
              Ligne {rejet.ligne} : {rejet.raisons.join(' ; ')}.
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SatisfactionImportPage() {
  const [source, setSource] = useState<Source>('enquete_papier');
  const [csv, setCsv] = useState<string | null>(null);
  const [report, setReport] = useState<RapportEnquete | null>(null);
  const submit = useSubmit();
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setReport(null);
    setCsv(file ? decodeCsvBytes(new Uint8Array(await file.arrayBuffer())).text : null);
  };
  const run = (dryRun: boolean) =>
    void submit.run(() => call('satisfaction.importCsv', { csv: csv ?? '', source, dryRun }), setReport);
  return (
    <PageMain>
      <h1>Importer une enquête de satisfaction</h1>
      <section className="card">
        <p className="muted">
          Un fichier CSV (« ; », « , » ou tabulation) avec une ligne d’en-tête :{' '}
          <code>date;point;canal;note;nombre</code>. La date en JJ/MM/AAAA ou AAAA-MM-JJ ; le point par son
          code (vide : toute la ville) ; la note « Très satisfait », « Satisfait », « Insatisfait », « Très
          insatisfait » ou 4 à 1 ; le nombre de réponses identiques (1 si vide).
        </p>
        <SelectField
          id="enquete-source"
          label="Questionnaire"
          value={source}
          onChange={(event) => setSource(event.target.value as Source)}
          options={SOURCES_ENQUETE.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))}
        />
        <div className="form-field">
          <label htmlFor="enquete-file" className="field-label">
            Fichier CSV
          </label>
          <input
            id="enquete-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => void onFile(event)}
            data-testid="enquete-file"
          />
        </div>
        <div className="admin-actions">
          <button
            type="button"
            className="button button-outline"
            disabled={csv === null || submit.busy}
            onClick={() => run(true)}
          >
            Vérifier
          </button>
          <button
            type="button"
            className="button"
            disabled={csv === null || submit.busy}
            onClick={() => run(false)}
            data-testid="enquete-import"
          >
            Importer
          </button>
        </div>
        <FormMessage>{submit.error?.message}</FormMessage>
      </section>
      {report && <Report report={report} />}
    </PageMain>
  );
}
