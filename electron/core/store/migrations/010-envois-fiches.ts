import type { Migration } from './types';

// Fiches sent to citizens by e-mail (« Envoyer par courriel »): a count per day and fiche, nothing else. The
// citizen's address is used for the sending and never written anywhere; no account, no time of day either.
export const migration010: Migration = {
  version: 10,
  name: 'envois de fiches par courriel',
  up(db) {
    db.exec(`
      CREATE TABLE envois_fiches (
        jour TEXT NOT NULL,                             -- YYYY-MM-DD, Paris
        fiche_id TEXT NOT NULL,
        nombre INTEGER NOT NULL CHECK (nombre > 0),
        PRIMARY KEY (jour, fiche_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
