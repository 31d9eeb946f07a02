import type { Migration } from './types';

/** The starter grid for desk audits, written once here (a landed migration never changes). */
const STARTER_GRID: {
  nom: string;
  themes: Array<{ libelle: string; criteres: Array<{ code: string; libelle: string }> }>;
} = {
  nom: 'Audit d’un point d’accueil',
  themes: [
    {
      libelle: 'Propreté et signalétique',
      criteres: [
        { code: 'c1', libelle: 'Les abords et l’espace d’accueil sont propres et rangés.' },
        { code: 'c2', libelle: 'Une signalétique extérieure et intérieure guide jusqu’au point d’accueil.' },
        { code: 'c3', libelle: 'Les horaires d’ouverture sont affichés et lisibles de l’extérieur.' },
      ],
    },
    {
      libelle: 'Accueil physique',
      criteres: [
        { code: 'c4', libelle: 'L’usager est salué et pris en charge dans les 5 minutes.' },
        { code: 'c5', libelle: 'L’agent est identifiable (badge ou chevalet).' },
        { code: 'c6', libelle: 'La confidentialité de l’échange est possible.' },
      ],
    },
    {
      libelle: 'Accueil téléphonique',
      criteres: [
        { code: 'c7', libelle: 'L’appel est décroché avant la 5e sonnerie.' },
        { code: 'c8', libelle: 'L’agent annonce la structure et se présente.' },
        { code: 'c9', libelle: 'Un message d’attente ou de répondeur donne les horaires.' },
      ],
    },
    {
      libelle: 'Orientation',
      criteres: [
        { code: 'c10', libelle: 'L’usager est orienté vers le bon service du premier coup.' },
        { code: 'c11', libelle: 'Les coordonnées du service (adresse, horaires, téléphone) sont données.' },
      ],
    },
    {
      libelle: 'Traitement des demandes',
      criteres: [
        { code: 'c12', libelle: 'La réponse donnée est exacte et à jour.' },
        { code: 'c13', libelle: 'Une demande non résolue sur place fait l’objet d’un suivi.' },
      ],
    },
    {
      libelle: 'Réclamations',
      criteres: [
        { code: 'c14', libelle: 'L’usager sait comment faire une réclamation ou une suggestion.' },
        { code: 'c15', libelle: 'Les réclamations sont enregistrées et transmises.' },
      ],
    },
    {
      libelle: 'Communication entre services',
      criteres: [
        { code: 'c16', libelle: 'L’agent connaît l’interlocuteur à joindre dans les services.' },
        {
          code: 'c17',
          libelle: 'Les informations des services (fermetures, changements) parviennent à l’accueil.',
        },
      ],
    },
    {
      libelle: 'Affichage du label',
      criteres: [
        { code: 'c18', libelle: 'Le label et ses engagements sont affichés à la vue du public.' },
        { code: 'c19', libelle: 'Le résultat des enquêtes de satisfaction est affiché.' },
      ],
    },
  ],
};

