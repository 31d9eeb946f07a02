// A year of the orientation log that reads like a real one, for the benches (logging, dashboard, annual review):
// deterministic (seeded), weekdays only (public holidays with a fixed date off), desk hours 8 h – 18 h with the
// morning and early-afternoon peaks, September and January busy and August quiet, about 70 % answered at the
// first level, channels that follow each point's kind, the thèmes, fiches and services of the demo knowledge
// base (the most consulted fiches far ahead, as at a real desk), and the desk's searches, some with no result.
//
// It writes straight into the tables in ONE transaction, several hundred rows per INSERT: a million entries take
// seconds, not the hours the API would (each API call is its own durable transaction, which is the point there).
// The same statements run on SQLite and PostgreSQL.
import type { PointType } from '../../common/points/methods';
import { ISSUES, JOURNAL_CANAUX, MOTIFS } from '../../common/journal/codes';
import { readContentFolder } from '../../electron/core/knowledge/content-files';
import { parseKnowledge } from '../../electron/core/knowledge/parse';
import type { KnowledgeBase } from '../../common/knowledge/types';
import { STOP_WORDS } from '../../electron/core/search/stopwords';
import { sql, type Db, type RawBuilder } from '../../electron/core/store/db';
import { DEMO_CONTENT_DIR } from '../lib/paths';
import { seededRandom } from './synthetic-corpus';

export interface JournalDataOptions {
  /** How many log entries to write. */
  entries: number;
  /** The calendar year they fall in. */
  year: number;
  /**
   * The reception points: ids of existing points, or a number N — the database's points are used, and synthetic
   * points (codes BENCH-01…) are added until there are N.
   */
  points: number | readonly number[];
  seed?: number;
  /** Fiches, contacts and thèmes to draw from; the demo content by default. */
  knowledge?: Pick<KnowledgeBase, 'fiches' | 'contacts' | 'themes'>;
  /** Write the desk's searches too (about one per entry with a fiche, plus abandoned ones). Default true. */
  searches?: boolean;
  /** Accounts the entries are logged by (none by default: compte_id NULL). */
  compteIds?: readonly number[];
  /** The last day to fill (« YYYY-MM-DD »): a year still under way has no entries after today. */
  until?: string;
}

export interface JournalDataSummary {
  entries: number;
  fiches: number;
  searches: number;
  pointIds: number[];
  firstId: number;
  lastId: number;
  ms: number;
}

// The codes drawn are the log's own (journal/codes.ts); the weights below follow their order.
/** Channel weights by point kind, in the order of JOURNAL_CANAUX. */
const CANAL_WEIGHTS: Record<PointType, readonly number[]> = {
  physique: [80, 12, 5, 2, 1],
  mixte: [55, 35, 7, 2, 1],
  telephonique: [3, 90, 5, 2, 0],
  numerique: [0, 5, 70, 5, 20],
};

/** In the order of ISSUES. */
const ISSUE_WEIGHTS = [70, 12, 5, 5, 3, 5];
/** In the order of MOTIFS. */
const MOTIF_WEIGHTS = [40, 25, 25, 10];

/** Opening hours 8 h … 17 h (the last contacts start before 18 h): the morning and 14 h – 16 h peaks. */
const HOURS = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
const HOUR_WEIGHTS = [4, 8, 10, 10, 7, 5, 7, 8, 7, 4];
/** January (renewals, new year) and September (school start) are busy, August is quiet. */
const MONTH_FACTORS = [1.15, 1, 1, 1.05, 0.95, 1, 0.8, 0.55, 1.25, 1.05, 1, 0.85];
/** Monday is the busiest day, Wednesday and Friday the quietest (index: getUTCDay, 1 = Monday). */
const WEEKDAY_FACTORS = [0, 1.2, 1, 0.9, 1, 0.9, 0];
/** Public holidays with a fixed date (MM-DD): the desks are closed. */
const FIXED_HOLIDAYS = new Set(['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25']);

/** Searches typed for what the base does not cover (they end "non résolu, pas de fiche"). */
const GAP_QUERIES = [
  'permis de louer',
  'composteur collectif',
  'borne recharge velo',
  'jardin partage',
  'nid de frelons',
  'location salle fete',
  'chien dangereux permis',
  'ravalement facade aide',
  'bruit voisinage nuit',
  'arbre tombe trottoir',
  'cours de francais adultes',
  'colis alimentaire urgence week-end',
];

