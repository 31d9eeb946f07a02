// Backups of the database from the settings page: take one now, list them, restore one by its name.
import type { BackupInfo, BackupOrigin } from '../../../common/admin/methods';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { userVersion } from '../store/database';
import { DatabaseVersionError } from '../store/database';
import type { BackupFile, Store } from '../store/store';
import { NotFoundError, RefusedError } from '../errors';

const ORIGINS: Array<[RegExp, BackupOrigin]> = [
  [/^sauvegarde-/, 'manuelle'],
  [/^avant-restauration-/, 'avant-restauration'],
  [/^avant-migration-v\d+-/, 'avant-migration'],
];

/** What the window shows of a copy: its name, size, date, and why it was taken (from the name the store gave it). */
export function backupInfo(file: BackupFile): BackupInfo {
  const origin = ORIGINS.find(([pattern]) => pattern.test(file.name))?.[1] ?? 'autre';
  const schema = /^avant-migration-v(\d+)-/.exec(file.name)?.[1];
  return {
    name: file.name,
    size: file.size,
    at: file.at,
    origin,
    schema: schema === undefined ? null : Number(schema),
  };
}

export function listBackups(store: Store): { folder: string; backups: BackupInfo[] } {
  return { folder: store.backupDir, backups: store.backups().map(backupInfo) };
}

/** Takes a copy now; the audit row goes into the live database (the copy is the state just before it). */
export function backupNow(store: Store, actor: Actor, now: Date): BackupInfo {
  const file = store.backup();
  const db = store.db;
  db.legacyTransaction(() => {
    recordAudit(
      db,
      actor,
      {
        action: 'sauvegarde',
        objet: 'base',
        objetId: file.name,
        apres: { fichier: file.name, taille: file.size },
      },
      now,
    );
  })();
  return backupInfo(file);
}

/**
 * Restores a copy of the backup folder, named alone (never a path: the window cannot point the app at any file
 * on the machine). The store saves the current database first and migrates an older copy; the restore is then
 * written to the restored database's own audit trail, since the trail of the replaced one went with it. The
 * caller closes every session: the accounts may not be the same any more.
 */
export function restoreBackup(
  store: Store,
  name: string,
  actor: Actor,
  now: Date,
): { restored: string; savedAs: string; schema: number } {
  const file = store.backups().find((backup) => backup.name === name);
  if (!file)
    throw new NotFoundError(`La sauvegarde « ${name} » n'existe pas dans le dossier des sauvegardes.`);
  let savedAs: BackupFile;
  try {
    savedAs = store.restore(file.path).savedAs;
  } catch (error) {
    if (error instanceof DatabaseVersionError) throw new RefusedError(error.message);
    throw error;
  }
  const db = store.db;
  db.legacyTransaction(() => {
    recordAudit(
      db,
      actor,
      {
        action: 'restauration',
        objet: 'base',
        objetId: name,
        avant: { sauvegardeAvantRestauration: savedAs.name },
        apres: { restaureeDepuis: name },
      },
      now,
    );
  })();
  return { restored: name, savedAs: savedAs.name, schema: userVersion(db) };
}
