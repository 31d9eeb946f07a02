// A fiche or contact file as the editor sees it: the front-matter as a plain object with canonical keys, and the
// markdown body; and back to a file, written by `yaml` in the style of content/README.md and of the importer.
import matter from 'gray-matter';
import YAML from 'yaml';
import { normalizeNewlines } from '../knowledge/content-files';
import { hostileDataReason } from '../knowledge/parse';
import { normalizeKeys } from '../knowledge/schema';
import { WEEKDAYS } from '../../../common/knowledge/types';
import type { EditorKind } from '../../../common/redaction/codes';
import type { FrontMatter } from '../../../common/redaction/types';

/** YAML 1.2 (dates stay text), as the content reader uses. */
const yamlEngine = { parse: (text: string) => YAML.parse(text) as object };

export interface SplitFile {
  frontMatter: FrontMatter;
  body: string;
}

/**
 * Splits a file into its front-matter and body; a file whose front-matter cannot be read gives an empty one and
 * its whole text as body, so the editor can still open it and repair it.
 */
export function splitFile(raw: string): SplitFile & { readable: boolean } {
  // CRLF, CR and a BOM are read like LF, as the content reader does.
  const text = normalizeNewlines(raw);
  if (!/^---\n/.test(text)) return { frontMatter: {}, body: text.trim(), readable: false };
  try {
    // A fresh options object keeps gray-matter from returning a cached result of another file's text.
    const parsed = matter(text, { engines: { yaml: yamlEngine } });
    const data = parsed.data as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      return { frontMatter: {}, body: parsed.content.trim(), readable: false };
    }
    // Too deep or with a key reaching the prototype: opened as text, for the editor to repair.
    if (hostileDataReason(data) !== null) return { frontMatter: {}, body: text.trim(), readable: false };
    return {
      frontMatter: normalizeKeys(data as Record<string, unknown>),
      body: parsed.content.trim(),
      readable: true,
    };
  } catch {
    return { frontMatter: {}, body: text.trim(), readable: false };
  }
}

/** The order of content/README.md; any other key (refused by validation anyway) would come last. */
const FICHE_ORDER = [
  'id',
  'titre',
  'resume',
  'themes',
  'mots_cles',
  'public_concerne',
  'pieces_a_fournir',
  'cout',
  'delai',
  'services',
  'mise_a_jour',
  'a_revoir',
  'responsable',
  'verifie_le',
  'verifie_par',
  'statut',
  'source',
  'complete',
  'origine',
  'pivots',
];
const CONTACT_ORDER = [
  'id',
  'nom',
  'type',
  'entite',
  'adresse',
  'telephone',
  'courriel',
  'site',
  'horaires',
  'horaires_note',
  'fermetures',
  'accessibilite',
  'canaux',
];

/** Long texts read better one per line; the other lists stay on one line, `[a, b]`. */
const BLOCK_LISTS = new Set(['pieces_a_fournir', 'fermetures']);
/** Texts written double-quoted, as in content/README.md and the importer (a « : » in a title is then safe). */
const QUOTED_KEYS = new Set(['titre', 'resume']);
const WEEKDAY_KEYS = new Set<string>(WEEKDAYS);

/** Drops what the form leaves empty (blank texts, empty lists and objects) and trims texts. */
function clean(value: unknown): unknown {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (Array.isArray(value)) {
    const items = value.map(clean).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value).flatMap(([key, item]) => {
      const cleaned = clean(item);
      return cleaned === undefined ? [] : [[key, cleaned] as const];
    });
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value ?? undefined;
}

/** The front-matter with canonical keys, empty values dropped, in the README's order. */
export function tidyFrontMatter(kind: EditorKind, frontMatter: FrontMatter): FrontMatter {
  const normalized = normalizeKeys(frontMatter);
  const order = kind === 'fiche' ? FICHE_ORDER : CONTACT_ORDER;
  const keys = [
    ...order.filter((key) => key in normalized),
    ...Object.keys(normalized).filter((key) => !order.includes(key)),
  ];
  const out: FrontMatter = {};
  for (const key of keys) {
    const value = clean(normalized[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The whole file: `---`, the YAML front-matter, `---`, the body. */
export function renderFile(kind: EditorKind, frontMatter: FrontMatter, body: string): string {
  const doc = new YAML.Document(tidyFrontMatter(kind, frontMatter));
  YAML.visit(doc, {
    Pair(_, pair) {
      const key = YAML.isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value;
      if (YAML.isSeq(value) && !BLOCK_LISTS.has(key) && value.items.every((item) => YAML.isScalar(item))) {
        value.flow = true;
      }
      if (QUOTED_KEYS.has(key) && YAML.isScalar(value)) value.type = 'QUOTE_DOUBLE';
      // Opening hours « "08:30-12:00" » quoted as in the README: no YAML reader can take them for numbers.
      if (WEEKDAY_KEYS.has(key) && YAML.isSeq(value)) {
        for (const item of value.items) if (YAML.isScalar(item)) item.type = 'QUOTE_DOUBLE';
      }
    },
  });
  const head = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const text = body.replace(/\r\n/g, '\n').trim();
  return `---\n${head}---\n${text ? `${text}\n` : ''}`;
}
