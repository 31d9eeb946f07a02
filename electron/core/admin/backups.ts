// Backups of the database from the settings page: take one now, list them, restore one by its name. On
// PostgreSQL the app takes no copy itself: the list says so, with the server tools' commands (docs/SERVEUR.md).
import type { BackupInfo, BackupList, BackupOrigin } from '../../../common/admin/methods';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import type { BackupFile, CoreStore } from '../store/core-store';
import { DatabaseVersionError, userVersion } from '../store/database';
import { POSTGRES_BACKUP_MESSAGE } from '../store/postgres/postgres-store';
import { Store } from '../store/store';
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

/**
 * The copies of the backup folder (SQLite); on PostgreSQL, none: `conseil` says how the city's server is backed
 * up and restored instead (pg_dump, pg_restore), and the window shows it in place of the list.
 */
export function listBackups(store: CoreStore): BackupList {
  // No backup folder: PostgreSQL.
  if (store.backupDir === null)
    return { engine: store.engine, folder: null, backups: [], conseil: POSTGRES_BACKUP_MESSAGE };
  return {
    engine: store.engine,
    folder: store.backupDir,
    backups: store.backups().map(backupInfo),
    conseil: null,
  };
}

/** Takes a copy now; the audit row goes into the live database (the copy is the state just before it). */
export async function backupNow(store: CoreStore, actor: Actor, now: Date): Promise<BackupInfo> {
  // PostgreSQL refuses here, saying how its backups are made.
  const file = store.backup();
  await store.db.transaction(async (tx) => {
    await recordAudit(
      tx,
      actor,
      {
        action: 'sauvegarde',
        objet: 'base',
        objetId: file.name,
        apres: { fichier: file.name, taille: file.size },
      },
      now,
    );
  });
  return backupInfo(file);
}

/**
 * Restores a copy of the backup folder, named alone (never a path: the window cannot point the app at any file
 * on the machine). The store saves the current database first and migrates an older copy; the restore is then
 * written to the restored database's own audit trail, since the trail of the replaced one went with it. The
 * caller closes every session: the accounts may not be the same any more.
 */
export async function restoreBackup(
  store: CoreStore,
  name: string,
  actor: Actor,
  now: Date,
): Promise<{ restored: string; savedAs: string; schema: number }> {
  if (!(store instanceof Store)) throw new RefusedError(POSTGRES_BACKUP_MESSAGE);
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
  // Ask for the store's db again: the restore replaced it.
  await store.db.transaction(async (tx) => {
    await recordAudit(
      tx,
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
  });
  const schema = userVersion(store.sqlite);
  return { restored: name, savedAs: savedAs.name, schema };
}
