import type { Migration } from './types';

/** The Info'Cité label: every decision on a point, the current state being the latest one. */
export const migration003: Migration = {
  version: 3,
  name: 'label Info’Cité',
  up(db) {
    db.exec(`
      CREATE TABLE label_evenements (
        id INTEGER PRIMARY KEY,
        point_id INTEGER NOT NULL REFERENCES points(id) ON DELETE CASCADE,
        action TEXT NOT NULL CHECK (action IN (
          'demander', 'instruire', 'accorder', 'refuser', 'renouveler', 'suspendre', 'lever_suspension', 'retirer'
        )),
        statut TEXT NOT NULL CHECK (statut IN (
          'demande', 'instruction', 'labellise', 'refuse', 'renouvele', 'suspendu', 'retire'
        )),
        date TEXT NOT NULL,  -- YYYY-MM-DD, the decision's date
        expire_le TEXT,      -- YYYY-MM-DD, while labelled
        motif TEXT,
        decide_par INTEGER REFERENCES comptes(id) ON DELETE SET NULL,
        decide_par_nom TEXT NOT NULL,
        evaluation TEXT,     -- JSON: the rule's evaluation when the label was granted or renewed
        enregistre_le TEXT NOT NULL
      ) STRICT;
      CREATE INDEX label_evenements_point ON label_evenements (point_id, id);
    `);
  },
};
