// The synonyms and thèmes, edited from the window: validated with the same schemas as the content reader,
// written atomically to synonymes.yml and themes.yml with their audit row. A thème still used by a fiche is
// never removed (the fiche would lose it silently).
import YAML from 'yaml';
import type { z } from 'zod';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { RefusedError } from '../errors';
import { SYNONYMS_FILE, THEMES_FILE } from '../knowledge/content-files';
import { synonymsFile, themesFile } from '../knowledge/lists-schema';
import { foldKey } from '../knowledge/schema';
import type { Theme } from '../../../common/knowledge/types';
import { fold } from '../../../common/text';
import type { Db } from '../store/database';
import type { EditorContext } from './documents';
import { prepareAtomicWrite, readDiskFile } from './files';
import type { Vocabulary } from '../../../common/redaction/types';

/** The file as on disk; when missing, nothing; when unreadable, what the knowledge base last read. */
function readList<T>(ctx: EditorContext, path: string, schema: z.ZodType<T>, fallback: T, empty: T): T {
  const disk = readDiskFile(ctx.contentDir, path);
  if (!disk) return empty;
  try {
    const parsed = schema.safeParse(YAML.parse(disk.text) ?? []);
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export function readSynonyms(ctx: EditorContext): string[][] {
  return readList(ctx, SYNONYMS_FILE, synonymsFile, ctx.knowledge.synonyms, []);
}

export function readThemes(ctx: EditorContext): Theme[] {
  return readList(ctx, THEMES_FILE, themesFile, ctx.knowledge.themes, []);
}

/** Whether a fiche's thème (an id, or a libellé as some editors write it) names `theme`. */
function names(written: string, theme: Theme): boolean {
  return written === theme.id || foldKey(written) === theme.id || foldKey(written) === foldKey(theme.libelle);
}

export function vocabularyOf(ctx: EditorContext): Vocabulary {
  const local = ctx.knowledge.fiches.filter((fiche) => fiche.origine === 'local');
  return {
    synonymes: readSynonyms(ctx),
    themes: readThemes(ctx).map((theme) => ({
      ...theme,
      fiches: local.filter((fiche) => fiche.themes.some((written) => names(written, theme))).length,
    })),
  };
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue?.message ?? 'liste invalide';
}

/** Writes a list file at the root of the content folder and its audit row, in one transaction. */
function writeList(
  db: Db,
  actor: Actor,
  ctx: EditorContext,
  path: string,
  text: string,
  audit: { objet: string; avant: unknown; apres: unknown },
  now: Date,
): void {
  const before = readDiskFile(ctx.contentDir, path);
  if (before?.text === text) return;
  db.transaction(() => {
    const write = prepareAtomicWrite(ctx.contentDir, path, text);
    try {
      recordAudit(db, actor, { action: 'modification', objetId: path, ...audit }, now);
      write.commit();
    } finally {
      write.discard();
    }
  })();
}

function synonymsText(groups: string[][]): string {
  const doc = new YAML.Document(groups);
  YAML.visit(doc, {
    Seq(_, seq) {
      if (seq.items.every((item) => YAML.isScalar(item))) seq.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Trims the expressions, drops the empty ones and the repeats of a group (compared without case or accents). */
function cleanGroups(groups: string[][]): string[][] {
  return groups
    .map((group) => {
      const seen = new Set<string>();
      return group
        .map((expression) => expression.trim().replace(/\s+/g, ' '))
        .filter((expression) => {
          const key = fold(expression);
          if (expression === '' || seen.has(key)) return false;
          seen.add(key);
          return true;
        });
    })
    .filter((group) => group.length > 0);
}

/** Replaces synonymes.yml. An expression belongs to one group only (the README's rule). */
export function setSynonyms(
  db: Db,
  actor: Actor,
  ctx: EditorContext,
  groups: string[][],
  now: Date,
): Vocabulary {
  const cleaned = cleanGroups(groups);
  const parsed = synonymsFile.safeParse(cleaned);
  if (!parsed.success) throw new RefusedError(`Synonymes refusés : ${firstIssue(parsed.error)}.`);
  const owner = new Map<string, number>();
  cleaned.forEach((group, index) => {
    for (const expression of group) {
      const key = fold(expression);
      if (owner.has(key) && owner.get(key) !== index) {
        throw new RefusedError(
          `Synonymes refusés : « ${expression} » figure dans deux groupes ; une expression n’appartient qu’à un seul groupe.`,
        );
      }
      owner.set(key, index);
    }
  });
  const avant = readSynonyms(ctx);
  writeList(
    db,
    actor,
    ctx,
    SYNONYMS_FILE,
    synonymsText(cleaned),
    { objet: 'synonymes', avant, apres: cleaned },
    now,
  );
  return vocabularyOf(ctx);
}

/**
 * Adds `query` to the group holding `expression`, or creates the group [expression, query]. A query already in
 * another group is refused (it would then mean two things).
 */
export function addSynonym(
  db: Db,
  actor: Actor,
  ctx: EditorContext,
  input: { query: string; expression: string },
  now: Date,
): { synonymes: string[][]; groupe: string[] } {
  const query = input.query.trim().replace(/\s+/g, ' ');
  const expression = input.expression.trim().replace(/\s+/g, ' ');
  if (fold(query) === fold(expression)) {
    throw new RefusedError('Choisissez une expression différente de la recherche elle-même.');
  }
  const groups = readSynonyms(ctx).map((group) => [...group]);
  const holding = (text: string) =>
    groups.findIndex((group) => group.some((item) => fold(item) === fold(text)));
  const target = holding(expression);
  const already = holding(query);
  if (already !== -1 && already !== target) {
    throw new RefusedError(
      `« ${query} » est déjà synonyme de « ${groups[already]?.join(' », « ')} » : une expression n’appartient qu’à un seul groupe.`,
    );
  }
  let groupe: string[];
  if (target === -1) {
    groupe = [expression, query];
    groups.push(groupe);
  } else {
    groupe = groups[target] ?? [];
    if (already === -1) groupe.push(query);
  }
  const vocabulary = setSynonyms(db, actor, ctx, groups, now);
  return { synonymes: vocabulary.synonymes, groupe };
}

function themesText(themes: Theme[]): string {
  return YAML.stringify(
    themes.map((theme) => (theme.description ? theme : { id: theme.id, libelle: theme.libelle })),
    { lineWidth: 0 },
  );
}

const LISTED = 10;

/** Replaces themes.yml; refused when a local fiche would lose one of its thèmes. */
export function setThemes(db: Db, actor: Actor, ctx: EditorContext, themes: Theme[], now: Date): Vocabulary {
  const cleaned = themes.map((theme) => ({
    id: theme.id.trim(),
    libelle: theme.libelle.trim(),
    ...(theme.description?.trim() ? { description: theme.description.trim() } : {}),
  }));
  const parsed = themesFile.safeParse(cleaned);
  if (!parsed.success) throw new RefusedError(`Thèmes refusés : ${firstIssue(parsed.error)}.`);
  const ids = new Set<string>();
  for (const theme of cleaned) {
    if (ids.has(theme.id)) throw new RefusedError(`Thèmes refusés : l’id « ${theme.id} » est en double.`);
    ids.add(theme.id);
  }
  const avant = readThemes(ctx);
  // A fiche's thème that named a thème before must still name one after.
  for (const old of avant) {
    if (cleaned.some((theme) => theme.id === old.id)) continue;
    const users = ctx.knowledge.fiches.filter(
      (fiche) =>
        fiche.origine === 'local' &&
        fiche.themes.some(
          (written) => names(written, old) && !cleaned.some((theme) => names(written, theme)),
        ),
    );
    if (users.length > 0) {
      const listed = users
        .slice(0, LISTED)
        .map((fiche) => `« ${fiche.titre} » (${fiche.id})`)
        .join(', ');
      const more = users.length > LISTED ? ` et ${users.length - LISTED} autres` : '';
      throw new RefusedError(
        `Le thème « ${old.libelle} » est encore utilisé par ${users.length} fiche${users.length > 1 ? 's' : ''} : ${listed}${more}. Changez d’abord leur thème.`,
      );
    }
  }
  writeList(
    db,
    actor,
    ctx,
    THEMES_FILE,
    themesText(cleaned),
    { objet: 'themes', avant, apres: cleaned },
    now,
  );
  return vocabularyOf(ctx);
}
