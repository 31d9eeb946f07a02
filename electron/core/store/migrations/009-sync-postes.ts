import type { Migration } from './types';

// The desks' outbox on the server: every log entry, settled search and opinion a desk sends carries an id made on
// the desk (uid), stored once; the desk it came from and when the server received it are kept beside the desk's
// time. `sync_recus` remembers every uid the server has handled — including corrections and refusals, which leave
// no row of their own — so that a replayed batch changes nothing. `sync_rejets` holds what the server refused:
// the dead letters an administrator sees, never dropped.
export const migration009: Migration = {
  version: 9,
  name: 'envois des postes',
  up(db) {
    db.exec(`
      ALTER TABLE journal ADD COLUMN uid TEXT;
      ALTER TABLE journal ADD COLUMN poste_id INTEGER REFERENCES postes(id) ON DELETE SET NULL;
      ALTER TABLE journal ADD COLUMN recu_le TEXT;
      CREATE UNIQUE INDEX journal_uid ON journal (uid) WHERE uid IS NOT NULL;
      CREATE INDEX journal_poste ON journal (poste_id, jour) WHERE poste_id IS NOT NULL;

      ALTER TABLE recherches ADD COLUMN uid TEXT;
      ALTER TABLE recherches ADD COLUMN poste_id INTEGER REFERENCES postes(id) ON DELETE SET NULL;
      CREATE UNIQUE INDEX recherches_uid ON recherches (uid) WHERE uid IS NOT NULL;

      ALTER TABLE avis_fiches ADD COLUMN uid TEXT;
      ALTER TABLE avis_fiches ADD COLUMN poste_id INTEGER REFERENCES postes(id) ON DELETE SET NULL;
      CREATE UNIQUE INDEX avis_fiches_uid ON avis_fiches (uid) WHERE uid IS NOT NULL;

      CREATE TABLE sync_recus (
        uid TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        poste_id INTEGER REFERENCES postes(id) ON DELETE SET NULL,
        statut TEXT NOT NULL CHECK (statut IN ('accepte', 'rejete')),
        recu_le TEXT NOT NULL
      ) WITHOUT ROWID, STRICT;

      CREATE TABLE sync_rejets (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        poste_id INTEGER REFERENCES postes(id) ON DELETE SET NULL,
        compte_id INTEGER NOT NULL,          -- as the desk sent it: the account may be gone
        horodatage TEXT NOT NULL,            -- the desk's time, shifted to the server's clock
        recu_le TEXT NOT NULL,
        motif TEXT NOT NULL,
        payload TEXT NOT NULL,               -- JSON, as sent
        traite_le TEXT,
        traitement TEXT CHECK (traitement IN ('reessaye', 'classe'))
      ) STRICT;
      CREATE INDEX sync_rejets_ouverts ON sync_rejets (recu_le) WHERE traite_le IS NULL;
    `);
  },
};