const POINT_MODELS: readonly { entite: string; type: PointType; nom: string }[] = [
  { entite: 'ville', type: 'physique', nom: 'Hôtel de ville (bench)' },
  { entite: 'ville', type: 'mixte', nom: 'Mairie annexe (bench)' },
  { entite: 'ville', type: 'telephonique', nom: 'Allô Mairie (bench)' },
  { entite: 'ccas', type: 'physique', nom: 'CCAS (bench)' },
  { entite: 'metropole', type: 'mixte', nom: 'Maison de la Métropole (bench)' },
  { entite: 'ville', type: 'numerique', nom: 'Accueil numérique (bench)' },
];

/** Cumulative weights, for drawing an index with one random number and a binary search. */
function picker(weights: readonly number[], random: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const weight of weights) {
    total += weight;
    cumulative.push(total);
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return low;
  };
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`index ${index} out of range (${items.length})`);
  return item;
}

/** The demo content's fiches, contacts and thèmes. */
export function demoKnowledge(): Pick<KnowledgeBase, 'fiches' | 'contacts' | 'themes'> {
  return parseKnowledge(readContentFolder(DEMO_CONTENT_DIR).files);
}

/** Existing points, completed by synthetic ones up to `wanted`. */
async function ensurePoints(db: Db, wanted: number | readonly number[], year: number): Promise<number[]> {
  if (typeof wanted !== 'number') return [...wanted];
  const existing = (await db.all<{ id: number }>(sql`SELECT id FROM points ORDER BY id`)).map(
    (row) => row.id,
  );
  for (let index = existing.length; index < wanted; index++) {
    const model = at(POINT_MODELS, index % POINT_MODELS.length);
    const code = `BENCH-${String(index + 1).padStart(2, '0')}`;
    const nom = `${model.nom} ${index + 1}`;
    const id = await db.value<number>(
      sql`INSERT INTO points (code, nom, entite, type, cree_le)
          VALUES (${code}, ${nom}, ${model.entite}, ${model.type}, ${`${year - 1}-01-01T00:00:00.000Z`})
          RETURNING id`,
    );
    if (id === undefined) throw new Error('points insert returned no id');
    existing.push(id);
  }
  return existing.slice(0, wanted);
}

/**
 * Entries per INSERT. SQLite: 400 (12 columns × 400, well under its 32,766 bound parameters). PostgreSQL, where
 * each statement is a round trip to the server: 2,000 — 24,000 parameters for the entries, at most 12,000 for
 * their fiches (3 each) and 24,000 for their searches (2 each), under its 65,535 per statement.
 */
const ROWS_PER_INSERT = { sqlite: 400, postgres: 2_000 } as const;

/** Rows kept for one table until they are written, several hundred per statement. */
class Pending {
  private rows: unknown[][] = [];
  constructor(private readonly insert: (values: RawBuilder<unknown>) => RawBuilder<unknown>) {}

  get size(): number {
    return this.rows.length;
  }

  push(row: unknown[]): void {
    this.rows.push(row);
  }

  /** Writes what is pending; how many rows were inserted. */
  async flush(db: Db): Promise<number> {
    if (this.rows.length === 0) return 0;
    const values = sql.join(this.rows.map((row) => sql`(${sql.join(row)})`));
    this.rows = [];
    return (await db.run(this.insert(values))).changes;
  }
}

interface Day {
  jour: string;
  /** Paris offset from UTC on that day, in hours (1 in winter, 2 in summer). */
  offset: number;
  weight: number;
}

const PARIS_HOUR = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  hour12: false,
});

function openDays(year: number): Day[] {
  const days: Day[] = [];
  for (let date = new Date(Date.UTC(year, 0, 1, 12)); date.getUTCFullYear() === year;) {
    const weekday = date.getUTCDay();
    const jour = date.toISOString().slice(0, 10);
    const weight = (WEEKDAY_FACTORS[weekday] ?? 0) * (MONTH_FACTORS[date.getUTCMonth()] ?? 1);
    if (weight > 0 && !FIXED_HOLIDAYS.has(jour.slice(5))) {
      days.push({ jour, offset: Number(PARIS_HOUR.format(date)) - 12, weight });
    }
    date = new Date(date.getTime() + 86_400_000);
  }
  return days;
}

