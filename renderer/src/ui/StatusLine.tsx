import { formatBuiltAt, plural } from './format';
import { useIndexStatus } from './hooks/indexStatus';

/** The index's state under the navigation: progress while building, counts when ready, errors. */
export function StatusLine() {
  const { status, error } = useIndexStatus();

  let content;
  if (error) {
    content = (
      <p className="status-text status-error" role="alert">
        {error.message}
      </p>
    );
  } else if (!status) {
    content = <p className="status-text">Connexion au service…</p>;
  } else if (status.state === 'building') {
    const progress = status.progress;
    content = (
      <p className="status-text">
        <span>Indexation en cours…{progress && ` ${progress.done} / ${progress.total}`}</span>
        <progress
          className="status-progress"
          aria-label="Progression de l'indexation"
          max={progress?.total || undefined}
          value={progress ? progress.done : undefined}
        />
      </p>
    );
  } else if (status.state === 'error') {
    content = (
      <p className="status-text status-error" role="alert">
        Erreur d&apos;indexation : {status.error ?? 'cause inconnue'}
      </p>
    );
  } else {
    content = (
      <p className="status-text">
        {plural(status.fiches, 'fiche')} · {plural(status.contacts, 'service')}
        {status.builtAt && <> · index à jour {formatBuiltAt(status.builtAt, new Date())}</>}
      </p>
    );
  }

  return (
    <div className="status-line" data-testid="index-status" data-state={status?.state ?? 'unknown'}>
      {content}
      <p className="visually-hidden" aria-live="polite">
        {status?.state === 'building' ? 'Indexation en cours' : status?.state === 'ready' ? 'Index prêt' : ''}
      </p>
    </div>
  );
}
