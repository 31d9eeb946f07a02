import type { Migration } from './types';

// The city's desks (postes): each bound to one reception point, enrolled once with a one-time code, then known by
// its own credential. Only hashes are stored: neither the code nor the credential can be read back from the base.
export const migration008: Migration = {
  version: 8,
  name: 'postes',
  up(db) {
    db.exec(`
      CREATE TABLE postes (
        id INTEGER PRIMARY KEY,
        nom TEXT NOT NULL CHECK (length(nom) BETWEEN 1 AND 120),
        point_id INTEGER NOT NULL REFERENCES points(id) ON DELETE RESTRICT,
        code_empreinte TEXT UNIQUE,          -- sha-256 of the enrolment code; NULL once used or revoked
        code_expire_le TEXT,                 -- ISO instant after which the code no longer enrols
        secret_empreinte TEXT UNIQUE,        -- sha-256 of the desk's credential; NULL until enrolled
        cree_le TEXT NOT NULL,
        inscrit_le TEXT,
        revoque_le TEXT,
        vu_le TEXT                           -- the last call made with the credential
      ) STRICT;
      CREATE INDEX postes_point ON postes (point_id);
    `);
  },
};
