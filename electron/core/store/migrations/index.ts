import { migration001 } from './001-comptes-audit';
import { migration002 } from './002-registres';
import { migration003 } from './003-label';
import { migration004 } from './004-journal';
import { migration005 } from './005-indicateurs';
import { migration006 } from './006-avis';
import { migration007 } from './007-bilan-plan-manques';
import { migration008 } from './008-postes';
import { migration009 } from './009-sync-postes';
import { migration010 } from './010-envois-fiches';
import { migration011 } from './011-flash-favoris';
import { migration012 } from './012-satisfaction-reclamations';
import { migration013 } from './013-controles-actions';
import type { Migration } from './types';

/** Every migration, in order; the schema version is the last one's number. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
