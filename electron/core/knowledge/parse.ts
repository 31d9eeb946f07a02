import matter from 'gray-matter';
import YAML from 'yaml';
import type { z } from 'zod';
import type { ContentFile } from './content-files';
import { normalizeNewlines, SYNONYMS_FILE, THEMES_FILE } from './content-files';
import { contactFrontMatter, ficheFrontMatter, foldKey, normalizeKeys } from './schema';
import { synonymsFile, themesFile } from './lists-schema';
import type {
  Contact,
  ContentProblem,
  Fiche,
  KnowledgeBase,
  SynonymGroup,
  Theme,
} from '../../../common/knowledge/types';

/** YAML 1.2 keeps dates as text, which is what the schema expects; and its errors carry a line. */
const yamlEngine = { parse: (text: string) => YAML.parse(text) as object };

/**
 * Stable English code of a problem: the content check (npm run check-content --json) and editors' CI key on it,
 * so a reworded French message never breaks them. The window does not need it: parseKnowledge leaves it out.
 */
export type ProblemCode =
  | 'yaml'
  | 'schema'
  | 'duplicate_id'
  | 'unknown_service'
  | 'unknown_theme'
  | 'broken_link'
  | 'missing_complete_target'
  | 'unreadable_file';

export interface CodedProblem extends ContentProblem {
  code: ProblemCode;
}

export type CodedKnowledgeBase = Omit<KnowledgeBase, 'problems'> & { problems: CodedProblem[] };

class FileProblem extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

function yamlLine(error: unknown): number | undefined {
  const pos = (error as { linePos?: Array<{ line: number }> }).linePos;
  return pos?.[0]?.line;
}

/** Deeper than this, a front-matter is no fiche: it is refused before anything walks it recursively. */
export const MAX_FRONT_MATTER_DEPTH = 20;

/** Keys that would reach an object's prototype: never a field, whatever the depth. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Why parsed YAML data cannot be a front-matter (too deep, a key that reaches the prototype), in French; null
 * when it can. Walked without recursion, so a hostile file cannot exhaust the stack here either.
 */
export function hostileDataReason(data: unknown): string | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: data, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_FRONT_MATTER_DEPTH)
      return `en-tête trop imbriqué (plus de ${MAX_FRONT_MATTER_DEPTH} niveaux de listes ou d'objets)`;
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    for (const key of Object.getOwnPropertyNames(value)) {
      if (FORBIDDEN_KEYS.has(key)) return `nom de champ interdit « ${key} »`;
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return null;
}

/** YAML's own stack overflow on a hostile nesting: reported as such, not as a typing mistake. */
function isStackOverflow(error: unknown): boolean {
  return (
    error instanceof RangeError ||
    (error instanceof Error && error.message.includes('Maximum call stack size exceeded'))
  );
}

/**
 * A file's front-matter (keys normalised) and its body, trimmed, as the parser reads them; `file.text` must have
 * its newlines normalised. Throws a FileProblem when the front-matter cannot be read.
 */
export function splitFrontMatter(file: ContentFile): { data: Record<string, unknown>; body: string } {
  if (!/^---\n/.test(file.text)) {
    throw new FileProblem('le fichier ne commence pas par un en-tête YAML entre deux lignes « --- »', 1);
  }
  let parsed;
  try {
    // A fresh options object keeps gray-matter from returning a cached result of another file's text.
    parsed = matter(file.text, { engines: { yaml: yamlEngine } });
  } catch (error) {
    const line = yamlLine(error);
    if (isStackOverflow(error)) {
      throw new FileProblem(
        `en-tête trop imbriqué (plus de ${MAX_FRONT_MATTER_DEPTH} niveaux de listes ou d'objets)`,
        line ? line + 1 : undefined,
      );
    }
    throw new FileProblem(
      `en-tête YAML illisible${line ? ` (ligne ${line + 1})` : ''} : vérifiez les deux-points, les guillemets et l'indentation`,
      line ? line + 1 : undefined,
    );
  }
  const data = parsed.data as unknown;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new FileProblem("l'en-tête YAML doit contenir des champs « clé: valeur »", 1);
  }
  const hostile = hostileDataReason(data);
  if (hostile) throw new FileProblem(hostile);
  return { data: normalizeKeys(data as Record<string, unknown>), body: parsed.content.trim() };
}