/** Splits `total` over the days in proportion to their weights, exactly (largest remainders). */
function perDay(days: readonly Day[], total: number): number[] {
  const sum = days.reduce((acc, day) => acc + day.weight, 0);
  const exact = days.map((day) => (day.weight / sum) * total);
  const counts = exact.map(Math.floor);
  let missing = total - counts.reduce((acc, count) => acc + count, 0);
  const order = exact.map((value, index) => ({ index, rest: value - Math.floor(value) }));
  order.sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of order) {
    if (missing-- <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

/** A search as a desk would type it: one of the fiche's keywords, or one to three words of its title. */
function queryFor(
  fiche: { keywords: readonly string[]; titleWords: readonly string[] },
  random: () => number,
): string {
  if (fiche.keywords.length > 0 && (random() < 0.6 || fiche.titleWords.length === 0))
    return at(fiche.keywords, Math.floor(random() * fiche.keywords.length));
  const words = fiche.titleWords;
  const count = Math.min(words.length, 1 + Math.floor(random() * 3));
  const start = Math.floor(random() * Math.max(1, words.length - count + 1));
  return words.slice(start, start + count).join(' ');
}

/** Lower case, spaces collapsed: the form `recherches.requete` keeps. */
function normalised(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

function titleWordsOf(text: string): string[] {
  return normalised(text)
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word));
}

/** Writes a realistic year of log entries (and searches) in one transaction. */
export async function generateJournal(db: Db, options: JournalDataOptions): Promise<JournalDataSummary> {
  const started = performance.now();
  const random = seededRandom(options.seed ?? 20_250_101);
  const knowledge = options.knowledge ?? demoKnowledge();
  const fiches = knowledge.fiches.filter((fiche) => fiche.statut === 'publiee');
  const contacts = knowledge.contacts.map((contact) => contact.id);
  const themes = knowledge.themes.map((theme) => theme.id);
  if (fiches.length === 0 || contacts.length === 0 || themes.length === 0)
    throw new Error('generateJournal needs fiches, contacts and thèmes');
  const withSearches = options.searches ?? true;
  const comptes = options.compteIds ?? [];

  // Fiches in a seeded order, drawn with Zipf-like weights: a handful (identity papers, civil status…) make most
  // of the consultations, as the usage statistics of real bases show.
  const ficheOrder = fiches.map((fiche) => ({ fiche, key: random() })).sort((a, b) => a.key - b.key);
  const rankedFiches = ficheOrder.map(({ fiche }) => ({
    id: fiche.id,
    theme: fiche.themes[0] ?? null,
    service: fiche.services[0] ?? null,
    keywords: fiche.mots_cles.map(normalised).filter((keyword) => keyword.length > 0),
    titleWords: titleWordsOf(fiche.titre),
  }));
  const pickFiche = picker(
    rankedFiches.map((_, rank) => 1 / (rank + 1) ** 0.9),
    random,
  );
  const pickContact = picker(
    contacts.map((_, rank) => 1 / (rank + 1) ** 0.7),
    random,
  );
  const pickTheme = picker(
    themes.map(() => 1),
    random,
  );
  const pickIssue = picker(ISSUE_WEIGHTS, random);
  const pickMotif = picker(MOTIF_WEIGHTS, random);
  const pickHour = picker(HOUR_WEIGHTS, random);

  const summary: JournalDataSummary = {
    entries: 0,
    fiches: 0,
    searches: 0,
    pointIds: [],
    firstId: 0,
    lastId: 0,
    ms: 0,
  };

  await db.transaction(async (tx) => {
    const pointIds = await ensurePoints(tx, options.points, options.year);
    if (pointIds.length === 0) throw new Error('generateJournal needs at least one point');
    summary.pointIds = pointIds;
    const pointTypes: Array<() => number> = [];
    for (const id of pointIds) {
      const type = await tx.value<PointType>(sql`SELECT type FROM points WHERE id = ${id}`);
      if (type === undefined) throw new Error(`unknown point ${id}`);
      pointTypes.push(picker(CANAL_WEIGHTS[type], random));
    }
    // The first point is the central desk: three times the others.
    const pickPoint = picker(
      pointIds.map((_, index) => (index === 0 ? 3 : 0.5 + random())),
      random,
    );

    const insertEntry = new Pending(
      (values) =>
        sql`INSERT INTO journal (id, horodatage, jour, heure, point_id, compte_id, canal, issue, service_id, motif,
              theme, duree_s) VALUES ${values}`,
    );
    const insertFiche = new Pending(
      (values) =>
        sql`INSERT INTO journal_fiches (entree_id, fiche_id) VALUES ${values} ON CONFLICT DO NOTHING`,
    );
    const insertSearch = new Pending(
      (values) =>
        sql`INSERT INTO recherches (horodatage, jour, point_id, requete, resultats, entree_id) VALUES ${values}`,
    );
    // The entries first: the fiches and searches point to them.
    const flush = async () => {
      await insertEntry.flush(tx);
      summary.fiches += await insertFiche.flush(tx);
      await insertSearch.flush(tx);
    };
    const batch = ROWS_PER_INSERT[tx.engine];
    let id = ((await tx.value<number | null>(sql`SELECT max(id) FROM journal`)) ?? 0) + 1;
    summary.firstId = id;

    const until = options.until;
    const days = openDays(options.year).filter((day) => until === undefined || day.jour <= until);
    const counts = perDay(days, options.entries);
    for (const [dayIndex, day] of days.entries()) {
      const count = counts[dayIndex] ?? 0;
      const [y, m, d] = day.jour.split('-').map(Number) as [number, number, number];
      // The day's contacts in time order, as the desk logs them.
      const instants: { heure: number; seconds: number }[] = [];
      for (let n = 0; n < count; n++) {
        instants.push({ heure: at(HOURS, pickHour()), seconds: Math.floor(random() * 3600) });
      }
      instants.sort((a, b) => a.heure - b.heure || a.seconds - b.seconds);
      for (const { heure, seconds } of instants) {
        const point = pickPoint();
        const pointId = at(pointIds, point);
        const canal = at(JOURNAL_CANAUX, at(pointTypes, point)());
        const issue = at(ISSUES, pickIssue());
        const motif = issue === 'non_resolu' ? at(MOTIFS, pickMotif()) : null;
        const epoch = Date.UTC(y, m - 1, d, heure - day.offset, 0, seconds);
        const horodatage = new Date(epoch).toISOString();

        // A contact answered from a quick thème button has no fiche, no search and no measured duration;
        // one "pas de fiche" found nothing by definition.
        const quick = (issue === 'repondu' && random() < 0.15) || motif === 'pas_de_fiche';
        const consulted = quick ? [] : [at(rankedFiches, pickFiche())];
        if (!quick && random() < 0.35) consulted.push(at(rankedFiches, pickFiche()));
        if (!quick && random() < 0.1) consulted.push(at(rankedFiches, pickFiche()));
        const main = consulted[0];

        let service: string | null = null;
        if (issue === 'oriente_fiche') service = main?.service ?? at(contacts, pickContact());
        else if (issue === 'oriente_autre') service = at(contacts, pickContact());
        else if (issue === 'rendez_vous' || issue === 'transmis')
          service = random() < 0.6 ? (main?.service ?? null) : at(contacts, pickContact());
        let theme: string | null = main?.theme ?? null;
        if (theme === null && (quick ? random() < 0.9 : random() < 0.5)) theme = at(themes, pickTheme());
        const duree =
          main === undefined && motif !== 'pas_de_fiche' ? null : Math.round(durationSeconds(random));

        insertEntry.push([
          id,
          horodatage,
          day.jour,
          heure,
          pointId,
          comptes.length === 0 ? null : at(comptes, Math.floor(random() * comptes.length)),
          canal,
          issue,
          service,
          motif,
          theme,
          duree,
        ]);
        // A fiche drawn twice for one contact is kept once (the key of journal_fiches).
        for (const ficheId of new Set(consulted.map((fiche) => fiche.id))) insertFiche.push([id, ficheId]);

        if (withSearches) {
          const searchedAt = new Date(epoch - (duree ?? 30) * 1000).toISOString();
          if (motif === 'pas_de_fiche') {
            insertSearch.push([
              searchedAt,
              day.jour,
              pointId,
              at(GAP_QUERIES, Math.floor(random() * GAP_QUERIES.length)),
              0,
              id,
            ]);
            summary.searches++;
          } else if (main !== undefined && random() < 0.8) {
            insertSearch.push([
              searchedAt,
              day.jour,
              pointId,
              queryFor(main, random),
              1 + Math.floor(random() * 20),
              id,
            ]);
            summary.searches++;
          }
          // Searches that led to no logged contact (a look-up between two citizens, a typo retyped).
          if (random() < 0.05) {
            const fiche = at(rankedFiches, pickFiche());
            const empty = random() < 0.2;
            insertSearch.push([
              searchedAt,
              day.jour,
              pointId,
              empty ? at(GAP_QUERIES, Math.floor(random() * GAP_QUERIES.length)) : queryFor(fiche, random),
              empty ? 0 : 1 + Math.floor(random() * 20),
              null,
            ]);
            summary.searches++;
          }
        }
        summary.entries++;
        id++;
        if (insertEntry.size >= batch) await flush();
      }
    }
    await flush();
    summary.lastId = id - 1;
    // The ids were given here: PostgreSQL's sequence must move past them for the next logged contact.
    if (tx.engine === 'postgres' && summary.entries > 0)
      await tx.run(sql`SELECT setval(pg_get_serial_sequence('journal', 'id'), ${summary.lastId})`);
  });
  summary.ms = performance.now() - started;
  return summary;
}

/** A contact's length: log-normal around 2 min 30 s, most between one and six minutes. */
function durationSeconds(random: () => number): number {
  // Box-Muller; 1 - random() keeps the logarithm finite.
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.min(4 * 3600, Math.exp(Math.log(150) + 0.6 * normal));
}
