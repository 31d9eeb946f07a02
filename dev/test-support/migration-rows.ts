// Rows valid at each schema version, for the migration tests: a database stopped at version v is filled with
// what that version could hold, then migrated, and every row must still be there.
import type { SqliteHandle } from '../../electron/core/store/database';

/**
 * The tables each version creates, with a few rows in them. Every version needs an entry (a test checks).
 * `adds`: reference rows the migration itself writes into older tables (migration 12's training type), which a
 * database migrated from an earlier version gains.
 */
export const ROWS_AT: Record<
  number,
  { tables: string[]; fill(db: SqliteHandle): void; adds?: Record<string, number> }
> = {
  1: {
    tables: ['reglages', 'comptes', 'compte_roles', 'audit'],
    fill(db) {
      db.prepare("INSERT INTO reglages (cle, valeur) VALUES ('essai', '{\"a\":1}')").run();
      db.prepare(
        "INSERT INTO comptes (id, identifiant, nom, mot_de_passe, cree_le) VALUES (1, 'admin', 'Camille Admin', 'scrypt$1$8$1$c2Vs$aGFzaA', '2025-01-02T08:00:00.000Z')",
      ).run();
      db.prepare("INSERT INTO compte_roles (compte_id, role) VALUES (1, 'administrateur')").run();
      db.prepare(
        "INSERT INTO audit (horodatage, compte_id, auteur, action, objet, objet_id, apres) VALUES ('2025-01-02T08:00:00.000Z', 1, 'admin', 'creation', 'compte', '1', '{}')",
      ).run();
    },
  },
  2: {
    tables: ['points', 'agents', 'affectations', 'types_formation', 'sessions_formation', 'presences'],
    fill(db) {
      db.prepare(
        "INSERT INTO points (id, code, nom, entite, type, cree_le) VALUES (1, 'accueil', 'Accueil', 'ville', 'physique', '2025-01-02')",
      ).run();
      db.prepare(
        "INSERT INTO agents (id, nom, prenom, courriel, cree_le) VALUES (1, 'Durand', 'Léa', 'lea@example.org', '2025-01-02')",
      ).run();
      db.prepare("INSERT INTO affectations (agent_id, point_id, debut) VALUES (1, 1, '2024-03-01')").run();
      db.prepare(
        "INSERT INTO sessions_formation (id, type, date, cree_le) VALUES (1, 'infocite', '2024-06-01', '2025-01-02')",
      ).run();
      db.prepare("INSERT INTO presences (session_id, agent_id, statut) VALUES (1, 1, 'present')").run();
      db.prepare('UPDATE comptes SET agent_id = 1 WHERE id = 1').run();
    },
  },
  3: {
    tables: ['label_evenements'],
    fill(db) {
      db.prepare(
        "INSERT INTO label_evenements (point_id, action, statut, date, decide_par, decide_par_nom, enregistre_le) VALUES (1, 'demander', 'demande', '2025-01-03', 1, 'Camille Admin', '2025-01-03T09:00:00.000Z')",
      ).run();
    },
  },
  4: {
    tables: ['journal', 'journal_fiches', 'recherches', 'journal_quotidien'],
    fill(db) {
      db.prepare(
        "INSERT INTO journal (id, horodatage, jour, heure, point_id, compte_id, canal, issue, service_id) VALUES (1, '2025-01-03T09:30:00.000Z', '2025-01-03', 10, 1, 1, 'accueil_physique', 'oriente_fiche', 'etat-civil')",
      ).run();
      db.prepare("INSERT INTO journal_fiches (entree_id, fiche_id) VALUES (1, 'pacs')").run();
      db.prepare(
        "INSERT INTO recherches (horodatage, jour, point_id, requete, resultats, entree_id) VALUES ('2025-01-03T09:29:00.000Z', '2025-01-03', 1, 'pacs', 3, 1)",
      ).run();
      db.prepare(
        "INSERT INTO journal_quotidien (jour, point_id, canal, issue, nombre) VALUES ('2024-01-03', 1, 'telephone', 'repondu', 4)",
      ).run();
    },
  },
  5: {
    tables: ['objectifs', 'indicateurs_jour', 'indicateurs_service_mois'],
    fill(db) {
      db.prepare(
        "INSERT INTO objectifs (indicateur, cible, sens, marge) VALUES ('delai_reponse', 3, 'au_plus', 1)",
      ).run();
      db.prepare(
        "INSERT INTO journal (horodatage, jour, heure, point_id, canal, issue, service_id, duree_s) VALUES ('2025-02-03T14:10:00.000Z', '2025-02-03', 15, 1, 'telephone', 'oriente_autre', 'ccas', 120)",
      ).run();
    },
  },
  6: {
    tables: ['avis_fiches'],
    fill(db) {
      db.prepare(
        "INSERT INTO avis_fiches (horodatage, jour, point_id, compte_id, fiche_id, utile, motif) VALUES ('2025-02-03T14:12:00.000Z', '2025-02-03', 1, 1, 'pacs', 0, 'obsolete')",
      ).run();
      db.prepare(
        "INSERT INTO avis_fiches (horodatage, jour, point_id, compte_id, fiche_id, utile) VALUES ('2025-02-03T14:13:00.000Z', '2025-02-03', NULL, NULL, 'pacs', 1)",
      ).run();
    },
  },
  7: {
    tables: ['bilan_plans', 'manques_statuts'],
    fill(db) {
      db.prepare(
        'INSERT INTO bilan_plans (annee, texte, actions, modifie_le, modifie_par) VALUES (2025, \'Former le CCAS\', \'[{"action":"Former","responsable":"Léa","echeance":"2026-03-31"}]\', \'2025-12-03T10:00:00.000Z\', 1)',
      ).run();
      db.prepare(
        "INSERT INTO manques_statuts (cle, statut, modifie_le, modifie_par) VALUES ('pacs', 'traite', '2025-12-03T10:01:00.000Z', NULL)",
      ).run();
    },
  },
  8: {
    tables: ['postes'],
    fill(db) {
      db.prepare(
        "INSERT INTO postes (id, nom, point_id, secret_empreinte, cree_le, inscrit_le) VALUES (1, 'Accueil 1', 1, 'ab12', '2025-12-03T10:00:00.000Z', '2025-12-03T10:05:00.000Z')",
      ).run();
    },
  },
  9: {
    tables: ['sync_recus', 'sync_rejets'],
    fill(db) {
      db.prepare(
        "INSERT INTO sync_recus (uid, kind, poste_id, statut, recu_le) VALUES ('01890a5d-ac96-774b-bcce-b302099a8057', 'journal.record', 1, 'rejete', '2025-12-03T11:00:00.000Z')",
      ).run();
      db.prepare(
        "INSERT INTO sync_rejets (uid, kind, poste_id, compte_id, horodatage, recu_le, motif, payload) VALUES ('01890a5d-ac96-774b-bcce-b302099a8057', 'journal.record', 1, 1, '2025-12-03T10:59:00.000Z', '2025-12-03T11:00:00.000Z', 'Compte inconnu.', '{}')",
      ).run();
    },
  },
  10: {
    tables: ['envois_fiches'],
    fill(db) {
      db.prepare(
        "INSERT INTO envois_fiches (jour, fiche_id, nombre) VALUES ('2025-12-03', 'cni-mineur', 2)",
      ).run();
    },
  },
  11: {
    tables: ['flash', 'flash_points', 'flash_fiches', 'flash_lectures', 'favoris', 'fiches_vues'],
    fill(db) {
      db.prepare(
        "INSERT INTO flash (id, titre, texte, debut, fin, tous_points, cree_par, cree_par_nom, cree_le) VALUES (1, 'Grève', 'Mairie fermée **jeudi**.', '2025-12-01', '2025-12-05', 0, 1, 'Camille Admin', '2025-11-30T10:00:00.000Z')",
      ).run();
      db.prepare('INSERT INTO flash_points (flash_id, point_id) VALUES (1, 1)').run();
      db.prepare("INSERT INTO flash_fiches (flash_id, fiche_id) VALUES (1, 'pacs')").run();
      db.prepare(
        "INSERT INTO flash_lectures (flash_id, compte_id, lu_le) VALUES (1, 1, '2025-12-01T08:00:00.000Z')",
      ).run();
      db.prepare(
        "INSERT INTO favoris (compte_id, fiche_id, titre, ajoute_le) VALUES (1, 'pacs', 'Pacs', '2025-12-01T08:01:00.000Z')",
      ).run();
      db.prepare(
        "INSERT INTO fiches_vues (compte_id, fiche_id, titre, vue_le) VALUES (1, 'pacs', 'Pacs', '2025-12-01T08:02:00.000Z')",
      ).run();
    },
  },
  12: {
    tables: ['satisfaction_jour', 'reclamations'],
    fill(db) {
      db.prepare(
        "INSERT INTO satisfaction_jour (jour, point_id, canal, note, source, nombre) VALUES ('2025-12-03', 1, 'accueil_physique', 'satisfait', 'comptoir', 2)",
      ).run();
      db.prepare(
        "INSERT INTO reclamations (type, canal, point_id, recue_le, echeance, statut, objet, nom, courriel, cree_par, cree_le) VALUES ('reclamation', 'courriel', 1, '2025-12-01', '2025-12-16', 'recue', 'Attente trop longue', 'Jean Martin', 'jean@example.org', 1, '2025-12-01T09:00:00.000Z')",
      ).run();
    },
  },
  13: {
    tables: [
      'controle_grilles',
      'controle_grille_versions',
      'controles',
      'controle_reponses',
      'constats',
      'actions',
    ],
    adds: { types_formation: 1 },
    fill(db) {
      db.prepare(
        "INSERT INTO controle_grilles (id, nom, cree_le) VALUES (100, 'Grille essai', '2025-12-03T10:00:00.000Z')",
      ).run();
      db.prepare(
        'INSERT INTO controle_grille_versions (id, grille_id, version, themes, cree_le, cree_par) VALUES (100, 100, 1, \'[{"libelle":"Accueil","criteres":[{"code":"c1","libelle":"Bonjour"}]}]\', \'2025-12-03T10:00:00.000Z\', 1)',
      ).run();
      db.prepare(
        "INSERT INTO controles (id, point_id, grille_version_id, mode, prevu_le, auditeur_id, statut, realise_le, cree_le, modifie_le) VALUES (1, 1, 100, 'visite', '2025-12-04', 1, 'termine', '2025-12-04', '2025-12-03T10:00:00.000Z', '2025-12-04T10:00:00.000Z')",
      ).run();
      db.prepare(
        "INSERT INTO controle_reponses (controle_id, critere, resultat, commentaire) VALUES (1, 'c1', 'non_conforme', 'Pas de salut')",
      ).run();
      db.prepare(
        "INSERT INTO constats (id, controle_id, critere, gravite, texte, statut, cree_le) VALUES (1, 1, 'c1', 'majeure', 'Accueil sans salut', 'ouvert', '2025-12-04T10:00:00.000Z')",
      ).run();
      db.prepare(
        "INSERT INTO actions (id, quoi, responsable, echeance, statut, origine, origine_id, point_id, cree_le, modifie_le) VALUES (1, 'Rappel des consignes', 'Léa', '2026-01-31', 'a_faire', 'constat', '1', 1, '2025-12-04', '2025-12-04T10:00:00.000Z')",
      ).run();
    },
  },
};