/** Line of a front-matter key in the raw file, so editors are sent to the right place. */
export function lineOfField(text: string, field: string): number | undefined {
  const lines = normalizeNewlines(text).split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('---')) return undefined;
    const match = /^([^\s:#][^:]*):/.exec(line);
    if (match?.[1] && normalizeKeys({ [match[1]]: 0 })[field] !== undefined) return i + 1;
  }
  return undefined;
}

function issuesToProblems(file: ContentFile, issues: z.core.$ZodIssue[]): CodedProblem[] {
  return issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const field = keys.length > 0 ? keys.join(', ') : issue.path.map(String).join('.') || undefined;
    const top = keys[0] ?? (issue.path[0] !== undefined ? String(issue.path[0]) : undefined);
    const message =
      issue.code === 'unrecognized_keys'
        ? `champ inconnu « ${keys.join(' », « ')} » (voir content/README.md pour la liste des champs)`
        : issue.message;
    return {
      path: file.path,
      severity: 'erreur' as const,
      code: 'schema' as const,
      field,
      line: top ? lineOfField(file.text, top) : undefined,
      message,
    };
  });
}

function isContactPath(path: string): boolean {
  return path.split('/').slice(0, -1).includes('contacts');
}

function parseYamlList<T>(file: ContentFile, schema: z.ZodType<T>, problems: CodedProblem[]): T | undefined {
  let data: unknown;
  try {
    data = YAML.parse(file.text);
  } catch (error) {
    problems.push({
      path: file.path,
      severity: 'erreur',
      code: 'yaml',
      line: yamlLine(error),
      message: isStackOverflow(error)
        ? `fichier trop imbriqué (plus de ${MAX_FRONT_MATTER_DEPTH} niveaux de listes ou d'objets)`
        : 'fichier YAML illisible',
    });
    return undefined;
  }
  const hostile = hostileDataReason(data);
  if (hostile) {
    problems.push({ path: file.path, severity: 'erreur', code: 'yaml', message: hostile });
    return undefined;
  }
  const result = schema.safeParse(data ?? []);
  if (!result.success) {
    problems.push(...issuesToProblems(file, result.error.issues));
    return undefined;
  }
  return result.data;
}

/**
 * Turns the content files into the knowledge base. A file that fails is reported and skipped;
 * every other file is kept, so one broken fiche never hides the rest.
 */
export function parseKnowledge(files: ContentFile[]): KnowledgeBase {
  const knowledge = parseKnowledgeWithCodes(files);
  return { ...knowledge, problems: knowledge.problems.map(({ code: _code, ...problem }) => problem) };
}

/** parseKnowledge, with each problem's stable code (for the content check). */
export function parseKnowledgeWithCodes(rawFiles: ContentFile[]): CodedKnowledgeBase {
  // CRLF, CR and a BOM are read like LF: a fiche edited on Windows parses like any other.
  const files = rawFiles.map((file) => ({ ...file, text: normalizeNewlines(file.text) }));
  const problems: CodedProblem[] = [];
  const fiches: Fiche[] = [];
  const contacts: Contact[] = [];
  let themes: Theme[] = [];
  let synonyms: SynonymGroup[] = [];
  const owners = new Map<string, string>();

  for (const file of files) {
    if (file.problem !== undefined) {
      problems.push({ path: file.path, severity: 'erreur', code: 'unreadable_file', message: file.problem });
      continue;
    }
    if (file.path === SYNONYMS_FILE) {
      synonyms = parseYamlList(file, synonymsFile, problems) ?? [];
      continue;
    }
    if (file.path === THEMES_FILE) {
      themes = parseYamlList(file, themesFile, problems) ?? [];
      continue;
    }
    let split;
    try {
      split = splitFrontMatter(file);
    } catch (error) {
      const problem = error instanceof FileProblem ? error : new FileProblem(String(error));
      problems.push({
        path: file.path,
        severity: 'erreur',
        code: 'yaml',
        line: problem.line,
        message: problem.message,
      });
      continue;
    }
    const contact = isContactPath(file.path);
    const result = contact
      ? contactFrontMatter.safeParse(split.data)
      : ficheFrontMatter.safeParse(split.data);
    if (!result.success) {
      problems.push(...issuesToProblems(file, result.error.issues));
      continue;
    }
    const owner = owners.get(result.data.id);
    if (owner) {
      problems.push({
        path: file.path,
        severity: 'erreur',
        code: 'duplicate_id',
        field: 'id',
        line: lineOfField(file.text, 'id'),
        message: `l'identifiant « ${result.data.id} » est déjà utilisé par ${owner} ; ce fichier est ignoré`,
      });
      continue;
    }
    owners.set(result.data.id, file.path);
    if (contact)
      contacts.push({
        ...(result.data as z.infer<typeof contactFrontMatter>),
        body: split.body,
        path: file.path,
      });
    else
      fiches.push({
        ...(result.data as z.infer<typeof ficheFrontMatter>),
        body: split.body,
        path: file.path,
      });
  }

  problems.push(...crossCheck(fiches, contacts, themes, files));
  return { fiches, contacts, themes, synonyms, problems };
}

