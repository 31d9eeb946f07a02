// A large corpus that reads like the real one: deterministic (seeded), built by recombining the titles,
// sentences, list items and headings of real fiches, with the shapes (headings, paragraphs, lists, lengths)
// of real bodies, so the words and their frequencies are those of real fiches rather than of a word list.
//
// Each generated fiche is a variant of one real fiche: most of its pieces come from that fiche, some from
// fiches of the same thème, a few from anywhere. Drawing every sentence from the whole corpus would spread each
// word over far more fiches than real writing does (a real fiche stays on its subject), and the posting lists,
// hence the query times, would no longer be those of a real corpus.
import type { ContentFile } from '../../electron/core/knowledge/content-files';
import type { Fiche } from '../../common/knowledge/types';
import { ficheFile } from '../../dev/test-support/content';

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Block =
  { kind: 'heading' } | { kind: 'paragraph'; sentences: number } | { kind: 'list'; items: number };

/** The pieces of one real fiche. */
export interface SourceFiche {
  titre: string;
  /** Its first thème: the fiches it borrows from besides itself. */
  group: string;
  summary: string[];
  keywords: string[];
  headings: string[];
  sentences: string[];
  listItems: string[];
  /** The block structure of its body. */
  shape: Block[];
}

type Piece = 'headings' | 'sentences' | 'listItems' | 'summary' | 'keywords';

/** What the generator recombines, taken from real fiches. */
export interface SyntheticSource {
  fiches: SourceFiche[];
  /** Indexes in `fiches` by group. */
  groups: Map<string, number[]>;
  /** Every piece of every fiche, for the few drawn from anywhere. */
  all: Record<Piece, string[]>;
  /** Second halves of "Subject : case" titles. */
  titleTails: string[];
}

/** Shares of the pieces of a generated fiche taken from its own real fiche, and from its group. */
export const OWN_SHARE = 0.85;
export const GROUP_SHARE = 0.12;