/** Fills a database at `version` with the rows of every version up to it. */
export function fillUpTo(db: SqliteHandle, version: number): void {
  for (let v = 1; v <= version; v++) ROWS_AT[v]?.fill(db);
}

/** Rows the migrations after `version` add to `table` (their reference rows). */
export function rowsAddedAfter(version: number, table: string): number {
  let added = 0;
  for (const [v, rows] of Object.entries(ROWS_AT)) if (Number(v) > version) added += rows.adds?.[table] ?? 0;
  return added;
}

/** The tables that exist at `version`. */
export function tablesUpTo(version: number): string[] {
  const tables: string[] = [];
  for (let v = 1; v <= version; v++) tables.push(...(ROWS_AT[v]?.tables ?? []));
  return tables;
}

/** Every row of the given tables, in order; for « nothing was lost » comparisons. */
export function snapshot(db: SqliteHandle, tables: readonly string[]): Record<string, unknown[]> {
  const result: Record<string, unknown[]> = {};
  // Sorted by content: some tables have no rowid (WITHOUT ROWID), and the order of the rows is not the point.
  for (const table of tables)
    result[table] = db
      .prepare(`SELECT * FROM ${table}`)
      .all()
      .map((row) => [JSON.stringify(row), row] as const)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, row]) => row);
  return result;
}