const LINK = /\]\((fiche|contact):([^)\s]+)\)/g;

/** Line in the file of a position in the body: the body is the file's trimmed tail, so it is found last. */
function lineInFile(text: string, body: string, index: number): number | undefined {
  const start = text.lastIndexOf(body);
  if (start < 0) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < start + index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * `fiche:` and `contact:` links of a markdown body that lead nowhere, each with its position in the body and its
 * French message. The editor's checks (core/editor/validate.ts) use it too, so both word a broken link alike.
 */
export function danglingLinks(
  body: string,
  ficheIds: ReadonlySet<string>,
  contactIds: ReadonlySet<string>,
): Array<{ index: number; message: string }> {
  const found: Array<{ index: number; message: string }> = [];
  for (const match of body.matchAll(LINK)) {
    const [, kind, target = ''] = match;
    const known = kind === 'fiche' ? ficheIds.has(target) : contactIds.has(target);
    if (!known) {
      found.push({
        index: match.index,
        message: `lien cassé vers ${kind === 'fiche' ? 'la fiche' : 'le contact'} « ${target} »`,
      });
    }
  }
  return found;
}

/** The dangling links of a fiche or contact, as problems placed on their line of the file. */
function brokenLinks(
  entry: { path: string; body: string },
  text: string,
  ficheIds: Set<string>,
  contactIds: Set<string>,
): CodedProblem[] {
  return danglingLinks(entry.body, ficheIds, contactIds).map(({ index, message }) => ({
    path: entry.path,
    severity: 'avertissement',
    code: 'broken_link',
    line: lineInFile(text, entry.body, index),
    message,
  }));
}

/** References between files: a dangling one is a warning, the file stays visible. */
function crossCheck(
  fiches: Fiche[],
  contacts: Contact[],
  themes: Theme[],
  files: ContentFile[],
): CodedProblem[] {
  const problems: CodedProblem[] = [];
  const ficheIds = new Set(fiches.map((f) => f.id));
  const contactIds = new Set(contacts.map((c) => c.id));
  const themeIds = new Set(themes.flatMap((t) => [t.id, foldKey(t.libelle)]));
  const textOf = new Map(files.map((f) => [f.path, f.text]));
  for (const fiche of fiches) {
    const text = textOf.get(fiche.path) ?? '';
    const warn = (code: ProblemCode, field: string, message: string) =>
      problems.push({
        path: fiche.path,
        severity: 'avertissement',
        code,
        field,
        line: lineOfField(text, field),
        message,
      });
    for (const service of fiche.services) {
      if (!contactIds.has(service))
        warn('unknown_service', 'services', `service inconnu « ${service} » (aucun contact n'a cet id)`);
    }
    // National fiches carry Service-Public.fr's own thèmes (its breadcrumb), not the commune's list.
    if (themes.length > 0 && fiche.origine === 'local') {
      for (const theme of fiche.themes) {
        if (!themeIds.has(theme) && !themeIds.has(foldKey(theme)))
          warn('unknown_theme', 'themes', `thème inconnu « ${theme} » (absent de themes.yml)`);
      }
    }
    if (fiche.complete && !ficheIds.has(fiche.complete)) {
      warn('missing_complete_target', 'complete', `la fiche complétée « ${fiche.complete} » n'existe pas`);
    }
    problems.push(...brokenLinks(fiche, text, ficheIds, contactIds));
  }
  // A contact's description is rendered like a fiche's body, with the same internal links.
  for (const contact of contacts) {
    problems.push(...brokenLinks(contact, textOf.get(contact.path) ?? '', ficheIds, contactIds));
  }
  return problems;
}
