import type { ChangeEvent, FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { ImportJobStatus } from '../../../../common/contract';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { useImportJob } from './useImportJob';
import { MAX_LISTED_ERRORS, announcement, hasKnownTotal, progressText, skippedLabel } from './imports';
import { NATIONAL_SOURCE } from '../search/origins';
import { HOME, formatRoute } from '../../router';

const FIELD_ID = 'import-from';
const HELP_ID = 'import-from-help';
const FIELD_ERROR_ID = 'import-from-error';
const STATUS_TITLE_ID = 'import-status-title';

/** True when the focus is nowhere useful: on the page itself, or lost with a control that got disabled. */
function focusIsIdle(main: Element | null): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active === main;
}

export function ImportPage() {
  const job = useImportJob();
  const { status } = job;
  const heading = useFocusHeading<HTMLHeadingElement>(true);
  const field = useRef<HTMLInputElement>(null);
  const statusTitle = useRef<HTMLHeadingElement>(null);
  const [text, setText] = useState('');
  const [emptyError, setEmptyError] = useState(false);
  const edited = useRef(false);
  const running = status?.state === 'running';

  // Screen readers are told about an import only once the page has seen it running, not about an old one.
  const [followed, setFollowed] = useState(false);
  if (running && !followed) setFollowed(true);

  // An import started earlier (or elsewhere): show its path in the field, unless the editor typed one.
  const from = status?.from;
  useEffect(() => {
    if (from && !edited.current) setText(from);
  }, [from]);

  // When an import followed from here ends in error, the field is where to go next (to fix the path).
  const previous = useRef(status?.state);
  useEffect(() => {
    const before = previous.current;
    previous.current = status?.state;
    if (before !== 'running' || status?.state !== 'error') return;
    const active = document.activeElement;
    if (focusIsIdle(field.current?.closest('main') ?? null) || active === statusTitle.current) {
      field.current?.focus();
    }
  }, [status?.state]);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    edited.current = true;
    setText(event.target.value);
    if (emptyError && event.target.value.trim()) setEmptyError(false);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (running || job.starting) return;
    const path = text.trim();
    if (!path) {
      setEmptyError(true);
      field.current?.focus();
      return;
    }
    setEmptyError(false);
    if (await job.start(path)) statusTitle.current?.focus();
  };

  const fieldError = emptyError
    ? "Indiquez le chemin de l'archive ou du dossier à importer."
    : (job.startError?.message ?? null);

  return (
    <PageMain className="import-page">
      <h1 ref={heading} tabIndex={-1}>
        Importer les fiches {NATIONAL_SOURCE}
      </h1>
      <Explanation />

      <form className="card import-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <h2>Nouvel import</h2>
        <label htmlFor={FIELD_ID} className="field-label">
          Archive vosdroits (.zip) ou dossier de fichiers XML
        </label>
        <div className="import-row">
          <input
            ref={field}
            id={FIELD_ID}
            className="text-input"
            type="text"
            value={text}
            onChange={onChange}
            disabled={running}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${FIELD_ERROR_ID} ${HELP_ID}` : HELP_ID}
            data-testid="import-from"
          />
          <button type="submit" className="button" disabled={running} data-testid="import-submit">
            Importer
          </button>
        </div>
        <p id={HELP_ID} className="hint">
          Le chemin complet, sur cet ordinateur, de l&apos;archive « vosdroits » téléchargée auprès de la DILA
          (par exemple <code>C:\Données\vosdroits-latest.zip</code>) ou du dossier où ses fichiers XML ont été
          extraits.
        </p>
        {fieldError && (
          <div
            id={FIELD_ERROR_ID}
            className="alert alert-error"
            role="alert"
            data-testid="import-start-error"
            data-code={emptyError ? 'invalid_input' : job.startError?.code}
          >
            <p>{fieldError}</p>
          </div>
        )}
      </form>

      <section className="card import-status" aria-labelledby={STATUS_TITLE_ID} data-testid="import-status">
        <h2 id={STATUS_TITLE_ID} ref={statusTitle} tabIndex={-1}>
          État de l&apos;import
        </h2>
        {job.readError && (
          <ErrorMessage error={job.readError} context="Impossible de connaître l'état de l'import." />
        )}
        {status ? (
          <JobStatus status={status} />
        ) : (
          !job.readError && <Loading label="Lecture de l'état de l'import…" />
        )}
        <p className="visually-hidden" aria-live="polite" data-testid="import-announcer">
          {followed ? announcement(status) : ''}
        </p>
      </section>
    </PageMain>
  );
}

function Explanation() {
  return (
    <div className="card import-intro">
      <p>
        Les fiches nationales viennent de <strong>{NATIONAL_SOURCE}</strong>, le site officiel de
        l&apos;administration française, édité par la DILA (Direction de l&apos;information légale et
        administrative). Elles sont diffusées sous la Licence Ouverte : Info&apos;Cité les reprend telles
        quelles, en citant leur source et leur date de mise à jour.
      </p>
      <p>
        Ces fiches sont en lecture seule dans Info&apos;Cité. Pour les mettre à jour, importez une archive
        plus récente :
      </p>
      <ul>
        <li>les fiches modifiées sont mises à jour et les nouvelles fiches sont ajoutées ;</li>
        <li>les fiches qui n&apos;existent plus sur {NATIONAL_SOURCE} sont supprimées ;</li>
        <li>
          les fiches propres à la commune ne sont <strong>jamais</strong> modifiées.
        </li>
      </ul>
      <p className="muted">
        L&apos;import dure de quelques secondes à quelques minutes. Info&apos;Cité reste utilisable pendant ce
        temps, et la recherche se met à jour d&apos;elle-même à la fin.
      </p>
    </div>
  );
}

function Source({ from }: { from: string | undefined }) {
  if (!from) return null;
  return (
    <p className="import-source">
      Archive ou dossier : <code data-testid="import-source">{from}</code>
    </p>
  );
}

function JobStatus({ status }: { status: ImportJobStatus }) {
  switch (status.state) {
    case 'idle':
      return (
        <p className="muted" data-testid="import-idle">
          Aucun import n&apos;a été lancé depuis l&apos;ouverture d&apos;Info&apos;Cité.
        </p>
      );
    case 'running':
      return <Running status={status} />;
    case 'done':
      return <Done status={status} />;
    case 'error':
      return (
        <>
          <Source from={status.from} />
          <div className="alert alert-error" data-testid="import-error">
            <p className="alert-title">L&apos;import a échoué.</p>
            <p>{status.error ?? 'Cause inconnue.'}</p>
            <p>Vérifiez le chemin indiqué, puis relancez l&apos;import.</p>
          </div>
        </>
      );
  }
}

function Running({ status }: { status: ImportJobStatus }) {
  const { progress } = status;
  const known = hasKnownTotal(progress);
  return (
    <div className="import-running" data-testid="import-running">
      <p className="import-state">Import en cours…</p>
      <Source from={status.from} />
      <div className="import-progress">
        <progress
          aria-label="Progression de l'import"
          max={known ? progress.total : undefined}
          value={known ? Math.min(progress.done, progress.total) : undefined}
          data-testid="import-progress"
        />
        <span className="import-progress-text" data-testid="import-progress-text">
          {progressText(progress)}
        </span>
      </div>
      <p className="muted">
        Vous pouvez continuer à utiliser Info&apos;Cité : l&apos;import se poursuit même si vous quittez cette
        page.
      </p>
    </div>
  );
}

function Done({ status }: { status: ImportJobStatus }) {
  const errors = status.errors ?? [];
  return (
    <div className="import-done" data-testid="import-done">
      <Source from={status.from} />
      <p className="alert alert-success import-summary" data-testid="import-summary">
        {status.summary ?? 'Import terminé.'}
      </p>
      <p>
        L&apos;index de recherche se met à jour de lui-même (« Indexation en cours… » en haut de la fenêtre) :
        les fiches importées sont proposées dans la <a href={formatRoute(HOME)}>recherche</a> dès qu&apos;il
        est prêt.
      </p>
      {errors.length > 0 && <SkippedFiles errors={errors} />}
    </div>
  );
}

function SkippedFiles({ errors }: { errors: NonNullable<ImportJobStatus['errors']> }) {
  return (
    <div className="import-skipped">
      <h3>{skippedLabel(errors.length)}</h3>
      <p className="muted">
        Ces fichiers n&apos;ont pas été importés ; une fiche déjà présente garde sa version précédente.
        {errors.length >= MAX_LISTED_ERRORS && ` Seuls les ${MAX_LISTED_ERRORS} premiers sont listés.`}
      </p>
      <div className="table-wrap">
        <table className="problems-table" data-testid="import-errors">
          <caption className="visually-hidden">Fichiers ignorés par l&apos;import, avec la raison</caption>
          <thead>
            <tr>
              <th scope="col">Fichier</th>
              <th scope="col">Raison</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((error, index) => (
              <tr key={index} data-testid="import-error-row">
                <td>
                  <code>{error.file}</code>
                </td>
                <td>{error.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
