import type { Migration } from './types';

/** Reception points, agents, their assignments, training types, sessions and attendance. */
export const migration002: Migration = {
  version: 2,
  name: 'points d’accueil, agents, formations',
  up(db) {
    db.exec(`
      CREATE TABLE points (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE COLLATE NOCASE, -- stable short name, for scripts and imports
        nom TEXT NOT NULL,
        entite TEXT NOT NULL CHECK (entite IN ('ville', 'metropole', 'ccas', 'autre')),
        type TEXT NOT NULL CHECK (type IN ('physique', 'telephonique', 'mixte', 'numerique')),
        voie TEXT NOT NULL DEFAULT '',
        complement TEXT NOT NULL DEFAULT '',
        code_postal TEXT NOT NULL DEFAULT '',
        commune TEXT NOT NULL DEFAULT '',
        horaires TEXT NOT NULL DEFAULT '',
        contact_id TEXT, -- a contact of the knowledge base (content/contacts), not a table here
        ouvert INTEGER NOT NULL DEFAULT 1 CHECK (ouvert IN (0, 1)),
        cree_le TEXT NOT NULL
      ) STRICT;

      CREATE TABLE agents (
        id INTEGER PRIMARY KEY,
        nom TEXT NOT NULL,
        prenom TEXT NOT NULL,
        service TEXT NOT NULL DEFAULT '',
        courriel TEXT UNIQUE COLLATE NOCASE,
        actif INTEGER NOT NULL DEFAULT 1 CHECK (actif IN (0, 1)),
        cree_le TEXT NOT NULL
      ) STRICT;

      CREATE TABLE affectations (
        id INTEGER PRIMARY KEY,
        agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        point_id INTEGER NOT NULL REFERENCES points(id) ON DELETE RESTRICT,
        debut TEXT NOT NULL, -- YYYY-MM-DD
        fin TEXT,            -- YYYY-MM-DD, last day; NULL while it lasts
        CHECK (fin IS NULL OR fin >= debut)
      ) STRICT;
      CREATE INDEX affectations_point ON affectations (point_id);
      CREATE INDEX affectations_agent ON affectations (agent_id);

      CREATE TABLE types_formation (
        code TEXT PRIMARY KEY,
        libelle TEXT NOT NULL,
        validite_mois INTEGER CHECK (validite_mois IS NULL OR validite_mois > 0), -- NULL: never expires
        ordre INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      INSERT INTO types_formation (code, libelle, validite_mois, ordre) VALUES
        ('infocite', 'Utilisation de la base Info''Cité', 24, 1),
        ('accueil', 'Accueil / Services Publics+', 36, 2),
        ('posture', 'Posture professionnelle et situations difficiles', 36, 3),
        ('numerique', 'Accompagnement au numérique', 24, 4),
        ('handicap', 'Accueil des personnes en situation de handicap', 36, 5);

      CREATE TABLE sessions_formation (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL REFERENCES types_formation(code) ON DELETE RESTRICT,
        date TEXT NOT NULL, -- YYYY-MM-DD
        formateur TEXT NOT NULL DEFAULT '',
        lieu TEXT NOT NULL DEFAULT '',
        cree_le TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sessions_formation_date ON sessions_formation (date);

      CREATE TABLE presences (
        session_id INTEGER NOT NULL REFERENCES sessions_formation(id) ON DELETE CASCADE,
        agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        statut TEXT NOT NULL DEFAULT 'inscrit' CHECK (statut IN ('inscrit', 'present', 'absent')),
        PRIMARY KEY (session_id, agent_id)
      ) STRICT;
      CREATE INDEX presences_agent ON presences (agent_id);

      ALTER TABLE comptes ADD COLUMN agent_id INTEGER REFERENCES agents(id) ON DELETE SET NULL;
    `);
  },
};
