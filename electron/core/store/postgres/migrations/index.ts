import { postgresMigration001 } from './001-comptes-audit';
import { postgresMigration002 } from './002-registres';
import { postgresMigration003 } from './003-label';
import { postgresMigration004 } from './004-journal';
import { postgresMigration005 } from './005-indicateurs';
import { postgresMigration006 } from './006-avis';
import { postgresMigration007 } from './007-bilan-plan-manques';
import { postgresMigration008 } from './008-postes';
import { postgresMigration009 } from './009-sync-postes';
import { postgresMigration010 } from './010-envois-fiches';
import { postgresMigration011 } from './011-flash-favoris';
import { postgresMigration012 } from './012-satisfaction-reclamations';
import { postgresMigration013 } from './013-controles-actions';
import type { PostgresMigration } from './types';

/** Every PostgreSQL migration, in order, numbered like the SQLite ones. */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  postgresMigration001,
  postgresMigration002,
  postgresMigration003,
  postgresMigration004,
  postgresMigration005,
  postgresMigration006,
  postgresMigration007,
  postgresMigration008,
  postgresMigration009,
  postgresMigration010,
  postgresMigration011,
  postgresMigration012,
  postgresMigration013,
];
