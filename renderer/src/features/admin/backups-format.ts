// How the settings page shows a backup: its date, its size and why it was taken. Pure, unit-tested under Node.
import type { BackupInfo } from '../../../../common/admin/methods';
import { formatDate, isoDay } from '../../ui/format';

/** « 23 novembre 2026 à 10:05 », in the window's time zone. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return `${formatDate(isoDay(date))} à ${time}`;
}

/** « 512 o », « 232 Ko », « 1,4 Mo »: French units and decimal comma. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  const kilo = bytes / 1024;
  if (kilo < 1024) return `${Math.round(kilo)} Ko`;
  const mega = kilo / 1024;
  return `${mega.toLocaleString('fr-FR', { maximumFractionDigits: mega < 10 ? 1 : 0 })} Mo`;
}

export function originLabel(backup: Pick<BackupInfo, 'origin' | 'schema'>): string {
  switch (backup.origin) {
    case 'manuelle':
      return 'Sauvegarde';
    case 'avant-restauration':
      return 'Avant une restauration';
    case 'avant-migration':
      return `Avant une mise à jour de l'application (schéma ${backup.schema ?? '?'})`;
    case 'autre':
      return 'Copie déposée dans le dossier';
  }
}
