// Importing agents from a CSV file: choose the file (or paste its text), « Vérifier » shows what the import
// would do and every rejected line with its reasons, without writing anything; « Importer » does it.
import type { ChangeEvent } from 'react';
import { useState } from 'react';
import type { ImportReport } from '../../../../common/agents/methods';
import { call, toApiError } from '../../api';
import { FormMessage } from '../../ui/forms/FormMessage';
import { ParentLink } from '../../ui/forms/ParentLink';
import { PageMain } from '../../ui/PageMain';
import { plural } from '../../ui/format';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { CSV_EXAMPLE, decodeCsvBytes } from '../../ui/forms/csvFile';
import '../../ui/registres.css';

export function AgentsImportPage() {
  const heading = useFocusHeading<HTMLHeadingElement>(true);
  const [text, setText] = useState('');
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setReport(null);
    setFailure(null);
    try {
      const { text: content, encoding } = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
      setText(content);
      setFileNote(
        `Fichier « ${file.name} » lu (${plural(content.split('\n').length, 'ligne')}` +
          `${encoding === 'windows-1252' ? ', encodage Windows' : ''}).`,
      );
    } catch {
      setFailure(`Le fichier « ${file.name} » n'a pas pu être lu.`);
    }
  };

  const run = async (dryRun: boolean) => {
    if (busy) return;
    setFailure(null);
    if (text.trim() === '') {
      setFailure('Choisissez un fichier CSV ou collez son contenu avant de lancer la vérification.');
      return;
    }
    setBusy(true);
    try {
      setReport(await call('agents.importCsv', { csv: text, dryRun }));
    } catch (error) {
      setReport(null);
      setFailure(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageMain className="reg-page">
      <ParentLink href="#/agents">Retour aux agents</ParentLink>
      <h1 ref={heading} tabIndex={-1}>
        Importer des agents depuis un fichier CSV
      </h1>
      <Explanation />
      <form className="card" onSubmit={(event) => event.preventDefault()} aria-labelledby="import-file-title">
        <h2 id="import-file-title">Fichier à importer</h2>
        <div className="form-field">
          <label htmlFor="agents-csv-file" className="field-label">
            Choisir un fichier .csv
          </label>
          <input
            id="agents-csv-file"
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(event) => void onFile(event)}
            data-testid="agents-csv-file"
          />
          {fileNote && (
            <p className="hint" role="status">
              {fileNote}
            </p>
          )}
        </div>
        <div className="form-field">
          <label htmlFor="agents-csv-text" className="field-label">
            Ou coller le contenu du fichier
          </label>
          <textarea
            id="agents-csv-text"
            className="text-input form-textarea"
            rows={8}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setReport(null);
            }}
            spellCheck={false}
            data-testid="agents-csv-text"
          />
        </div>
        {failure && <FormMessage kind="error">{failure}</FormMessage>}
        <div className="reg-actions">
          <button
            type="button"
            className="button button-outline"
            disabled={busy}
            onClick={() => void run(true)}
            data-testid="agents-csv-check"
          >
            Vérifier
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run(false)}
            data-testid="agents-csv-import"
          >
            Importer
          </button>
        </div>
      </form>
      {report && <Report report={report} />}
    </PageMain>
  );
}

function Explanation() {
  return (
    <section className="card" aria-labelledby="import-help-title">
      <h2 id="import-help-title">Le fichier attendu</h2>
      <p>
        Un fichier CSV (export d&apos;un tableur), avec une première ligne qui nomme les colonnes. Le
        séparateur peut être le point-virgule (Excel en français), la virgule ou la tabulation ; les
        majuscules et les accents des noms de colonnes n&apos;ont pas d&apos;importance.
      </p>
      <ul>
        <li>
          <strong>nom</strong> et <strong>prenom</strong> : obligatoires ;
        </li>
        <li>
          <strong>service</strong> : facultatif ;
        </li>
        <li>
          <strong>courriel</strong> : facultatif ; un agent déjà connu avec ce courriel est mis à jour au lieu
          d&apos;être créé une seconde fois ;
        </li>
        <li>
          <strong>point</strong> : le code d&apos;un point d&apos;accueil ouvert, et <strong>debut</strong> :
          la date d&apos;affectation (jj/mm/aaaa ou aaaa-mm-jj) ; l&apos;agent y est affecté s&apos;il ne
          l&apos;est pas déjà.
        </li>
      </ul>
      <p>Par exemple :</p>
      <pre className="reg-example" data-testid="agents-csv-example">
        <code>{CSV_EXAMPLE}</code>
      </pre>
      <p className="muted">
        « Vérifier » n&apos;enregistre rien : il montre ce que l&apos;import ferait et les lignes refusées
        avec leurs raisons. « Importer » enregistre toutes les lignes valides en une fois ; les lignes
        refusées ne le sont pas, corrigez-les puis importez à nouveau le fichier.
      </p>
    </section>
  );
}

function Report({ report }: { report: ImportReport }) {
  const valid = report.total - report.rejected.length;
  return (
    <section className="card" aria-labelledby="import-report-title" data-testid="import-report">
      <h2 id="import-report-title">
        {report.dryRun ? 'Vérification : ce que l’import ferait' : 'Import terminé'}
      </h2>
      <p
        role="status"
        className={report.dryRun ? 'alert alert-info' : 'alert alert-success'}
        data-testid="import-report-summary"
      >
        {report.dryRun
          ? `${plural(report.total, 'ligne lue', 'lignes lues')} : ${plural(valid, 'ligne valide', 'lignes valides')}, ${plural(report.rejected.length, 'ligne refusée', 'lignes refusées')}. Rien n’a encore été enregistré.`
          : `${plural(report.total, 'ligne lue', 'lignes lues')} : ${plural(valid, 'ligne importée', 'lignes importées')}, ${plural(report.rejected.length, 'ligne refusée', 'lignes refusées')}.`}
      </p>
      <ul className="reg-summary" data-testid="import-report-counts">
        <li>
          {report.dryRun ? 'Agents à créer' : 'Agents créés'} : {report.created}
        </li>
        <li>
          {report.dryRun ? 'Agents à mettre à jour' : 'Agents mis à jour'} : {report.updated}
        </li>
        <li>Agents déjà à jour : {report.unchanged}</li>
        <li>
          {report.dryRun ? 'Affectations à ajouter' : 'Affectations ajoutées'} : {report.assignments}
        </li>
      </ul>
      {report.ignoredColumns.length > 0 && (
        <p className="note">
          Colonnes ignorées (inconnues d&apos;Info&apos;Cité) :{' '}
          {report.ignoredColumns.map((c) => `« ${c} »`).join(', ')}.
        </p>
      )}
      {report.rejected.length > 0 && (
        <div className="table-wrap">
          <table className="reg-table" data-testid="import-rejected">
            <caption>Lignes refusées, avec leurs raisons</caption>
            <thead>
              <tr>
                <th scope="col" className="reg-num">
                  Ligne
                </th>
                <th scope="col">Contenu</th>
                <th scope="col">Raisons</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((line) => (
                <tr key={line.line} data-testid="import-rejected-row">
                  <th scope="row" className="reg-num">
                    {line.line}
                  </th>
                  <td>
                    <code className="reg-raw">{line.raw}</code>
                  </td>
                  <td>
                    <ul className="reg-reasons">
                      {line.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
