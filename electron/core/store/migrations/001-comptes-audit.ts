import type { Migration } from './types';

/** Accounts, their roles, the audit trail and the installation's settings. */
export const migration001: Migration = {
  version: 1,
  name: 'comptes, rôles, journal d’audit, réglages',
  up(db) {
    db.exec(`
      CREATE TABLE reglages (
        cle TEXT PRIMARY KEY,
        valeur TEXT NOT NULL -- JSON
      ) STRICT;

      CREATE TABLE comptes (
        id INTEGER PRIMARY KEY,
        identifiant TEXT NOT NULL UNIQUE COLLATE NOCASE,
        nom TEXT NOT NULL,
        mot_de_passe TEXT NOT NULL, -- scrypt hash, never the password
        pin TEXT,                   -- scrypt hash of the desk PIN
        actif INTEGER NOT NULL DEFAULT 1 CHECK (actif IN (0, 1)),
        echecs INTEGER NOT NULL DEFAULT 0,
        prochain_essai TEXT,        -- ISO instant before which no attempt is checked
        verrouille_jusqu TEXT,      -- ISO instant
        cree_le TEXT NOT NULL,
        derniere_connexion TEXT
      ) STRICT;

      CREATE TABLE compte_roles (
        compte_id INTEGER NOT NULL REFERENCES comptes(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('agent', 'redacteur', 'gestionnaire', 'administrateur')),
        PRIMARY KEY (compte_id, role)
      ) STRICT;

      -- No foreign key on compte_id: the trail outlives the accounts it names.
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        horodatage TEXT NOT NULL,
        compte_id INTEGER,
        auteur TEXT NOT NULL,
        action TEXT NOT NULL,
        objet TEXT NOT NULL,
        objet_id TEXT,
        avant TEXT, -- JSON
        apres TEXT  -- JSON
      ) STRICT;
      CREATE INDEX audit_horodatage ON audit (horodatage);
      CREATE INDEX audit_objet ON audit (objet, objet_id);
      CREATE INDEX audit_compte ON audit (compte_id);
    `);
  },
};
