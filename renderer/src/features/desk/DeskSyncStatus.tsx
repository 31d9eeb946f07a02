import { syncLabel, useDeskStatus } from './deskStatus';

/**
 * The header's discreet line on a connected desk: « à jour », « hors ligne — N contacts en attente ». Nothing
 * on a standalone desk. Announced politely to screen readers when it changes.
 */
export function DeskSyncStatus() {
  const status = useDeskStatus();
  const label = status && syncLabel(status);
  if (!label) return null;
  const offline = status.mode === 'relie' && !status.enLigne;
  return (
    <p
      className={offline ? 'desk-sync desk-sync-offline' : 'desk-sync'}
      role="status"
      data-testid="desk-sync"
    >
      {label}
    </p>
  );
}
