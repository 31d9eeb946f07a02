// Administration of the installation: backups and restores of the database, the reception point this
// installation is bound to.
import { z } from 'zod';
import type { MethodTable } from '../method-table';
import type { PointEntite } from '../points/methods';

/** Why a copy of the database was taken, read from its file name. */
export type BackupOrigin = 'manuelle' | 'avant-restauration' | 'avant-migration' | 'autre';

/** A copy of the database in the backup folder. */
export interface BackupInfo {
  /** The file's name in the backup folder: what `admin.restore` takes. */
  name: string;
  size: number;
  /** ISO instant the copy was written. */
  at: string;
  origin: BackupOrigin;
  /** For a copy taken before a migration: the schema version it holds. */
  schema: number | null;
}

/**
 * The backups as Réglages shows them. On SQLite: the copies of the backup folder. On PostgreSQL (the city
 * server): no folder and no copies — the database server's own tools back it up, and `conseil` says how.
 */
export interface BackupList {
  /** The engine holding the data: « sqlite » (a file) or « postgres » (the city's database server). */
  engine: 'sqlite' | 'postgres';
  /** The backup folder (SQLite); null on PostgreSQL. */
  folder: string | null;
  backups: BackupInfo[];
  /** On PostgreSQL, what to do instead (pg_dump, pg_restore); null on SQLite. */
  conseil: string | null;
}

/** An open reception point this installation may be bound to. */
export interface InstallationOption {
  id: number;
  code: string;
  nom: string;
  entite: PointEntite;
  commune: string;
}

export interface InstallationView {
  /** The point this installation is bound to, if any. */
  current: { pointId: number; nom: string } | null;
  /** The open points, by entité then name. */
  points: InstallationOption[];
}

/** A backup's file name, alone: a path (or anything outside the backup folder) is refused. */
const backupName = z
  .string()
  .trim()
  .min(1, 'choisissez une sauvegarde')
  .max(200, 'ce nom de sauvegarde est trop long')
  .regex(/^[^/\\:]+\.db$/, 'indiquez le nom d’un fichier du dossier des sauvegardes, sans chemin')
  .refine((name) => !name.startsWith('.'), 'indiquez le nom d’un fichier du dossier des sauvegardes');

export const adminMethods = {
  'admin.backups.list': { role: 'administrateur', input: z.object({}) },
  'admin.backup': { role: 'administrateur', input: z.object({}) },
  'admin.restore': { role: 'administrateur', input: z.object({ name: backupName }) },
  'admin.installation.get': { role: 'administrateur', input: z.object({}) },
  'admin.installation.set': {
    role: 'administrateur',
    input: z.object({
      pointId: z.number({ error: 'choisissez un point d’accueil' }).int().positive().nullable(),
    }),
  },
} as const satisfies MethodTable;

export interface AdminOutputs {
  'admin.backups.list': BackupList;
  'admin.backup': BackupInfo;
  /** Every session is closed afterwards: the window logs in again. */
  'admin.restore': { restored: string; savedAs: string; schema: number };
  'admin.installation.get': InstallationView;
  'admin.installation.set': InstallationView;
}
