// The baseline the app's lunr search is compared with: one SQLite FTS5 table over the same fields, the same
// boosts as FICHE_FIELDS, and a query built the simple way (quoted words, the last one as a prefix).
import { fold } from '../../common/text';
import Database from 'better-sqlite3';
import type { ContentFile } from '../../electron/core/knowledge/content-files';
import { parseKnowledge } from '../../electron/core/knowledge/parse';
import { markdownToText } from '../../electron/core/knowledge/render';
import { FICHE_FIELDS, publishedFiches } from '../../electron/core/search/index-build';

/** The indexed columns, in the order of FICHE_FIELDS: bm25's weights follow the column order. */
export const FTS_COLUMNS = Object.keys(FICHE_FIELDS) as Array<keyof typeof FICHE_FIELDS>;
const BM25_WEIGHTS = FTS_COLUMNS.map((column) => FICHE_FIELDS[column]).join(', ');

/** From this many words on, a query is a pasted question: any word may be missing (OR), ranked by bm25. */
export const FTS_LONG_QUERY_WORDS = 5;

export interface FtsQueryOptions {
  /** Folded words (lower case, no accents) left out of the query, like the app's stop words. */
  stopWords?: ReadonlySet<string>;
  /** Whether the last word is still being typed; by default, when the input does not end with a space or a sign. */
  typing?: boolean;
}

/** One word as an FTS5 string: double quotes around it, a double quote inside doubled. */
export function quoteFtsWord(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

/**
 * The FTS5 MATCH expression of what the agent typed: every word quoted (so no word is read as an operator or a
 * column name), the word still being typed as a prefix (`"wor"*`), all words required for a short query and
 * any of them for a long one. Elided articles are split off at the apostrophe. An empty string when no word is
 * left: there is nothing to search.
 */
export function buildFtsQuery(input: string, options: FtsQueryOptions = {}): string {
  const words = input
    .split(/[\s'’]+/u)
    // Signs around a word ("naissance ?", «passeport») are not part of it; signs inside it are kept.
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
  const meaningful = words
    .map((word, position) => ({ word, position }))
    .filter(({ word }) => !options.stopWords?.has(fold(word)));
  // A query made of stop words only ("qui", "de") is still searched as typed.
  const kept = meaningful.length > 0 ? meaningful : words.map((word, position) => ({ word, position }));
  if (kept.length === 0) return '';
  const typing = options.typing ?? !/[\s\p{P}\p{S}]$/u.test(input);
  const terms = kept.map(({ word, position }) =>
    typing && position === words.length - 1 ? `${quoteFtsWord(word)}*` : quoteFtsWord(word),
  );
  return terms.join(kept.length >= FTS_LONG_QUERY_WORDS ? ' OR ' : ' AND ');
}

export interface FtsRow {
  id: string;
  titre: string;
  mots_cles: string;
  resume: string;
  themes: string;
  body: string;
}

/** The rows of the published fiches, with the same texts as the lunr index (see index-build.ts). */
export function ftsRows(files: ContentFile[]): FtsRow[] {
  const knowledge = parseKnowledge(files);
  const themeLabel = new Map(knowledge.themes.map((theme) => [theme.id, theme.libelle]));
  return publishedFiches(knowledge).map((fiche) => ({
    id: fiche.id,
    titre: fiche.titre,
    mots_cles: fiche.mots_cles.join(' \n '),
    resume: fiche.resume,
    themes: fiche.themes.map((id) => themeLabel.get(id) ?? id).join(' \n '),
    body: markdownToText(fiche.body),
  }));
}

export interface FtsHit {
  id: string;
  titre: string;
  /** Only when asked for: FTS5's snippet() of the body, the matched words in <mark>. */
  snippet?: string;
}

/** An FTS5 search over one database, in memory or opened from a file. */
export class FtsSearch {
  private readonly plain: Database.Statement<[string, number], FtsHit>;
  private readonly withSnippet: Database.Statement<[string, number], FtsHit>;

  constructor(
    readonly db: Database.Database,
    private readonly stopWords?: ReadonlySet<string>,
  ) {
    // The fiche ids sit in a plain table keyed by the FTS rowid, so bm25's weights are exactly FICHE_FIELDS'.
    const select = (snippet: string) =>
      db.prepare<[string, number], FtsHit>(
        `SELECT r.id AS id, m.titre AS titre${snippet ? ', m.snippet AS snippet' : ''}
           FROM (SELECT rowid, titre${snippet ? `, ${snippet} AS snippet` : ''}
                   FROM t WHERE t MATCH ? ORDER BY bm25(t, ${BM25_WEIGHTS}) LIMIT ?) AS m
           JOIN refs AS r ON r.rowid = m.rowid`,
      );
    this.plain = select('');
    this.withSnippet = select(`snippet(t, ${FTS_COLUMNS.indexOf('body')}, '<mark>', '</mark>', '…', 16)`);
  }

  /** Creates the table and indexes the rows, in one transaction. */
  static create(rows: FtsRow[], stopWords?: ReadonlySet<string>, file = ':memory:'): FtsSearch {
    const db = new Database(file);
    db.exec(
      `CREATE VIRTUAL TABLE t USING fts5(${FTS_COLUMNS.join(', ')}, tokenize='unicode61 remove_diacritics 2');
       CREATE TABLE refs (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL);`,
    );
    const insertText = db.prepare(
      `INSERT INTO t (rowid, ${FTS_COLUMNS.join(', ')}) VALUES (?, ${FTS_COLUMNS.map(() => '?').join(', ')})`,
    );
    const insertRef = db.prepare('INSERT INTO refs (rowid, id) VALUES (?, ?)');
    db.transaction(() => {
      rows.forEach((row, i) => {
        insertText.run(i + 1, ...FTS_COLUMNS.map((column) => row[column]));
        insertRef.run(i + 1, row.id);
      });
    })();
    // Merges the b-trees of the incremental inserts, as a built index shipped to the desks would be.
    db.exec(`INSERT INTO t (t) VALUES ('optimize')`);
    return new FtsSearch(db, stopWords);
  }

  /** Opens a database file (written with VACUUM INTO), read-only. */
  static open(file: string, stopWords?: ReadonlySet<string>): FtsSearch {
    return new FtsSearch(new Database(file, { readonly: true }), stopWords);
  }

  /** The best `limit` fiches; with `snippet`, also a passage of each body, as the app's results show one. */
  search(input: string, limit = 20, snippet = false): FtsHit[] {
    const match = buildFtsQuery(input, { stopWords: this.stopWords });
    if (match === '') return [];
    return (snippet ? this.withSnippet : this.plain).all(match, limit);
  }

  /** Size of the database: page_count × page_size. */
  sizeBytes(): number {
    const pages = this.db.pragma('page_count', { simple: true }) as number;
    const pageSize = this.db.pragma('page_size', { simple: true }) as number;
    return pages * pageSize;
  }

  close(): void {
    this.db.close();
  }
}
