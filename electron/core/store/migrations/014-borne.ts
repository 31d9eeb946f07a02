import type { Migration } from './types';

// The kiosk's satisfaction tap: a count per day and answer, nothing else — no time of day, no identity, no
// session. (Numbered 015 to leave 010–014 to the work landing beside it.)
export const migration014: Migration = {
  version: 14,
  name: 'satisfaction à la borne',
  up(db) {
    db.exec(`
      CREATE TABLE borne_satisfaction (
        jour TEXT NOT NULL,
        note TEXT NOT NULL CHECK (note IN ('tres_satisfait', 'satisfait', 'insatisfait', 'tres_insatisfait')),
        nombre INTEGER NOT NULL CHECK (nombre > 0),
        PRIMARY KEY (jour, note)
      ) WITHOUT ROWID, STRICT;
    `);
  },
};
