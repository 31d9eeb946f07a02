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
import type { Db } from '../store/db';
import type { EditorContext } from './documents';
import { oneWriteAtATime, prepareAtomicWrite, readDiskFile } from './files';
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

/**
 * Writes a list file at the root of the content folder and its audit row, in one transaction (the rename last:
 * if it fails, the audit row rolls back). The caller runs inside `oneWriteAtATime`, from reading the file on.
 */
async function writeList(
  db: Db,
  actor: Actor,
  ctx: EditorContext,
  path: string,
  text: string,
  audit: { objet: string; avant: unknown; apres: unknown },
  now: Date,
): Promise<void> {
  const before = readDiskFile(ctx.contentDir, path);
  if (before?.text === text) return;
  await db.transaction(async (tx) => {
    const write = prepareAtomicWrite(ctx.contentDir, path, text);
    try {
      await recordAudit(tx, actor, { action: 'modification', objetId: path, ...audit }, now);
      write.commit();
    } finally {
      write.discard();
    }
  });
}

/**
 * Puts `items` in place of the root list's items, keeping the file's opening comment in front (yaml attaches
 * it to the first item) whatever item now comes first.
 */
function replaceItems(seq: YAML.YAMLSeq, items: YAML.Node[]): void {
  const first = seq.items[0];
  const head = YAML.isNode(first) ? first.commentBefore : undefined;
  if (head && items[0] !== first) {
    if (YAML.isNode(first)) first.commentBefore = undefined;
    const now = items[0];
    if (now) now.commentBefore = now.commentBefore ? `${head}\n${now.commentBefore}` : head;
  }
  seq.items = items;
}

const WRITE_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

function valuesOf(node: unknown): string[] {
  return YAML.isSeq(node) ? node.items.map((item) => String(YAML.isScalar(item) ? item.value : item)) : [];
}

/**
 * The file's YAML document when it is a readable list (so its comments and quoting can be kept), or a new, empty
 * one: a broken file is replaced whole, as before the window could edit it.
 */
function sequenceDocument(previous: string | null): { doc: YAML.Document; root: YAML.YAMLSeq } {
  let doc: YAML.Document;
  try {
    doc = previous === null ? new YAML.Document([]) : YAML.parseDocument(previous);
  } catch {
    doc = new YAML.Document([]);
  }
  if (doc.errors.length > 0 || !YAML.isSeq(doc.contents)) doc = new YAML.Document([]);
  return { doc, root: doc.contents as YAML.YAMLSeq };
}

/**
 * synonymes.yml with `groups` written into it: each group keeps the node (and so the comments and quoting) of
 * the group it shares an expression with, or of the same place; new groups are written `[a, b]`.
 */
export function synonymsText(previous: string | null, groups: string[][]): string {
  const { doc, root } = sequenceDocument(previous);
  const old = root.items.filter((item): item is YAML.YAMLSeq => YAML.isSeq(item));
  const used = new Set<YAML.YAMLSeq>();
  const shares = (node: YAML.YAMLSeq, group: string[]) =>
    valuesOf(node).some((value) => group.includes(value));
  // A group takes the node of the group it shares an expression with, or else the node at its place when
  // that one shares nothing with any group (its expressions were all rewritten).
  const pick = (group: string[], index: number): YAML.YAMLSeq | undefined => {
    const sharing = old.find((node) => !used.has(node) && shares(node, group));
    const same = old[index];
    const found =
      sharing ?? (same && !used.has(same) && !groups.some((other) => shares(same, other)) ? same : undefined);
    if (found) used.add(found);
    return found;
  };
  const items = groups.map((group, index) => {
    const node = pick(group, index);
    if (!node) {
      const created = doc.createNode(group) as YAML.YAMLSeq;
      created.flow = true;
      return created;
    }
    // The README's format: one group per line, « - [cni, carte nationale d'identité] ».
    node.flow = true;
    const scalars = node.items.filter((item): item is YAML.Scalar => YAML.isScalar(item));
    node.items = group.map(
      (expression) =>
        scalars.find((scalar) => String(scalar.value) === expression) ?? doc.createNode(expression),
    );
    return node;
  });
  replaceItems(root, items);
  return doc.toString(WRITE_OPTIONS);
}

/**
 * Trims the expressions and drops the empty ones (a row the form left blank) and the exact repeats of a group.
 * Two expressions that differ by their accents or case are both kept as written: the search folds them anyway.
 */
