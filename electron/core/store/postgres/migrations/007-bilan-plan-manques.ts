import type { PostgresMigration } from './types';

/** The annual review's action plan per year, and the status of the « Non trouvé » groups (SQLite's 007). */
export const postgresMigration007: PostgresMigration = {
  version: 7,
  name: 'plan d’action du bilan, statut des manques',
  sql: `
    -- The year is always given: no identity (SQLite's INTEGER PRIMARY KEY, never left to the rowid).
    CREATE TABLE bilan_plans (
      annee INTEGER PRIMARY KEY CHECK (annee BETWEEN 2000 AND 2100),
      texte TEXT NOT NULL DEFAULT '',
      actions TEXT NOT NULL DEFAULT '[]',                     -- JSON: [{constat, action, responsable, echeance, suivi}]
      modifie_le TEXT NOT NULL,                               -- ISO instant
      modifie_par INTEGER REFERENCES comptes(id) ON DELETE SET NULL
    );
    CREATE INDEX bilan_plans_modifie_par ON bilan_plans (modifie_par);

    CREATE TABLE manques_statuts (
      cle TEXT PRIMARY KEY,
      statut TEXT NOT NULL CHECK (statut IN ('a_traiter', 'traite', 'ignore')),
      modifie_le TEXT NOT NULL,
      modifie_par INTEGER REFERENCES comptes(id) ON DELETE SET NULL
    );
    CREATE INDEX manques_statuts_modifie_par ON manques_statuts (modifie_par);
  `,
};
