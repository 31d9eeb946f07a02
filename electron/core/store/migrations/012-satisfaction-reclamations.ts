import type { Migration } from './types';

// Satisfaction counts (no identity: a day, a point, a channel, an answer and where it came from) and the register
// of complaints and suggestions, whose citizen details are erased after the retention period while the row —
// type, days, channel, point, service — stays for the counts and the delays kept.
export const migration012: Migration = {
  version: 12,
  name: 'satisfaction, réclamations et suggestions',
  up(db) {
    db.exec(`
      CREATE TABLE satisfaction_jour (
        jour TEXT NOT NULL,
        point_id INTEGER NOT NULL,                              -- 0: a survey not tied to one point (the city)
        canal TEXT NOT NULL,
        note TEXT NOT NULL CHECK (note IN ('tres_satisfait', 'satisfait', 'insatisfait', 'tres_insatisfait')),
        source TEXT NOT NULL CHECK (source IN ('comptoir', 'tablette', 'borne', 'enquete_web', 'enquete_papier')),
        nombre INTEGER NOT NULL CHECK (nombre > 0),
        PRIMARY KEY (jour, point_id, canal, note, source)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE reclamations (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL CHECK (type IN ('reclamation', 'suggestion')),
        canal TEXT NOT NULL,
        point_id INTEGER REFERENCES points(id),
        recue_le TEXT NOT NULL,
        echeance TEXT NOT NULL,
        statut TEXT NOT NULL CHECK (statut IN ('recue', 'accusee', 'attribuee', 'repondue', 'close')),
        service_id TEXT,
        accuse_le TEXT,
        attribuee_le TEXT,
        repondu_le TEXT,
        close_le TEXT,
        -- Personal data, erased (set to NULL) after the retention period; objet and reponse may name the citizen.
        objet TEXT,
        reponse TEXT,
        nom TEXT,
        courriel TEXT,
        telephone TEXT,
        adresse TEXT,
        effacee_le TEXT,
        action_id INTEGER,                                      -- the corrective action raised from it
        cree_par INTEGER REFERENCES comptes(id) ON DELETE SET NULL,
        cree_le TEXT NOT NULL
      ) STRICT;
      CREATE INDEX reclamations_recue_le ON reclamations (recue_le);
      CREATE INDEX reclamations_point ON reclamations (point_id);
      CREATE INDEX reclamations_cree_par ON reclamations (cree_par);
    `);
  },
};
