// Audit grids and their versions. A save never changes a version: it writes the next one, so an audit keeps
// reading the criteria it was filled against. A criterion keeps its code from one version to the next when its
// wording is unchanged (folded), so answers stay comparable across versions; a new wording gets a new code.
import type { GrilleSummary, GrilleVersion, ThemeGrille } from '../../../common/controles/types';
import { fold } from '../../../common/text';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { NotFoundError } from '../errors';
import type { Db } from '../store/db';

interface VersionRow {
  grille_id: number;
  nom: string;
  version_id: number;
  version: number;
  themes: string;
  cree_le: string;
  cree_par: string | null;
}

const VERSION_SQL = `
  SELECT g.id AS grille_id, g.nom, v.id AS version_id, v.version, v.themes, v.cree_le, c.nom AS cree_par
  FROM controle_grille_versions v
  JOIN controle_grilles g ON g.id = v.grille_id
  LEFT JOIN comptes c ON c.id = v.cree_par`;

function parseThemes(json: string): ThemeGrille[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as ThemeGrille[]) : [];
  } catch {
    return [];
  }
}

function toVersion(row: VersionRow): GrilleVersion {
  return {
    grilleId: row.grille_id,
    nom: row.nom,
    versionId: row.version_id,
    version: row.version,
    themes: parseThemes(row.themes),
    creeLe: row.cree_le,
    creePar: row.cree_par,
  };
}

export function countCriteria(themes: readonly ThemeGrille[]): number {
  return themes.reduce((sum, theme) => sum + theme.criteres.length, 0);
}

export function listGrilles(db: Db): GrilleSummary[] {
  const rows = db
    .prepare(
      `${VERSION_SQL}
       WHERE v.version = (SELECT MAX(version) FROM controle_grille_versions WHERE grille_id = g.id)
       ORDER BY g.nom COLLATE NOCASE, g.id`,
    )
    .all() as VersionRow[];
  const used = db.prepare(
    `SELECT COUNT(*) FROM controles c JOIN controle_grille_versions v ON v.id = c.grille_version_id
     WHERE v.grille_id = ?`,
  );
  return rows.map((row) => ({
    id: row.grille_id,
    nom: row.nom,
    version: row.version,
    criteres: countCriteria(parseThemes(row.themes)),
    controles: used.pluck().get(row.grille_id) as number,
  }));
}

/** A version of a grid: the latest when `version` is absent. */
export function grilleVersion(db: Db, grilleId: number, version?: number): GrilleVersion {
  const row = (
    version === undefined
      ? db.prepare(`${VERSION_SQL} WHERE v.grille_id = ? ORDER BY v.version DESC LIMIT 1`).get(grilleId)
      : db.prepare(`${VERSION_SQL} WHERE v.grille_id = ? AND v.version = ?`).get(grilleId, version)
  ) as VersionRow | undefined;
  if (!row)
    throw new NotFoundError(
      version === undefined
        ? `La grille n° ${grilleId} n'existe pas.`
        : `La grille n° ${grilleId} n'a pas de version ${version}.`,
    );
  return toVersion(row);
}

export function grilleVersionById(db: Db, versionId: number): GrilleVersion {
  const row = db.prepare(`${VERSION_SQL} WHERE v.id = ?`).get(versionId) as VersionRow | undefined;
  if (!row) throw new NotFoundError(`La version de grille n° ${versionId} n'existe pas.`);
  return toVersion(row);
}

export function grilleVersions(db: Db, grilleId: number): number[] {
  return db
    .prepare('SELECT version FROM controle_grille_versions WHERE grille_id = ? ORDER BY version')
    .pluck()
    .all(grilleId) as number[];
}

/**
 * The themes with codes: a wording already used by any version of the grid keeps its code, a new one gets the
 * next free « cN ». Pure, so the rule is tested on its own.
 */
export function assignCodes(
  themes: ReadonlyArray<{ libelle: string; criteres: readonly string[] }>,
  previous: ReadonlyArray<readonly ThemeGrille[]>,
): ThemeGrille[] {
  const known = new Map<string, string>();
  let next = 1;
  for (const version of previous)
    for (const theme of version)
      for (const critere of theme.criteres) {
        known.set(fold(critere.libelle), critere.code);
        const number = /^c(\d+)$/.exec(critere.code);
        if (number) next = Math.max(next, Number(number[1]) + 1);
      }
  const usedHere = new Set<string>();
  return themes.map((theme) => ({
    libelle: theme.libelle,
    criteres: theme.criteres.map((libelle) => {
      let code = known.get(fold(libelle));
      // The same wording twice in one version still needs two codes.
      if (code === undefined || usedHere.has(code)) code = `c${next++}`;
      usedHere.add(code);
      return { code, libelle };
    }),
  }));
}

/** Writes a new grid, or the next version of an existing one; audited. */
export function saveGrille(
  db: Db,
  actor: Actor,
  input: { id?: number; nom: string; themes: Array<{ libelle: string; criteres: string[] }> },
  now: Date,
): GrilleVersion {
  return db.legacyTransaction(() => {
    let grilleId = input.id;
    let version = 1;
    let previous: ThemeGrille[][] = [];
    if (grilleId === undefined) {
      grilleId = Number(
        db
          .prepare('INSERT INTO controle_grilles (nom, cree_le) VALUES (?, ?)')
          .run(input.nom, now.toISOString()).lastInsertRowid,
      );
    } else {
      const latest = grilleVersion(db, grilleId);
      version = latest.version + 1;
      previous = (
        db
          .prepare('SELECT themes FROM controle_grille_versions WHERE grille_id = ?')
          .pluck()
          .all(grilleId) as string[]
      ).map(parseThemes);
      db.prepare('UPDATE controle_grilles SET nom = ? WHERE id = ?').run(input.nom, grilleId);
    }
    const themes = assignCodes(input.themes, previous);
    db.prepare(
      `INSERT INTO controle_grille_versions (grille_id, version, themes, cree_le, cree_par)
       VALUES (?, ?, ?, ?, ?)`,
    ).run(grilleId, version, JSON.stringify(themes), now.toISOString(), actor.compteId);
    recordAudit(
      db,
      actor,
      {
        action: version === 1 ? 'creation' : 'modification',
        objet: 'grille_controle',
        objetId: grilleId,
        apres: { nom: input.nom, version, themes },
      },
      now,
    );
    return grilleVersion(db, grilleId, version);
  })();
}
