import type { Migration } from './types';

// The annual review's action plan, kept per year (a text and a list of actions), and the editors' status of each
// group of the « Non trouvé » backlog (keyed like the backlog groups: the analysed terms of the query).
export const migration007: Migration = {
  version: 7,
  name: 'plan d’action du bilan, statut des manques',
  up(db) {
    db.exec(`
      CREATE TABLE bilan_plans (
        annee INTEGER PRIMARY KEY CHECK (annee BETWEEN 2000 AND 2100),
        texte TEXT NOT NULL DEFAULT '',
        actions TEXT NOT NULL DEFAULT '[]',                     -- JSON: [{constat, action, responsable, echeance, suivi}]
        modifie_le TEXT NOT NULL,                               -- ISO instant
        modifie_par INTEGER REFERENCES comptes(id) ON DELETE SET NULL
      ) STRICT;
      CREATE INDEX bilan_plans_modifie_par ON bilan_plans (modifie_par);

      CREATE TABLE manques_statuts (
        cle TEXT PRIMARY KEY,
        statut TEXT NOT NULL CHECK (statut IN ('a_traiter', 'traite', 'ignore')),
        modifie_le TEXT NOT NULL,
        modifie_par INTEGER REFERENCES comptes(id) ON DELETE SET NULL
      ) STRICT;
      CREATE INDEX manques_statuts_modifie_par ON manques_statuts (modifie_par);
    `);
  },
};
