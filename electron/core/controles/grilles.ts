// Audit grids and their versions. A save never changes a version: it writes the next one, so an audit keeps
// reading the criteria it was filled against. A criterion keeps its code from one version to the next when its
// wording is unchanged (folded), so answers stay comparable across versions; a new wording gets a new code.
import type { GrilleSummary, GrilleVersion, ThemeGrille } from '../../../common/controles/types';
import { fold } from '../../../common/text';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { NotFoundError } from '../errors';
import { sql, type Db } from '../store/db';

interface VersionRow {
  grille_id: number;
  nom: string;
  version_id: number;
  version: number;
  themes: string;
  cree_le: string;
  cree_par: string | null;
}

const VERSION_SQL = sql`
  SELECT g.id AS grille_id, g.nom, v.id AS version_id, v.version, v.themes, v.cree_le, c.nom AS cree_par`;

const VERSION_FROM = sql`
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

export async function listGrilles(db: Db): Promise<GrilleSummary[]> {
  const rows = await db.all<VersionRow & { controles: number }>(sql`
    ${VERSION_SQL},
           (SELECT COUNT(*) FROM controles u JOIN controle_grille_versions uv ON uv.id = u.grille_version_id
            WHERE uv.grille_id = g.id) AS controles
    ${VERSION_FROM}
    WHERE v.version = (SELECT MAX(version) FROM controle_grille_versions WHERE grille_id = g.id)
    ORDER BY lower(g.nom), g.id`);
  return rows.map((row) => ({
    id: row.grille_id,
    nom: row.nom,
    version: row.version,
    criteres: countCriteria(parseThemes(row.themes)),
    controles: row.controles,
  }));
}

/** A version of a grid: the latest when `version` is absent. */
export async function grilleVersion(db: Db, grilleId: number, version?: number): Promise<GrilleVersion> {
  const row =
    version === undefined
      ? await db.one<VersionRow>(
          sql`${VERSION_SQL} ${VERSION_FROM} WHERE v.grille_id = ${grilleId} ORDER BY v.version DESC LIMIT 1`,
        )
      : await db.one<VersionRow>(
          sql`${VERSION_SQL} ${VERSION_FROM} WHERE v.grille_id = ${grilleId} AND v.version = ${version}`,
        );
  if (!row)
    throw new NotFoundError(
      version === undefined
        ? `La grille n° ${grilleId} n'existe pas.`
        : `La grille n° ${grilleId} n'a pas de version ${version}.`,
    );
  return toVersion(row);
}

export async function grilleVersionById(db: Db, versionId: number): Promise<GrilleVersion> {
  const row = await db.one<VersionRow>(sql`${VERSION_SQL} ${VERSION_FROM} WHERE v.id = ${versionId}`);
  if (!row) throw new NotFoundError(`La version de grille n° ${versionId} n'existe pas.`);
  return toVersion(row);
}

export async function grilleVersions(db: Db, grilleId: number): Promise<number[]> {
  const rows = await db.all<{ version: number }>(
    sql`SELECT version FROM controle_grille_versions WHERE grille_id = ${grilleId} ORDER BY version`,
  );
  return rows.map((row) => row.version);
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
export async function saveGrille(
  db: Db,
  actor: Actor,
  input: { id?: number; nom: string; themes: Array<{ libelle: string; criteres: string[] }> },
  now: Date,
): Promise<GrilleVersion> {
  return db.transaction(async (tx) => {
    let grilleId = input.id;
    let version = 1;
    let previous: ThemeGrille[][] = [];
    if (grilleId === undefined) {
      grilleId = await tx.insertId(
        sql`INSERT INTO controle_grilles (nom, cree_le) VALUES (${input.nom}, ${now.toISOString()}) RETURNING id`,
      );
    } else {
      const latest = await grilleVersion(tx, grilleId);
      version = latest.version + 1;
      previous = (
        await tx.all<{ themes: string }>(
          sql`SELECT themes FROM controle_grille_versions WHERE grille_id = ${grilleId}`,
        )
      ).map((row) => parseThemes(row.themes));
      await tx.run(sql`UPDATE controle_grilles SET nom = ${input.nom} WHERE id = ${grilleId}`);
    }
    const themes = assignCodes(input.themes, previous);
    // Two saves of one grid at once cannot both write the same version: unique (grille_id, version).
    await tx.run(sql`
      INSERT INTO controle_grille_versions (grille_id, version, themes, cree_le, cree_par)
      VALUES (${grilleId}, ${version}, ${JSON.stringify(themes)}, ${now.toISOString()}, ${actor.compteId})`);
    await recordAudit(
      tx,
      actor,
      {
        action: version === 1 ? 'creation' : 'modification',
        objet: 'grille_controle',
        objetId: grilleId,
        apres: { nom: input.nom, version, themes },
      },
      now,
    );
    return grilleVersion(tx, grilleId, version);
  });
}
