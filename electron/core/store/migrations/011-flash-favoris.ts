import type { Migration } from './types';

// Flash info (announcements to the desks, with their target points, linked fiches and read confirmations) and
// each account's favourite and recently viewed fiches. Fiche ids are not foreign keys: fiches live in files.
export const migration011: Migration = {
  version: 11,
  name: 'flash-favoris',
  up(db) {
    db.exec(`
      CREATE TABLE flash (
        id INTEGER PRIMARY KEY,
        titre TEXT NOT NULL CHECK (length(titre) BETWEEN 1 AND 120),
        texte TEXT NOT NULL CHECK (length(texte) BETWEEN 1 AND 4000),  -- markdown, rendered without raw HTML
        debut TEXT NOT NULL,              -- first day shown, YYYY-MM-DD (Paris)
        fin TEXT NOT NULL,                -- last day shown; archived after it
        tous_points INTEGER NOT NULL CHECK (tous_points IN (0, 1)),
        cree_par INTEGER REFERENCES comptes(id) ON DELETE SET NULL,
        cree_par_nom TEXT NOT NULL,
        cree_le TEXT NOT NULL,
        modifie_le TEXT,
        CHECK (fin >= debut)
      ) STRICT;
      CREATE INDEX flash_fin ON flash (fin);

      CREATE TABLE flash_points (
        flash_id INTEGER NOT NULL REFERENCES flash(id) ON DELETE CASCADE,
        point_id INTEGER NOT NULL REFERENCES points(id) ON DELETE RESTRICT,
        PRIMARY KEY (flash_id, point_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX flash_points_point ON flash_points (point_id);

      CREATE TABLE flash_fiches (
        flash_id INTEGER NOT NULL REFERENCES flash(id) ON DELETE CASCADE,
        fiche_id TEXT NOT NULL,
        PRIMARY KEY (flash_id, fiche_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX flash_fiches_fiche ON flash_fiches (fiche_id);

      CREATE TABLE flash_lectures (
        flash_id INTEGER NOT NULL REFERENCES flash(id) ON DELETE CASCADE,
        compte_id INTEGER NOT NULL REFERENCES comptes(id) ON DELETE CASCADE,
        lu_le TEXT NOT NULL,
        PRIMARY KEY (flash_id, compte_id)
      ) STRICT, WITHOUT ROWID;

      -- The title is kept so that a fiche removed since still shows under its name.
      CREATE TABLE favoris (
        compte_id INTEGER NOT NULL REFERENCES comptes(id) ON DELETE CASCADE,
        fiche_id TEXT NOT NULL,
        titre TEXT NOT NULL,
        ajoute_le TEXT NOT NULL,
        PRIMARY KEY (compte_id, fiche_id)
      ) STRICT, WITHOUT ROWID;

      -- The last fiches each account opened (the oldest beyond the limit are deleted as new ones come).
      CREATE TABLE fiches_vues (
        compte_id INTEGER NOT NULL REFERENCES comptes(id) ON DELETE CASCADE,
        fiche_id TEXT NOT NULL,
        titre TEXT NOT NULL,
        vue_le TEXT NOT NULL,
        PRIMARY KEY (compte_id, fiche_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX fiches_vues_recentes ON fiches_vues (compte_id, vue_le);
    `);
  },
};
