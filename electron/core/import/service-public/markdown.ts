// DILA's publication tree → the markdown body of a fiche. Pure and deterministic: the same tree always gives
// the same text. Every text of the XML goes through `escapeText`, so nothing in it can become markup, raw
// HTML or a link; the only markup is the one written here.
import type { XmlElement, XmlNode } from './xml-tree';
import { childElements, firstChild, textOf } from './xml-tree';

const SERVICE_PUBLIC = 'https://www.service-public.fr';

/** What the links of a fiche may point to. */
export interface LinkTargets {
  /** Ids of the F fiches of the archive: a link to one of them stays in the app (`fiche:F123`). */
  fiches: ReadonlySet<string>;
  /** Titles of the archive's publications (F and N), for links written without text. */
  titles: ReadonlyMap<string, string>;
}

// ---------------------------------------------------------------------------------------------------------
// Escaping

/**
 * Backslash-escapes what markdown-it could read as markup in a text of the XML: emphasis, code, links,
 * raw HTML (`<`, `>`), tables (`|`), strikethrough, entities. `_` only matters at a word's edge.
 */
export function escapeText(text: string): string {
  return text
    .replace(/[\\`*[\]<>|~]/g, '\\$&')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** Escapes what would make a line a heading, a list item, a quote or a rule when it starts a line. */
function escapeLineStart(line: string): string {
  return line.replace(/^([-+=#>])/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** A URL usable as a link destination (http or https only), with the characters markdown would choke on encoded. */
export function safeUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return url.href.replace(
    /[\s()<>|\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function link(text: string, href: string): string {
  return `[${text}](${href})`;
}

/** A host name for link texts: « www.impots.gouv.fr » → « impots.gouv.fr ». */
function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

// ---------------------------------------------------------------------------------------------------------
// Inline content

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
};
const SUBSCRIPT: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
};

/**
 * "1^er janvier", "1^re année", "2^nd" → "1er", "1re", "2nd": some of DILA's texts write an ordinal's superscript
 * with a caret instead of an <Exposant>, and the caret would show as is (or be read as markdown elsewhere).
 */
export function plainOrdinals(text: string): string {
  return text.replace(/(\d)\^(?=\p{L})/gu, '$1');
}

/** "m<Exposant>2</Exposant>" → "m²"; "1<Exposant>er</Exposant>" stays "1er", as French writes it in plain text. */
function mapScript(text: string, table: Record<string, string>): string {
  const chars = [...text.trim()];
  return chars.length > 0 && chars.every((c) => table[c]) ? chars.map((c) => table[c]).join('') : text;
}

/** Wraps in `**` while keeping the surrounding spaces outside, as emphasis requires. */
function strong(inner: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner);
  const [, lead = '', core = '', trail = ''] = match ?? [];
  return core ? `${lead}**${core}**${trail}` : inner;
}

/**
 * A space where bold text touches a word and markdown would not see the emphasis: « **18 967 €**et » (the
 * closing `**` after punctuation must not be followed by a letter), « a**(1)** ».
 */
function glue(text: string, after: string): string {
  const before = text.slice(-4);
  const closesOnPunctuation = /[^\p{L}\p{N}\s*\\]\*\*$/u.test(before) && /^[\p{L}\p{N}]/u.test(after);
  const opensOnPunctuation = /[\p{L}\p{N}]$/u.test(before) && /^\*\*[^\p{L}\p{N}\s*]/u.test(after);
  return closesOnPunctuation || opensOnPunctuation ? ' ' : '';
}

/** Collapses the spaces of a rendered inline text and glues adjacent bold runs ("**a****b**" → "**ab**"). */
function finishInline(text: string): string {
  return text
    .replace(/[ \t\r\n]+/g, ' ')
    .replace(/(?<![\\*])\*\*\*\*(?!\*)/g, '')
    .trim();
}

// ---------------------------------------------------------------------------------------------------------
// Blocks

type BlockKind = 'p' | 'heading' | 'list' | 'table' | 'quote';

interface Block {
  kind: BlockKind;
  md: string;
}

/** Headings go down to level 6; below (and inside lists and quotes) a title is a bold paragraph. */
const COMPACT = 7;

/** Labels of the note blocks when their own title is missing. */
const NOTE_LABELS: Record<string, string> = {
  ANoter: 'À noter',
  ASavoir: 'À savoir',
  Attention: 'Attention',
  Avertissement: 'Avertissement',
  Rappel: 'Rappel',
};

const SECTION_ELEMENTS = new Set(['Chapitre', 'SousChapitre', 'Situation', 'Cas']);
const TRANSPARENT_ELEMENTS = new Set([
  'Texte',
  'Introduction',
  'BlocCas',
  'ListeSituations',
  'FragmentConditionne',
  'ContenuIllustre',
  'Contenu',
  'Commentaire',
]);
/** Conditions, display hints, pictures and metadata: nothing to show. */
const SKIPPED_ELEMENTS = new Set([
  'Titre',
  'TitreAlternatif',
  'Condition',
  'SiSelectionne',
  'Colonne',
  'Image',
  'Illustration',
  'Source',
  'Aide',
  'Resume',
  'PivotLocal',
  'RessourceWeb',
  'Complement',
]);

/** Elements that make blocks of their own: an unknown element holding one is rendered as blocks. */
const BLOCK_ELEMENTS = new Set([
  ...SECTION_ELEMENTS,
  ...TRANSPARENT_ELEMENTS,
  'Paragraphe',
  'Liste',
  'Tableau',
  'ANoter',
  'ASavoir',
  'Attention',
  'Rappel',
  'OuSAdresser',
  'ServiceEnLigne',
]);

const SERVICE_LABELS: Record<string, string> = {
  Téléservice: 'Service en ligne',
  'Téléservice personnalisé sur SP': 'Service en ligne',
  Formulaire: 'Formulaire',
  Simulateur: 'Simulateur',
  'Modèle de document': 'Modèle de document',
  'Outil de recherche': 'Outil de recherche',
};

const AUDIENCE_PATHS: Record<string, string> = {
  Particuliers: 'particuliers',
  Professionnels: 'professionnels-entreprises',
  Associations: 'associations',
};

/** Two lists of the same kind one after the other: markdown would merge them into one loose list anyway. */
function sameKindOfList(a: Block, b: Block): boolean {
  return a.kind === 'list' && b.kind === 'list' && a.md.startsWith('- ') === b.md.startsWith('- ');
}

/** Joins blocks; consecutive lists of the same kind are merged into one tight list. */
function joinBlocks(blocks: Block[]): string {
  let out = '';
  let previous: Block | undefined;
  for (const block of blocks) {
    if (!previous) out = block.md;
    else out += sameKindOfList(previous, block) ? `\n${block.md}` : `\n\n${block.md}`;
    previous = block;
  }
  return out;
}

/** Joins the blocks of a list item: paragraphs with hard line breaks, a list right under its paragraph. */
function joinCompact(blocks: Block[]): string {
  let out = '';
  let previous: Block | undefined;
  for (const block of blocks) {
    if (!previous) out = block.md;
    else if (previous.kind === 'p' && block.kind === 'p') out += `\\\n${block.md}`;
    else if (block.kind === 'list') out += `\n${block.md}`;
    else out += `\n\n${block.md}`;
    previous = block;
  }
  return out;
}

function indent(text: string, prefix: string, first: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first + line : line ? prefix + line : ''))
    .join('\n');
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

function listBlock(items: string[], ordered = false): Block | undefined {
  const kept = items.filter((item) => item.trim() !== '');
  if (kept.length === 0) return undefined;
  const md = kept
    .map((item, i) => {
      const marker = ordered ? `${i + 1}. ` : '- ';
      return indent(item, ' '.repeat(marker.length), marker);
    })
    .join('\n');
  return { kind: 'list', md };
}

/** Places (OuSAdresser) or services (ServiceEnLigne) gathered for a closing section, each once. */
class Gatherer {
  private readonly seen = new Set<string>();
  readonly items: XmlElement[] = [];

  /** Adds an element unless one with the same ID or URL (two IDs may share a page) is already there. */
  add(element: XmlElement): void {
    const { ID, URL } = element.attrs;
    const keys = ID || URL ? [ID, URL] : [textOf(firstChild(element, 'Titre'))];
    const identity = keys.filter((key): key is string => Boolean(key));
    if (identity.some((key) => this.seen.has(key))) return;
    for (const key of identity) this.seen.add(key);
    this.items.push(element);
  }
}

/** Renders one publication. A fresh renderer per publication: it gathers places and services as it goes. */
export class MarkdownRenderer {
  private readonly places = new Gatherer();
  private readonly services = new Gatherer();

  constructor(private readonly targets: LinkTargets) {}

  // ---- links

  private publicationHref(id: string, audience?: string): string {
    if (this.targets.fiches.has(id)) return `fiche:${id}`;
    const path = AUDIENCE_PATHS[audience ?? ''] ?? 'particuliers';
    return `${SERVICE_PUBLIC}/${path}/vosdroits/${encodeURIComponent(id)}`;
  }

  /** A link to another publication: `fiche:F123` when the archive has it, its Service-Public.fr page otherwise. */
  publicationLink(id: string | undefined, text: string, audience?: string): string {
    const label = text || (id ? escapeText(this.targets.titles.get(id) ?? id) : '');
    if (!id || !/^[A-Za-z0-9_-]+$/.test(id)) return label;
    return link(label || escapeText(id), this.publicationHref(id, audience));
  }

  private externalLink(url: string | undefined, text: string): string {
    const href = safeUrl(url);
    if (!href) return text;
    return link(text || escapeText(hostOf(href)), href);
  }

  // ---- inline

  inline(nodes: readonly XmlNode[], bold = false): string {
    let out = '';
    for (const node of nodes) {
      // DILA's files put a line break between an external link and the punctuation that follows it.
      const piece =
        typeof node === 'string'
          ? escapeText(plainOrdinals(node.replace(/^[ \t]*\r?\n[ \t\r\n]*(?=[.,)])/, '')))
          : this.inlineElement(node, bold);
      out += glue(out, piece) + piece;
    }
    return out;
  }

  private inlineElement(element: XmlElement, bold: boolean): string {
    switch (element.name) {
      case 'MiseEnEvidence':
      case 'Valeur': {
        const inner = this.inline(element.children, true);
        return bold ? inner : strong(inner);
      }
      case 'TermeEtranger': {
        const inner = this.inline(element.children, bold);
        const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner);
        return match?.[2] ? `${match[1]}*${match[2]}*${match[3]}` : inner;
      }
      case 'Exposant':
        return escapeText(mapScript(textOf(element), SUPERSCRIPT));
      case 'Indice':
        return escapeText(mapScript(textOf(element), SUBSCRIPT));
      case 'LienInterne':
        return this.publicationLink(
          element.attrs.LienPublication,
          finishInline(this.inline(element.children, bold)),
          element.attrs.audience,
        );
      case 'LienExterne':
        return this.externalLink(element.attrs.URL, finishInline(this.inline(element.children, bold)));
      case 'Paragraphe':
        return ` ${this.inline(element.children, bold)} `;
      case 'Image':
      case 'Condition':
        return '';
      default:
        // LienIntra (glossary), Expression, Citation, Variable…: their text, as written.
        return this.inline(element.children, bold);
    }
  }

  /** The text of a `Titre` (plain text or paragraphs), as inline markdown. */
  title(element: XmlElement | undefined, bold = false): string {
    return element ? finishInline(this.inline(element.children, bold)) : '';
  }

  // ---- blocks

  /** Renders a sequence of block nodes; `level` is the heading level of the sections found among them. */
  blocks(nodes: readonly XmlNode[], level: number): Block[] {
    const out: Block[] = [];
    for (const node of nodes) {
      if (typeof node === 'string') {
        const text = finishInline(escapeText(node));
        if (text) out.push({ kind: 'p', md: escapeLineStart(text) });
        continue;
      }
      out.push(...this.block(node, level));
    }
    return out;
  }

  private block(element: XmlElement, level: number): Block[] {
    const { name } = element;
    if (SKIPPED_ELEMENTS.has(name)) return [];
    if (TRANSPARENT_ELEMENTS.has(name)) return this.blocks(element.children, level);
    if (SECTION_ELEMENTS.has(name)) return this.section(element, level);
    switch (name) {
      case 'Paragraphe': {
        const text = finishInline(this.inline(element.children));
        return text ? [{ kind: 'p', md: escapeLineStart(text) }] : [];
      }
      case 'Liste':
        return this.list(element);
      case 'Tableau':
        return this.table(element);
      case 'ANoter':
      case 'ASavoir':
      case 'Attention':
      case 'Rappel':
      case 'Avertissement':
        return this.note(element);
      case 'OuSAdresser':
        return this.placeMention(element);
      case 'ServiceEnLigne':
        return this.serviceMention(element);
      case 'LienInterne':
      case 'LienExterne': {
        const text = finishInline(this.inlineElement(element, false));
        return text ? [{ kind: 'p', md: escapeLineStart(text) }] : [];
      }
      default: {
        // An element this converter does not know: keep its content rather than lose it.
        if (element.children.some((child) => typeof child !== 'string' && BLOCK_ELEMENTS.has(child.name))) {
          return this.blocks(element.children, level);
        }
        const text = finishInline(this.inline(element.children));
        return text ? [{ kind: 'p', md: escapeLineStart(text) }] : [];
      }
    }
  }

  heading(text: string, level: number): Block | undefined {
    if (!text) return undefined;
    if (level > 6) return { kind: 'p', md: escapeLineStart(strong(text)) };
    // A heading's trailing "#" would be read as its closing sequence.
    return { kind: 'heading', md: `${'#'.repeat(level)} ${text.replace(/(\s)(#+)$/, '$1\\$2')}` };
  }

  private section(element: XmlElement, level: number): Block[] {
    const titleElement = firstChild(element, 'Titre');
    const out: Block[] = [];
    const heading = this.heading(this.title(titleElement, level > 6), level);
    if (heading) out.push(heading);
    const body = this.blocks(element.children, heading ? Math.min(level + 1, COMPACT) : level);
    return heading && body.length === 0 ? [] : [...out, ...body];
  }

  /** An item: its paragraphs on consecutive lines, its sub-lists indented under it. */
  private item(element: XmlElement): string {
    return joinCompact(this.blocks(element.children, COMPACT));
  }

  private list(element: XmlElement): Block[] {
    const block = listBlock(
      childElements(element, 'Item').map((item) => this.item(item)),
      element.attrs.type === 'numero',
    );
    return block ? [block] : [];
  }

  /** « > **À noter :** … »: the note's own title (À noter, Exemple…) as its label. */
  private note(element: XmlElement): Block[] {
    const title = this.title(firstChild(element, 'Titre'), true).replace(/\s*:$/, '');
    const blocks = this.blocks(element.children, COMPACT);
    if (element.name === 'Avertissement') {
      // A dated warning (reform, health crisis…): its title is a headline, not a label.
      const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(element.attrs.date ?? '');
      const when = date ? ` du ${date[3]}/${date[2]}/${date[1]}` : '';
      blocks.unshift({ kind: 'p', md: `**Avertissement${when} :** ${strong(title)}`.trim() });
    } else {
      const prefix = `**${title || NOTE_LABELS[element.name] || 'À noter'} :**`;
      const first = blocks[0];
      if (first?.kind === 'p') blocks[0] = { kind: 'p', md: `${prefix} ${first.md}` };
      else blocks.unshift({ kind: 'p', md: prefix });
    }
    return [{ kind: 'quote', md: quote(joinBlocks(blocks)) }];
  }

  // ---- tables

  /** The text of a cell on one line: paragraphs side by side, list items as « • item ». */
  private cellText(cell: XmlElement): string {
    const parts: string[] = [];
    const visit = (nodes: readonly XmlNode[], bullet: boolean) => {
      for (const node of nodes) {
        if (typeof node === 'string') {
          const text = finishInline(escapeText(node));
          if (text) parts.push(text);
        } else if (node.name === 'Liste') {
          for (const item of childElements(node, 'Item')) visit(item.children, true);
        } else if (node.name === 'Paragraphe') {
          const text = finishInline(this.inline(node.children));
          if (text) parts.push(bullet ? `• ${text}` : text);
        } else if (!SKIPPED_ELEMENTS.has(node.name)) {
          visit(node.children, bullet);
        }
      }
    };
    visit(cell.children, false);
    return parts.join(' ').replace(/\s*\n\s*/g, ' ');
  }

  /**
   * Places the cells on a grid, following their spans: a cell spanning rows is repeated in each (every row
   * then reads on its own), the columns it spans are left empty.
   */
  private grid(rows: XmlElement[]): { cells: string[][]; header: boolean[] } {
    const cells: string[][] = [];
    const header: boolean[] = [];
    const pending: Array<{ text: string; rows: number; width: number } | undefined> = [];
    rows.forEach((row, r) => {
      const line: string[] = [];
      header[r] = row.attrs.type === 'header';
      let col = 0;
      const fillPending = () => {
        for (let span = pending[col]; span && span.rows > 0; span = pending[col]) {
          span.rows--;
          line[col] = span.text;
          for (let k = 1; k < span.width; k++) line[col + k] = '';
          col += span.width;
        }
      };
      for (const cell of childElements(row, 'Cellule')) {
        fillPending();
        const width = Math.max(1, Number.parseInt(cell.attrs.fusionHorizontale ?? '1', 10) || 1);
        const height = Math.max(1, Number.parseInt(cell.attrs.fusionVerticale ?? '1', 10) || 1);
        const text = this.cellText(cell);
        line[col] = text;
        for (let k = 1; k < width; k++) line[col + k] = '';
        if (height > 1) pending[col] = { text, rows: height - 1, width };
        col += width;
      }
      fillPending();
      cells.push(line);
    });
    return { cells, header };
  }

  private table(element: XmlElement): Block[] {
    const rows = childElements(element, 'Rangée');
    const { cells, header } = this.grid(rows);
    const width = Math.max(childElements(element, 'Colonne').length, ...cells.map((row) => row.length), 0);
    if (width === 0 || cells.length === 0) return [];
    const pad = (row: string[]) => Array.from({ length: width }, (_, i) => row[i] ?? '');
    // The leading header rows become the one header row markdown has: their texts, column by column.
    let headerCount = 0;
    while (headerCount < cells.length && header[headerCount]) headerCount++;
    let head: string[];
    let body: string[][];
    if (headerCount > 0) {
      const headRows = cells.slice(0, headerCount).map(pad);
      head = Array.from({ length: width }, (_, i) =>
        [...new Set(headRows.map((row) => row[i] ?? '').filter(Boolean))].join(' – '),
      );
      body = cells.slice(headerCount).map(pad);
    } else {
      head = pad(cells[0] ?? []);
      body = cells.slice(1).map(pad);
    }
    const line = (row: string[]) =>
      `| ${row.map((cell) => cell || ' ').join(' | ')} |`.replace(/ {2,}/g, ' ');
    const md = [line(head), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
    const out: Block[] = [];
    const title = this.title(firstChild(element, 'Titre'), true);
    if (title) out.push({ kind: 'p', md: escapeLineStart(strong(title)) });
    out.push({ kind: 'table', md });
    return out;
  }

  // ---- places and services

  /** « Mairie » — complement — [site](https://…): one line naming a place. */
  placeLine(element: XmlElement): string {
    const title = this.title(firstChild(element, 'Titre'), true);
    const parts = [title ? strong(title) : 'Lieu'];
    const complement = finishInline(this.inline(firstChild(element, 'Complement')?.children ?? []));
    if (complement) parts.push(complement);
    const url = safeUrl(firstChild(element, 'RessourceWeb')?.attrs.URL);
    if (url?.startsWith('https:')) parts.push(link(escapeText(hostOf(url)), url));
    return parts.join(' — ');
  }

  private placeMention(element: XmlElement): Block[] {
    this.places.add(element);
    const title = this.title(firstChild(element, 'Titre'), true);
    if (!title) return [];
    return [{ kind: 'p', md: `Où s'adresser : ${strong(title)}` }];
  }

  /** « Formulaire : [Titre](URL) (cerfa n° …) ». */
  serviceLine(element: XmlElement): string {
    const label = SERVICE_LABELS[element.attrs.type ?? ''] ?? 'Service en ligne';
    const title = this.title(firstChild(element, 'Titre'));
    const url = safeUrl(element.attrs.URL);
    const target = url
      ? link(title || escapeText(hostOf(url)), url)
      : this.publicationLink(element.attrs.ID, title);
    const cerfa = element.attrs.numerocerfa ? ` (cerfa n° ${escapeText(element.attrs.numerocerfa)})` : '';
    return `${label} : ${target}${cerfa}`;
  }

  private serviceMention(element: XmlElement): Block[] {
    this.services.add(element);
    return [{ kind: 'p', md: this.serviceLine(element) }];
  }

  // ---- the whole publication

  /** The markdown body of a publication (its root `Publication` element). */
  render(publication: XmlElement): string {
    const main: Block[] = [];
    const closing = {
      places: [] as XmlElement[],
      services: [] as XmlElement[],
      more: [] as XmlElement[],
      questions: [] as XmlElement[],
      seeAlso: [] as XmlElement[],
      definitions: [] as XmlElement[],
      references: [] as XmlElement[],
      externalLinks: [] as XmlElement[],
    };
    const warnings: XmlElement[] = [];
    for (const child of childElements(publication)) {
      switch (child.name) {
        case 'Avertissement':
          warnings.push(child);
          break;
        case 'Introduction':
        case 'Texte':
          main.push(...this.blocks(child.children, 2));
          break;
        case 'ListeSituations':
          for (const situation of childElements(child, 'Situation')) main.push(...this.section(situation, 2));
          break;
        case 'Problematiques':
          main.push(...this.guidedSearch(child));
          break;
        case 'OuSAdresser':
          closing.places.push(child);
          break;
        case 'ServiceEnLigne':
          closing.services.push(child);
          break;
        case 'PourEnSavoirPlus':
          closing.more.push(child);
          break;
        case 'QuestionReponse':
          closing.questions.push(child);
          break;
        case 'VoirAussi':
          closing.seeAlso.push(...childElements(child));
          break;
        case 'CommentFaireSi':
          closing.seeAlso.push(child);
          break;
        case 'Definition':
        case 'Abreviation':
          closing.definitions.push(child);
          break;
        case 'Reference':
          closing.references.push(child);
          break;
        case 'LienExterneCommente':
          closing.externalLinks.push(child);
          break;
        default:
          // Metadata (dc:*, FilDAriane, Theme, DossierPere…), guided-search hints, questionnaires.
          break;
      }
    }

    const sections: Block[] = [...warnings.flatMap((w) => this.note(w)), ...main];
    const section = (title: string, items: string[]) => {
      const list = listBlock(items);
      if (list) sections.push({ kind: 'heading', md: `## ${title}` }, list);
    };

    section(
      'Liens utiles',
      closing.externalLinks.map((element) => {
        const anchor = firstChild(element, 'LienExterne');
        const text = anchor ? this.inlineElement(anchor, false).trim() : '';
        const source = textOf(firstChild(element, 'Source'));
        const comment = joinCompact(this.blocks(firstChild(element, 'Commentaire')?.children ?? [], COMPACT));
        return [text + (source ? ` — ${escapeText(source)}` : ''), comment].filter(Boolean).join('\\\n');
      }),
    );

    // Root-level places first (Service-Public.fr's own list), then those named only inside the text.
    const places = new Gatherer();
    for (const place of closing.places) places.add(place);
    for (const element of this.places.items) places.add(element);
    section(
      "Où s'adresser",
      places.items.map((element) => {
        const details = joinCompact(this.blocks(firstChild(element, 'Texte')?.children ?? [], COMPACT));
        return details ? `${this.placeLine(element)}\\\n${details}` : this.placeLine(element);
      }),
    );

    const services = new Gatherer();
    for (const service of closing.services) services.add(service);
    for (const element of this.services.items) services.add(element);
    section(
      'Services en ligne',
      services.items.map((element) => this.serviceLine(element)),
    );

    section(
      'Pour en savoir plus',
      closing.more.map((element) => {
        const title = this.title(firstChild(element, 'Titre'));
        const source = textOf(firstChild(element, 'Source'));
        const url = safeUrl(element.attrs.URL);
        const target = url
          ? link(title || escapeText(hostOf(url)), url)
          : this.publicationLink(element.attrs.ID, title);
        return target + (source ? ` — ${escapeText(source)}` : '');
      }),
    );

    section(
      'Questions-réponses',
      closing.questions.map((element) =>
        this.publicationLink(element.attrs.ID, escapeText(textOf(element)), element.attrs.audience),
      ),
    );

    section(
      'Voir aussi',
      closing.seeAlso.map((element) => {
        const title = firstChild(element, 'Titre');
        const text = title ? this.title(title) : escapeText(textOf(element));
        return this.publicationLink(element.attrs.ID, text, element.attrs.audience);
      }),
    );

    section(
      'Définitions',
      closing.definitions.map((element) => {
        const term = this.title(firstChild(element, 'Titre'), true);
        const texte = firstChild(element, 'Texte');
        const meaning = texte
          ? childElements(texte)
              .map((node) =>
                node.name === 'Liste' ? this.cellText(node) : finishInline(this.inline([node])),
              )
              .filter(Boolean)
              .join(' ')
          : '';
        return term ? `${strong(term)}${meaning ? ` : ${meaning}` : ''}` : meaning;
      }),
    );

    section(
      'Textes de référence',
      closing.references.map((element) => {
        const title = this.title(firstChild(element, 'Titre'));
        const complement = finishInline(this.inline(firstChild(element, 'Complement')?.children ?? []));
        const target = this.externalLink(element.attrs.URL, title);
        return target + (complement ? ` — ${complement}` : '');
      }),
    );

    return joinBlocks(sections);
  }

  /** A guided search (« Recherche guidée »): each question, then its answers as a tree of links. */
  private guidedSearch(element: XmlElement): Block[] {
    const out: Block[] = [];
    const branch = (node: XmlElement): string => {
      const title = this.title(firstChild(node, 'Titre'));
      const target = firstChild(node, 'LienInterne');
      const targetLink = target ? this.inlineElement(target, false).trim() : '';
      const head = [title, targetLink].filter(Boolean).join(' : ');
      const sub = listBlock(childElements(node, 'Branche').map(branch));
      return sub ? `${head}\n${sub.md}` : head;
    };
    for (const problem of childElements(element, 'Problematique')) {
      const heading = this.heading(this.title(firstChild(problem, 'Titre')), 2);
      if (heading) out.push(heading);
      for (const target of childElements(problem, 'LienInterne')) {
        const text = this.inlineElement(target, false).trim();
        if (text) out.push({ kind: 'p', md: text });
      }
      const list = listBlock(childElements(problem, 'Branche').map(branch));
      if (list) out.push(list);
    }
    return out;
  }
}

/** The markdown body of a publication. */
export function publicationToMarkdown(publication: XmlElement, targets: LinkTargets): string {
  return new MarkdownRenderer(targets).render(publication);
}