// Internal audits (contrôles) and corrective actions. A grid is versioned: each save writes a new, never-changed
// version row, and an audit keeps the version it was planned with, so its report reads the very criteria it was
// filled against. The « auditeur interne » training type says who may be named auditor.
export const migration013: Migration = {
  version: 13,
  name: 'contrôles internes et actions correctives',
  up(db) {
    db.exec(`
      CREATE TABLE controle_grilles (
        id INTEGER PRIMARY KEY,
        nom TEXT NOT NULL CHECK (length(nom) BETWEEN 1 AND 200),
        cree_le TEXT NOT NULL
      ) STRICT;

      CREATE TABLE controle_grille_versions (
        id INTEGER PRIMARY KEY,
        grille_id INTEGER NOT NULL REFERENCES controle_grilles(id) ON DELETE RESTRICT,
        version INTEGER NOT NULL CHECK (version >= 1),
        themes TEXT NOT NULL,                                  -- JSON: [{libelle, criteres: [{code, libelle}]}]
        cree_le TEXT NOT NULL,
        cree_par INTEGER REFERENCES comptes(id) ON DELETE SET NULL,
        UNIQUE (grille_id, version)
      ) STRICT;
      CREATE INDEX controle_grille_versions_cree_par ON controle_grille_versions (cree_par);

      CREATE TABLE controles (
        id INTEGER PRIMARY KEY,
        point_id INTEGER NOT NULL REFERENCES points(id) ON DELETE RESTRICT,
        grille_version_id INTEGER NOT NULL REFERENCES controle_grille_versions(id) ON DELETE RESTRICT,
        mode TEXT NOT NULL CHECK (mode IN ('visite', 'visite_mystere', 'appel_mystere')),
        prevu_le TEXT NOT NULL,                                -- YYYY-MM-DD
        auditeur_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE RESTRICT,
        statut TEXT NOT NULL CHECK (statut IN ('planifie', 'en_cours', 'termine', 'annule')),
        realise_le TEXT,                                       -- YYYY-MM-DD, set when finished
        synthese TEXT NOT NULL DEFAULT '',
        motif_annulation TEXT,
        cree_le TEXT NOT NULL,
        modifie_le TEXT NOT NULL
      ) STRICT;
      CREATE INDEX controles_point ON controles (point_id, statut, realise_le);
      CREATE INDEX controles_auditeur ON controles (auditeur_id, statut);
      CREATE INDEX controles_grille_version ON controles (grille_version_id);

      CREATE TABLE controle_reponses (
        controle_id INTEGER NOT NULL REFERENCES controles(id) ON DELETE CASCADE,
        critere TEXT NOT NULL,                                 -- the criterion's code in the audit's grid version
        resultat TEXT NOT NULL CHECK (resultat IN ('conforme', 'non_conforme', 'sans_objet')),
        commentaire TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (controle_id, critere)
      ) STRICT;

      CREATE TABLE constats (
        id INTEGER PRIMARY KEY,
        controle_id INTEGER NOT NULL REFERENCES controles(id) ON DELETE RESTRICT,
        critere TEXT,                                          -- the criterion it is about, if any
        gravite TEXT NOT NULL CHECK (gravite IN ('majeure', 'mineure', 'sensible', 'fort')),
        texte TEXT NOT NULL CHECK (length(texte) BETWEEN 1 AND 2000),
        statut TEXT NOT NULL CHECK (statut IN ('ouvert', 'leve')),
        leve_le TEXT,                                          -- YYYY-MM-DD
        cree_le TEXT NOT NULL
      ) STRICT;
      CREATE INDEX constats_controle ON constats (controle_id, statut);

      CREATE TABLE actions (
        id INTEGER PRIMARY KEY,
        quoi TEXT NOT NULL CHECK (length(quoi) BETWEEN 1 AND 2000),
        responsable TEXT NOT NULL DEFAULT '',
        echeance TEXT NOT NULL,                                -- YYYY-MM-DD
        statut TEXT NOT NULL CHECK (statut IN ('a_faire', 'en_cours', 'faite', 'abandonnee')),
        preuve TEXT NOT NULL DEFAULT '',
        indicateur TEXT NOT NULL DEFAULT '',
        origine TEXT NOT NULL CHECK (origine IN ('constat', 'reclamation', 'manque', 'bilan', 'autre')),
        origine_id TEXT,                                       -- the finding's id, the complaint's, the gap's key, the review's year
        point_id INTEGER REFERENCES points(id) ON DELETE RESTRICT,
        cree_le TEXT NOT NULL,                                 -- YYYY-MM-DD (Paris): the year it belongs to
        close_le TEXT,                                         -- YYYY-MM-DD when done or abandoned
        modifie_le TEXT NOT NULL
      ) STRICT;
      CREATE INDEX actions_statut ON actions (statut, echeance);
      CREATE INDEX actions_origine ON actions (origine, origine_id);
      CREATE INDEX actions_point ON actions (point_id);
    `);
    db.prepare(
      `INSERT INTO types_formation (code, libelle, validite_mois, ordre)
       SELECT 'auditeur_interne', 'Auditeur interne', 36, COALESCE(MAX(ordre), 0) + 1 FROM types_formation
       WHERE NOT EXISTS (SELECT 1 FROM types_formation WHERE code = 'auditeur_interne')`,
    ).run();
    const grille = db
      .prepare("INSERT INTO controle_grilles (nom, cree_le) VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ'))")
      .run(STARTER_GRID.nom).lastInsertRowid;
    db.prepare(
      `INSERT INTO controle_grille_versions (grille_id, version, themes, cree_le)
       VALUES (?, 1, ?, strftime('%Y-%m-%dT%H:%M:%fZ'))`,
    ).run(grille, JSON.stringify(STARTER_GRID.themes));
  },
};
