import type { PostgresMigration } from './types';

/** Fiches sent to citizens by e-mail: a count per day and fiche, nothing else (SQLite's 010). */
export const postgresMigration010: PostgresMigration = {
  version: 10,
  name: 'envois de fiches par courriel',
  sql: `
    CREATE TABLE envois_fiches (
      jour TEXT NOT NULL,                             -- YYYY-MM-DD, Paris
      fiche_id TEXT NOT NULL,
      nombre INTEGER NOT NULL CHECK (nombre > 0),
      PRIMARY KEY (jour, fiche_id)
    );
  `,
};
