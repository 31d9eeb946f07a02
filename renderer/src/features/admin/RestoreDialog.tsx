import { useEffect, useRef, useState } from 'react';
import type { BackupInfo } from '../../../../common/admin/methods';
import type { ApiError } from '../../api';
import { call, toApiError } from '../../api';
import { FormMessage } from '../../ui/forms/FormMessage';
import { SESSION_ENDED_EVENT } from '../auth/session';
import { formatInstant } from './backups-format';

/**
 * The confirmation before a restore: what happens to the current database and to everyone's session. Once the
 * core has restored, every session is closed: the window goes back to the login screen.
 */
export function RestoreDialog({ backup, onClose }: { backup: BackupInfo; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  // Modal: the rest of the page is inert and Escape cancels. Unmounting removes it, which closes it.
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('admin.restore', { name: backup.name });
      // Every session is closed, this one included: the window asks who is there again.
      window.dispatchEvent(new Event(SESSION_ENDED_EVENT));
    } catch (failure) {
      setError(toApiError(failure));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="admin-dialog"
      aria-labelledby="restore-title"
      aria-describedby="restore-explanation"
      onClose={onClose}
      data-testid="restore-dialog"
    >
      <h2 id="restore-title">Restaurer la sauvegarde du {formatInstant(backup.at)} ?</h2>
      <div id="restore-explanation">
        <p>
          La base de données actuelle sera d&apos;abord enregistrée dans une sauvegarde « avant restauration »
          (vous pourrez y revenir), puis remplacée par <code>{backup.name}</code>.
        </p>
        <p>
          <strong>Toutes les personnes connectées seront déconnectées</strong>, vous compris : chacun devra
          s&apos;identifier de nouveau. Les changements faits depuis cette sauvegarde ne seront plus visibles.
        </p>
      </div>
      <FormMessage testId="restore-error">{error?.message}</FormMessage>
      <div className="admin-actions">
        <button
          type="button"
          className="button"
          onClick={() => void restore()}
          disabled={busy}
          data-testid="restore-confirm"
        >
          Restaurer
        </button>
        {/* The safe choice has the focus when the dialog opens. */}
        <button
          type="button"
          className="button button-outline"
          onClick={() => dialog.current?.close()}
          disabled={busy}
          autoFocus
        >
          Annuler
        </button>
      </div>
    </dialog>
  );
}