const SENTENCE_END = /(?<=[.!?…])\s+(?=[«"(\p{Lu}\d])/u;

/** Link targets would dangle in another fiche: keep the link's text only. */
function plain(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function sentencesOf(text: string): string[] {
  return plain(text)
    .split(SENTENCE_END)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length >= 12);
}

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/;
const HEADING = /^#{1,6}\s+(.*)$/;

function sourceFiche(fiche: Fiche): SourceFiche {
  const source: SourceFiche = {
    titre: fiche.titre,
    group: fiche.themes[0] ?? '',
    summary: sentencesOf(fiche.resume),
    keywords: [...fiche.mots_cles],
    headings: [],
    sentences: [],
    listItems: [],
    shape: [],
  };
  let paragraph: string[] = [];
  let items = 0;
  const flush = () => {
    const sentences = sentencesOf(paragraph.join(' '));
    if (sentences.length > 0) {
      source.sentences.push(...sentences);
      source.shape.push({ kind: 'paragraph', sentences: sentences.length });
    }
    paragraph = [];
  };
  const endList = () => {
    if (items > 0) source.shape.push({ kind: 'list', items });
    items = 0;
  };
  for (const line of fiche.body.split('\n')) {
    const heading = HEADING.exec(line)?.[1];
    const item = LIST_ITEM.exec(line)?.[1];
    const table = line.trimStart().startsWith('|');
    if (heading || item || line.trim() === '' || table) flush();
    if (!item) endList();
    if (heading) {
      source.headings.push(plain(heading));
      source.shape.push({ kind: 'heading' });
    } else if (item) {
      const text = plain(item);
      if (text.length > 0) {
        source.listItems.push(text);
        items++;
      }
    } else if (line.trim() !== '' && !table) {
      paragraph.push(line);
    }
  }
  flush();
  endList();
  return source;
}

/** Gathers the pieces and shapes of the bodies, titles and summaries of real fiches. */
export function syntheticSource(fiches: readonly Fiche[]): SyntheticSource {
  const source: SyntheticSource = {
    fiches: [],
    groups: new Map(),
    all: { headings: [], sentences: [], listItems: [], summary: [], keywords: [] },
    titleTails: [],
  };
  for (const fiche of fiches) {
    const piece = sourceFiche(fiche);
    // A fiche without a body has no shape to lend; its title and summary still count.
    if (piece.shape.length > 0) {
      source.groups.set(piece.group, [...(source.groups.get(piece.group) ?? []), source.fiches.length]);
      source.fiches.push(piece);
    }
    for (const kind of Object.keys(source.all) as Piece[]) source.all[kind].push(...piece[kind]);
    const tail = fiche.titre.split(' : ')[1];
    if (tail) source.titleTails.push(tail);
  }
  if (source.fiches.length === 0) throw new Error('the source corpus has no fiche with a body');
  return source;
}

const SYLLABLES =
  'ba be bi bo bu ca ce co cu da de di do du fa fe fi fo ga go la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu gny lly ron mont val ville court'.split(
    ' ',
  );
const PLACE_PATTERNS = [
  'Renseignements auprès de la mairie de {name}.',
  "L'accueil de {name} reçoit le public sur rendez-vous.",
  'Rue {name}, le guichet est ouvert le matin.',
  'Les habitants de {name} s’adressent à la mairie annexe.',
];

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

/** A fresh place name, as a real corpus has many: they make the vocabulary grow as it does with more fiches. */
function placeName(random: () => number): string {
  const count = 2 + Math.floor(random() * 2);
  const name = Array.from({ length: count }, () => pick(SYLLABLES, random)).join('');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Draws the pieces of one generated fiche: from its real fiche, its group, or anywhere. */
class Drawer {
  private readonly group: number[];

  constructor(
    private readonly source: SyntheticSource,
    private readonly own: SourceFiche,
    private readonly random: () => number,
  ) {
    this.group = source.groups.get(own.group) ?? [];
  }

  piece(kind: Piece): string {
    const r = this.random();
    let pool: readonly string[] = this.own[kind];
    if (r >= OWN_SHARE && r < OWN_SHARE + GROUP_SHARE && this.group.length > 0) {
      pool = this.source.fiches[pick(this.group, this.random)]?.[kind] ?? pool;
    } else if (r >= OWN_SHARE + GROUP_SHARE) {
      pool = this.source.all[kind];
    }
    if (pool.length === 0) pool = this.own[kind].length > 0 ? this.own[kind] : this.source.all[kind];
    return pool.length === 0 ? '' : pick(pool, this.random);
  }

  /** A sentence, or, one time in seven, the first part of one joined to the end of another. */
  sentence(): string {
    const first = this.piece('sentences');
    if (this.random() >= 0.15) return first;
    const other = this.piece('sentences').split(', ');
    if (other.length < 2) return first;
    return `${first.split(', ')[0] ?? first}, ${other.slice(1).join(', ')}`;
  }

  body(): string {
    const blocks = this.own.shape.map((block) => {
      switch (block.kind) {
        case 'heading':
          return `## ${this.piece('headings')}`;
        case 'list':
          return Array.from({ length: block.items }, () => `- ${this.piece('listItems')}`).join('\n');
        case 'paragraph': {
          const text = Array.from({ length: block.sentences }, () => this.sentence());
          if (this.random() < 0.15) {
            text.push(pick(PLACE_PATTERNS, this.random).replace('{name}', placeName(this.random)));
          }
          return text.join(' ');
        }
      }
    });
    return blocks.join('\n\n');
  }

  title(): string {
    const [subject] = this.own.titre.split(' : ');
    if (subject && subject !== this.own.titre && this.random() < 0.6) {
      const other = this.source.fiches[pick(this.group, this.random)]?.titre.split(' : ')[1];
      return `${subject} : ${other ?? pick(this.source.titleTails, this.random)}`;
    }
    return this.own.titre;
  }

  summary(): string {
    const count = this.random() < 0.5 ? 1 : 2;
    const sentences = Array.from({ length: count }, () => this.piece('summary')).filter(Boolean);
    return sentences.length > 0 ? sentences.join(' ') : this.sentence();
  }

  keywords(): string[] {
    const count = Math.floor(this.random() * 6);
    return [...new Set(Array.from({ length: count }, () => this.piece('keywords')).filter(Boolean))];
  }
}

export interface SyntheticOptions {
  count: number;
  seed?: number;
  /** Thème ids the fiches are filed under (those of the themes.yml they are indexed with). */
  themes: readonly string[];
}

/** `count` fiches in the project's format (see test-support's ficheFile), the same for the same seed. */
export function syntheticFiches(source: SyntheticSource, options: SyntheticOptions): ContentFile[] {
  const random = seededRandom(options.seed ?? 20_000);
  const files: ContentFile[] = [];
  for (let i = 1; i <= options.count; i++) {
    const drawer = new Drawer(source, pick(source.fiches, random), random);
    const id = `synthetique-${String(i).padStart(5, '0')}`;
    const themeCount = random() < 0.3 ? 2 : 1;
    const themes = [...new Set(Array.from({ length: themeCount }, () => pick(options.themes, random)))];
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    files.push(
      ficheFile(
        id,
        {
          titre: drawer.title(),
          resume: drawer.summary(),
          themes,
          mots_cles: drawer.keywords(),
          mise_a_jour: `2026-${month}-${day}`,
        },
        drawer.body(),
      ),
    );
  }
  return files;
}
