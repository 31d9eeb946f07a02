import type { Migration } from './types';

// The agents' quick « utile / pas utile » on a fiche, for the editors' backlog. Like the orientation log it holds
// codes only (never free text, never a citizen's identity). The account stays for counting « who flagged it »
// no more than the log does: a removed account leaves its opinions, anonymous.
export const migration006: Migration = {
  version: 6,
  name: 'avis sur les fiches',
  up(db) {
    db.exec(`
      CREATE TABLE avis_fiches (
        id INTEGER PRIMARY KEY,
        horodatage TEXT NOT NULL,                               -- ISO instant
        jour TEXT NOT NULL,                                     -- YYYY-MM-DD, Paris
        point_id INTEGER REFERENCES points(id) ON DELETE RESTRICT, -- the installation's, when it has one
        compte_id INTEGER REFERENCES comptes(id) ON DELETE SET NULL,
        fiche_id TEXT NOT NULL,
        utile INTEGER NOT NULL CHECK (utile IN (0, 1)),
        motif TEXT CHECK (motif IN ('incomplete', 'obsolete', 'erronee', 'hors_sujet', 'autre')),
        -- A « not useful » always says why; a « useful » never carries a reason.
        CHECK ((utile = 0) = (motif IS NOT NULL))
      ) STRICT;
      -- The backlog counts opinions by fiche over a period.
      CREATE INDEX avis_fiches_jour ON avis_fiches (jour, fiche_id);
      CREATE INDEX avis_fiches_fiche ON avis_fiches (fiche_id, utile);
      -- Keeps ON DELETE SET NULL of an account from scanning the table.
      CREATE INDEX avis_fiches_compte ON avis_fiches (compte_id);
    `);
  },
};