function cleanGroups(groups: string[][]): string[][] {
  return groups
    .map((group) => {
      const seen = new Set<string>();
      return group
        .map((expression) => expression.trim().replace(/\s+/g, ' '))
        .filter((expression) => {
          if (expression === '' || seen.has(expression)) return false;
          seen.add(expression);
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
): Promise<Vocabulary> {
  return oneWriteAtATime(ctx.contentDir, () => writeSynonyms(db, actor, ctx, groups, now));
}

/** setSynonyms, inside the folder's turn. */
async function writeSynonyms(
  db: Db,
  actor: Actor,
  ctx: EditorContext,
  groups: string[][],
  now: Date,
): Promise<Vocabulary> {
  const cleaned = cleanGroups(groups);
  const parsed = synonymsFile.safeParse(cleaned);
  if (!parsed.success) throw new RefusedError(`Synonymes refusés : ${firstIssue(parsed.error)}.`);
  const owner = new Map<string, { index: number; expression: string }>();
  cleaned.forEach((group, index) => {
    for (const expression of group) {
      const key = fold(expression);
      const first = owner.get(key);
      if (first && first.index !== index) {
        throw new RefusedError(
          `Synonymes refusés : « ${expression} » figure dans deux groupes${
            first.expression === expression
              ? ''
              : ` (écrit « ${first.expression} » dans l’autre : la recherche ne distingue ni les accents ni les majuscules)`
          } ; une expression n’appartient qu’à un seul groupe.`,
        );
      }
      if (!first) owner.set(key, { index, expression });
    }
  });
  const avant = readSynonyms(ctx);
  await writeList(
    db,
    actor,
    ctx,
    SYNONYMS_FILE,
    synonymsText(readDiskFile(ctx.contentDir, SYNONYMS_FILE)?.text ?? null, cleaned),
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
): Promise<{ synonymes: string[][]; groupe: string[] }> {
  // Read, changed and written in the folder's turn: two additions at once both land.
  return oneWriteAtATime(ctx.contentDir, () => addSynonymNow(db, actor, ctx, input, now));
}

async function addSynonymNow(
  db: Db,
  actor: Actor,
  ctx: EditorContext,
  input: { query: string; expression: string },
  now: Date,
): Promise<{ synonymes: string[][]; groupe: string[] }> {
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
  const vocabulary = await writeSynonyms(db, actor, ctx, groups, now);
  return { synonymes: vocabulary.synonymes, groupe };
}

/** themes.yml with `themes` written into it: each thème keeps its node (comments, key order) found by its id. */
export function themesText(previous: string | null, themes: Theme[]): string {
  const { doc, root } = sequenceDocument(previous);
  const old = root.items.filter((item): item is YAML.YAMLMap => YAML.isMap(item));
  const items = themes.map((theme) => {
    const node = old.find((item) => item.get('id') === theme.id);
    if (!node) {
      return doc.createNode(
        theme.description ? theme : { id: theme.id, libelle: theme.libelle },
      ) as YAML.YAMLMap;
    }
    if (node.get('libelle') !== theme.libelle) node.set('libelle', theme.libelle);
    if (!theme.description) node.delete('description');
    else if (node.get('description') !== theme.description) node.set('description', theme.description);
    return node;
  });
  replaceItems(root, items);
  return doc.toString(WRITE_OPTIONS);
}

const LISTED = 10;

/** Replaces themes.yml; refused when a local fiche would lose one of its thèmes. */
export function setThemes(
  db: Db,
  actor: Actor,
  ctx: EditorContext,
  themes: Theme[],
  now: Date,
): Promise<Vocabulary> {
  return oneWriteAtATime(ctx.contentDir, () => writeThemes(db, actor, ctx, themes, now));
}

/** setThemes, inside the folder's turn. */
async function writeThemes(
  db: Db,
  actor: Actor,
  ctx: EditorContext,
  themes: Theme[],
  now: Date,
): Promise<Vocabulary> {
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
  await writeList(
    db,
    actor,
    ctx,
    THEMES_FILE,
    themesText(readDiskFile(ctx.contentDir, THEMES_FILE)?.text ?? null, cleaned),
    { objet: 'themes', avant, apres: cleaned },
    now,
  );
  return vocabularyOf(ctx);
}
