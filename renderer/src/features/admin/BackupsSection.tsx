import { useRef, useState } from 'react';
import type { BackupInfo } from '../../../../common/admin/methods';
import { call } from '../../api';
import { useSubmit } from '../../ui/forms/useSubmit';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { useCall } from '../../ui/hooks/useCall';
import { formatInstant, formatSize, originLabel } from './backups-format';
import { RestoreDialog } from './RestoreDialog';

/** « Sauvegarder / Restaurer »: a copy of the database now, the copies kept, and a restore with confirmation. */
export function BackupsSection() {
  const [version, setVersion] = useState(0);
  const list = useCall('admin.backups.list', {}, { refresh: String(version), keepPrevious: true });
  const { busy: saving, error, run } = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const lastFocus = useRef<HTMLElement | null>(null);

  const backupNow = async () => {
    setNotice(null);
    await run(
      () => call('admin.backup', {}),
      (file) => {
        setNotice(`Sauvegarde enregistrée : ${file.name} (${formatSize(file.size)}).`);
        setVersion((v) => v + 1);
      },
    );
  };

  const askRestore = (backup: BackupInfo, button: HTMLElement) => {
    lastFocus.current = button;
    setRestoring(backup);
  };

  const closeDialog = () => {
    setRestoring(null);
    lastFocus.current?.focus();
  };

  if (list.status === 'ok' && list.data.engine === 'postgres')
    return <PostgresBackups conseil={list.data.conseil} />;

  return (
    <section className="card admin-section" aria-labelledby="backups-title" data-testid="backups">
      <h2 id="backups-title">Sauvegarder / Restaurer</h2>
      <p className="muted">
        Une sauvegarde est une copie complète de la base de données : comptes, points d&apos;accueil, agents,
        formations, labels et journal. Une copie est aussi prise automatiquement avant chaque mise à jour de
        l&apos;application et avant chaque restauration.
      </p>
      <div className="admin-actions">
        <button
          type="button"
          className="button"
          onClick={() => void backupNow()}
          disabled={saving}
          data-testid="backup-now"
        >
          Sauvegarder maintenant
        </button>
      </div>
      {error && <ErrorMessage error={error} context="La sauvegarde n'a pas pu être faite." />}
      <p role="status" className="admin-notice" data-testid="backup-notice">
        {notice}
      </p>

      {list.status === 'loading' && <Loading label="Lecture des sauvegardes…" />}
      {list.status === 'error' && (
        <ErrorMessage error={list.error} context="Impossible de lister les sauvegardes." />
      )}
      {list.status === 'ok' && (
        <BackupTable folder={list.data.folder ?? ''} backups={list.data.backups} onRestore={askRestore} />
      )}
      {restoring && <RestoreDialog backup={restoring} onClose={closeDialog} />}
    </section>
  );
}

/** PostgreSQL bases: the city's database server backs them up, not the app; say how (docs/SERVEUR.md). */
function PostgresBackups({ conseil }: { conseil: string | null }) {
  return (
    <section className="card admin-section" aria-labelledby="backups-title" data-testid="backups">
      <h2 id="backups-title">Sauvegarder / Restaurer</h2>
      <p data-testid="backups-engine">
        Les données de ce serveur sont dans une base <strong>PostgreSQL</strong>.
      </p>
      <p data-testid="backups-conseil">{conseil}</p>
      <p className="muted">
        Commandes à lancer sur le serveur de base de données (détail dans docs/SERVEUR.md) :
      </p>
      <pre className="admin-commands" data-testid="backups-commands">
        <code>
          {'pg_dump --format=custom --file=infocite-$(date +%F).dump "$DATABASE_URL"\n' +
            'pg_restore --clean --if-exists --dbname="$DATABASE_URL" infocite-AAAA-MM-JJ.dump'}
        </code>
      </pre>
    </section>
  );
}

function BackupTable({
  folder,
  backups,
  onRestore,
}: {
  folder: string;
  backups: BackupInfo[];
  onRestore(backup: BackupInfo, button: HTMLElement): void;
}) {
  return (
    <>
      <p className="admin-folder">
        Dossier des sauvegardes : <code>{folder}</code>
      </p>
      {backups.length === 0 ? (
        <p data-testid="backups-empty">Aucune sauvegarde pour l&apos;instant.</p>
      ) : (
        <div className="table-wrap">
          <table className="admin-table" data-testid="backups-table">
            <caption className="visually-hidden">
              Sauvegardes de la base de données, la plus récente en premier
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Origine</th>
                <th scope="col">Taille</th>
                <th scope="col">Fichier</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((backup) => (
                <tr key={backup.name} data-testid="backup-row" data-name={backup.name}>
                  <td>{formatInstant(backup.at)}</td>
                  <td>{originLabel(backup)}</td>
                  <td className="admin-num">{formatSize(backup.size)}</td>
                  <td>
                    <code>{backup.name}</code>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-outline admin-button-small"
                      onClick={(event) => onRestore(backup, event.currentTarget)}
                      aria-label={`Restaurer la sauvegarde du ${formatInstant(backup.at)}`}
                      data-testid="backup-restore"
                    >
                      Restaurer
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
