import type { Migration } from './types';

/**
 * The orientation log: one row per citizen contact, codes only (no citizen identity, no free text: CNIL
 * minimisation), the fiches consulted, the desk's settled searches (for the content-gap report only), and the
 * daily counts that retention leaves once entries are older than the retention period.
 */
export const migration004: Migration = {
  version: 4,
  name: 'journal des orientations',
  up(db) {
    db.exec(`
      CREATE TABLE journal (
        id INTEGER PRIMARY KEY,
        horodatage TEXT NOT NULL,                              -- ISO instant of the outcome
        jour TEXT NOT NULL,                                    -- YYYY-MM-DD, Paris
        heure INTEGER NOT NULL CHECK (heure BETWEEN 0 AND 23), -- Paris
        point_id INTEGER REFERENCES points(id) ON DELETE RESTRICT,
        compte_id INTEGER REFERENCES comptes(id) ON DELETE SET NULL, -- who logged it (staff), to correct own entries
        canal TEXT NOT NULL CHECK (canal IN (
          'accueil_physique', 'telephone', 'courriel', 'courrier', 'reseaux_sociaux'
        )),
        issue TEXT NOT NULL CHECK (issue IN (
          'repondu', 'oriente_fiche', 'oriente_autre', 'rendez_vous', 'transmis', 'non_resolu'
        )),
        service_id TEXT, -- the contact (knowledge base) the citizen was oriented to
        motif TEXT CHECK (motif IN ('pas_de_fiche', 'fiche_incomplete', 'hors_competence', 'autre')),
        theme TEXT,      -- a thème id of the knowledge base
        duree_s INTEGER CHECK (duree_s IS NULL OR duree_s >= 0),
        CHECK ((issue = 'non_resolu') = (motif IS NOT NULL))
      ) STRICT;
      CREATE INDEX journal_jour ON journal (jour, point_id, canal, issue);
      -- An agent's own entries of the day; also keeps ON DELETE SET NULL from scanning the log.
      CREATE INDEX journal_compte ON journal (compte_id, jour);

      CREATE TABLE journal_fiches (
        entree_id INTEGER NOT NULL REFERENCES journal(id) ON DELETE CASCADE,
        fiche_id TEXT NOT NULL,
        PRIMARY KEY (entree_id, fiche_id)
      ) WITHOUT ROWID, STRICT;

      CREATE TABLE recherches (
        id INTEGER PRIMARY KEY,
        horodatage TEXT NOT NULL,
        jour TEXT NOT NULL,
        point_id INTEGER REFERENCES points(id) ON DELETE RESTRICT,
        requete TEXT NOT NULL, -- normalised: trimmed, lower-case, spaces collapsed
        resultats INTEGER NOT NULL,
        entree_id INTEGER REFERENCES journal(id) ON DELETE SET NULL
      ) STRICT;
      CREATE INDEX recherches_jour ON recherches (jour);
      -- Without it, every deleted log entry (retention) would scan the searches for ON DELETE SET NULL.
      CREATE INDEX recherches_entree ON recherches (entree_id);

      -- What retention leaves: empty string / 0 instead of NULL so the primary key works.
      CREATE TABLE journal_quotidien (
        jour TEXT NOT NULL,
        point_id INTEGER NOT NULL DEFAULT 0,
        theme TEXT NOT NULL DEFAULT '',
        canal TEXT NOT NULL,
        issue TEXT NOT NULL,
        motif TEXT NOT NULL DEFAULT '',
        service_id TEXT NOT NULL DEFAULT '',
        nombre INTEGER NOT NULL,
        duree_totale_s INTEGER NOT NULL DEFAULT 0,
        duree_nombre INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (jour, point_id, theme, canal, issue, motif, service_id)
      ) STRICT;
    `);
  },
};
