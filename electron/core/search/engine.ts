import type { SearchHit, SearchResponse, Segment, ThemeRef } from '../../../common/contract';
import { markdownToText } from '../knowledge/render';
import type { Contact, Fiche, KnowledgeBase, Origine } from '../../../common/knowledge/types';
import { lunr } from './analyzer';
import { publishedFiches } from './index-build';
import { rankWithLunrQuery } from './lunr-ranking';
import type { KnownWords, QueryPlan, SearchTuning } from './planner';
import { DEFAULT_TUNING, planQuery } from './planner';
import type { RankedMatch, RankSegment } from './ranking';
import {
  compareMatches,
  ficheScore,
  liftLocalAnswers,
  prepareRanking,
  rankMatches,
  scoreMatches,
} from './ranking';
import { runAtOnce, stepThrough } from '../steps';
import { TermIndex } from './term-index';
import { Vocabulary } from './indexed-terms';
import type { SurfaceLookup } from './packed-index';
import { encodeSearchData, PackedIndex } from './packed-index';
import type { SearchData } from './search-data';
import { makeSnippet } from './snippet';
import { SNIPPET_SOURCE_CHARS, SnippetStore } from './snippet-data';
import type { ThemeProfile } from './suggest';
import { suggest, themeProfiles, themeProfilesInSteps } from './suggest';
import { SynonymTable } from './synonyms';

export interface QueryOptions {
  themes?: string[];
  origine?: Origine;
  limit?: number;
  /** Results to skip: the window asks for the next page as the agent scrolls. */
  offset?: number;
}

export { LOCAL_BOOST } from './ranking';

const DEFAULT_LIMIT = 20;

/** The fields that say what a fiche is about: a desk query's rarest word must be there. */
const FICHE_LEAD_FIELDS = ['titre', 'mots_cles', 'resume', 'themes'];

/** One collator for every French comparison: `localeCompare(…, 'fr')` looks the locale up at each call. */
const COLLATOR = new Intl.Collator('fr');

interface Ranked {
  fiche: Fiche;
  score: number;
  match?: RankedMatch;
  /** The fiche's thèmes by number (see `FicheEntry`). */
  themes: readonly number[];
}

/**
 * A published fiche as the results loop reads it: its thèmes numbered once, so that counting the facets of
 * thousands of matches is arithmetic on numbers rather than a map of strings updated per thème per fiche.
 */
interface FicheEntry {
  fiche: Fiche;
  themes: readonly number[];
}

/**
 * The `count` best of `ranked`, in the order of `compare` (best score first, then anything that breaks ties;
 * remaining ties in their given order). A broad query reaches thousands of fiches and the window shows 20: past
 * a few times `count`, the threshold is found on the bare scores and only the entries above it are sorted.
 */
export function topByScore<T extends { score: number }>(
  ranked: readonly T[],
  count: number,
  compare: (a: T, b: T) => number = (a, b) => b.score - a.score,
): T[] {
  if (count <= 0) return [];
  if (ranked.length <= 4 * count) return [...ranked].sort(compare);
  const scores = new Float64Array(ranked.length);
  ranked.forEach((entry, i) => (scores[i] = entry.score));
  scores.sort();
  const threshold = scores[scores.length - count] ?? Number.NEGATIVE_INFINITY;
  return ranked.filter((entry) => entry.score >= threshold).sort(compare);
}

/** The results' order: by score, equal scores in the ranking's order (`compareMatches`). */
function byScoreThenMatch(a: Ranked, b: Ranked): number {
  return b.score - a.score || (a.match && b.match ? compareMatches(a.match, b.match) : 0);
}

interface Lookups {
  /** The published fiches by id. */
  entries: Map<string, FicheEntry>;
  /** Thème ids by number (`FicheEntry.themes`). */
  themeIds: string[];
  contacts: Map<string, Contact>;
  themeLabels: Map<string, string>;
  synonyms: SynonymTable;
  complementsOf: Map<string, Fiche[]>;
  contactsByType: Map<string, Contact[]>;
}

/** Published fiches numbered per step of `lookupsInSteps`. */
const ENTRIES_PER_STEP = 1000;

function* lookupsInSteps(knowledge: KnowledgeBase): Generator<void, Lookups> {
  const fiches = publishedFiches(knowledge);
  const contacts = new Map(knowledge.contacts.map((contact) => [contact.id, contact]));
  const complementsOf = new Map<string, Fiche[]>();
  const contactsByType = new Map<string, Contact[]>();
  const themeIds: string[] = [];
  const themeNumbers = new Map<string, number>();
  const numberOf = (theme: string) => {
    let number = themeNumbers.get(theme);
    if (number === undefined) {
      number = themeIds.length;
      themeIds.push(theme);
      themeNumbers.set(theme, number);
    }
    return number;
  };
  const entries = new Map<string, FicheEntry>();
  for (const fiche of fiches) {
    entries.set(fiche.id, { fiche, themes: fiche.themes.map(numberOf) });
    if (entries.size % ENTRIES_PER_STEP === 0) yield;
  }
  yield;
  for (const { fiche } of entries.values()) {
    if (!fiche.complete) continue;
    const list = complementsOf.get(fiche.complete);
    if (list) list.push(fiche);
    else complementsOf.set(fiche.complete, [fiche]);
  }
  for (const contact of contacts.values()) {
    if (!contact.type) continue;
    const list = contactsByType.get(contact.type);
    if (list) list.push(contact);
    else contactsByType.set(contact.type, [contact]);
  }
  return {
    entries,
    themeIds,
    contacts,
    themeLabels: new Map(knowledge.themes.map((theme) => [theme.id, theme.libelle])),
    synonyms: new SynonymTable(knowledge.synonyms),
    complementsOf,
    contactsByType,
  };
}

/** A loaded search: the two lunr indexes and what the planner, the snippets and the suggestions need. */
export class SearchEngine {
  readonly knowledge: KnowledgeBase;
  readonly builtAt: string;
  readonly contentHash: string;
  /** The indexes searched: the full build, then the fiches changed since, each masking what it replaces. */
  private readonly ficheSegments: RankSegment[];
  private readonly contactSegments: RankSegment[];
  /** Built from the last full build plus changes indexed on their own: a full rebuild is still due. */
  readonly partial: boolean;
  /** lunr's serialised fiches index, for the benchmark's reference path: only when built in this process. */
  private readonly serializedFiches: object | undefined;
  private lunrIndex: lunr.Index | undefined;
  private profiles: ThemeProfile[] | undefined;
  /** The maps below, made at the first query rather than in the swap (tens of thousands of entries). */
  private lookupTables: Lookups | undefined;
  private readonly surfaceOf: () => SurfaceLookup;
  private surface: SurfaceLookup | undefined;
  /** The snippet data of each build the engine is made of, the newest first. */
  private readonly snippetStores: SnippetStore[];
  /** Per index searched, the published fiche of each of its documents: a match names its fiche by number. */
  private readonly entriesByDoc = new WeakMap<TermIndex, Array<FicheEntry | undefined>>();

  /**
   * From the binary index (persisted, or handed over by the worker): read lazily, nothing decoded but the
   * metadata. Search data built in this process is laid out the same way first, so every engine reads the same
   * structures. With `base`, the engine is `base` plus the files of `data` (indexed on their own), which replace
   * the versions of the same paths in `base`; files listed in `changedPaths` but absent from `data` are removed.
   */
  constructor(
    data: SearchData | PackedIndex,
    private readonly tuning: SearchTuning = DEFAULT_TUNING,
    base?: { engine: SearchEngine; changedPaths: ReadonlySet<string> },
  ) {
    const packed = data instanceof PackedIndex ? data : new PackedIndex(encodeSearchData(data, false), false);
    this.serializedFiches = data instanceof PackedIndex ? undefined : data.fichesIndex;
    this.builtAt = packed.builtAt;
    this.contentHash = packed.contentHash;
    this.partial = base !== undefined;
    const fichesIndex = new TermIndex(packed.fiches, packed.words);
    const contactsIndex = new TermIndex(packed.contacts, packed.words);
    const knowledge = packed.knowledge;
    let surface: SurfaceLookup | undefined;
    const ownSurface = () => (surface ??= packed.surface());
    if (base) {
      const previous = base.engine.knowledge;
      const gone = (item: { path: string }) => base.changedPaths.has(item.path);
      const ids = new Set([...previous.fiches, ...previous.contacts].filter(gone).map((item) => item.id));
      for (const item of [...knowledge.fiches, ...knowledge.contacts]) ids.add(item.id);
      const mask = (segment: RankSegment): RankSegment => ({
        index: segment.index,
        masked: new Set([...(segment.masked ?? []), ...ids]),
      });
      this.knowledge = {
        fiches: [...previous.fiches.filter((f) => !gone(f) && !ids.has(f.id)), ...knowledge.fiches],
        contacts: [...previous.contacts.filter((c) => !gone(c) && !ids.has(c.id)), ...knowledge.contacts],
        themes: previous.themes,
        synonyms: previous.synonyms,
        // Cross-file checks need the whole folder: until the full rebuild, only the changed files' own errors.
        problems: [
          ...previous.problems.filter((p) => !base.changedPaths.has(p.path)),
          ...knowledge.problems.filter((p) => p.severity === 'erreur'),
        ],
      };
      this.ficheSegments = [...base.engine.ficheSegments.map(mask), { index: fichesIndex }];
      this.contactSegments = [...base.engine.contactSegments.map(mask), { index: contactsIndex }];
      const baseSurface = base.engine.surfaceOf;
      this.surfaceOf = () => {
        const own = ownSurface();
        const under = baseSurface();
        return (term) => own(term) ?? under(term);
      };
      this.snippetStores = [new SnippetStore(packed.snippets()), ...base.engine.snippetStores];
    } else {
      this.snippetStores = [new SnippetStore(packed.snippets())];
      this.knowledge = knowledge;
      this.ficheSegments = [{ index: fichesIndex }];
      this.contactSegments = [{ index: contactsIndex }];
      this.surfaceOf = ownSurface;
    }
  }

  private get lookups(): Lookups {
    return (this.lookupTables ??= runAtOnce(lookupsInSteps(this.knowledge)));
  }

  /** The published fiche of each document of `index`, by document number. */
  private entriesOf(index: TermIndex): Array<FicheEntry | undefined> {
    let entries = this.entriesByDoc.get(index);
    if (!entries) {
      const { entries: byId } = this.lookups;
      entries = index.refs.map((ref) => byId.get(ref));
      this.entriesByDoc.set(index, entries);
    }
    return entries;
  }

  /** The published fiche a match stands for: by its document's number when the ranking gives it, else by ref. */
  private entryOf(match: RankedMatch): FicheEntry | undefined {
    const { index, doc } = match;
    if (!index || doc === undefined) return this.lookups.entries.get(match.ref);
    return this.entriesOf(index)[doc];
  }

  private publishedFiches(): Fiche[] {
    return [...this.lookups.entries.values()].map((entry) => entry.fiche);
  }

  /** What the suggestions weigh thèmes by, made at the first query that found nothing. */
  private get themeProfiles(): ThemeProfile[] {
    return (this.profiles ??= themeProfiles(this.knowledge.themes, this.publishedFiches()));
  }

  /**
   * What the first queries would make, made ahead a step at a time: the fiches by id and by document number,
   * the thèmes' numbers, each index's tables for the ranking and its vocabulary for typos, the suggestions'
   * profiles. A swap runs these steps between turns of the event loop before it puts the engine in place
   * (`SearchEngine.prepared`): the first search after a rebuild paid ≈ 100 ms for them. An engine put in place at
   * once runs them afterwards (the search service's `prepareMeanwhile`).
   */
  *preparing(): Generator<void> {
    // An engine already in place may answer queries between the steps: what one of them made meanwhile is kept
    // (`??=` after the steps), never replaced by a copy.
    if (!this.lookupTables) {
      const lookups = yield* lookupsInSteps(this.knowledge);
      this.lookupTables ??= lookups;
    }
    for (const { index } of [...this.ficheSegments, ...this.contactSegments]) {
      yield;
      prepareRanking(index);
      yield;
      index.prepareTypos();
    }
    for (const { index } of this.ficheSegments) {
      yield;
      this.entriesOf(index);
    }
    yield;
    if (!this.profiles) {
      const profiles = yield* themeProfilesInSteps(this.knowledge.themes, this.publishedFiches());
      this.profiles ??= profiles;
    }
    yield;
    this.surface ??= this.surfaceOf();
  }

  /** An engine made from `data` and prepared in steps (see `preparing`), the event loop running between them. */
  static async prepared(data: PackedIndex): Promise<SearchEngine> {
    const engine = new SearchEngine(data);
    await stepThrough(engine.preparing());
    return engine;
  }

  /** Published local fiches that complete the fiche `id`. */
  complements(id: string): Fiche[] {
    return this.lookups.complementsOf.get(id) ?? [];
  }

  /** The services of a fiche: those it names, then the contacts of its pivot types, each once. */
  servicesOf(fiche: Fiche): Contact[] {
    const named = fiche.services.flatMap((id) => this.lookups.contacts.get(id) ?? []);
    const byPivot = fiche.pivots.flatMap((pivot) => this.lookups.contactsByType.get(pivot) ?? []);
    return [...new Set([...named, ...byPivot])];
  }

  /** What the planner may take as a known word: one any segment holds. */
  private known(segments: RankSegment[]): KnownWords {
    return {
      has: (term) => segments.some((segment) => segment.index.has(term)),
      hasPrefix: (word) => segments.some((segment) => segment.index.hasPrefix(word)),
    };
  }

  /** The fiches the plan reaches with their scores, in no particular order (see `byScoreThenMatch`). */
  private rankFiches(plan: QueryPlan): RankedMatch[] {
    if (this.tuning.termAtATime) {
      return scoreMatches(this.ficheSegments, plan, {
        titleField: 'titre',
        firstFields: this.tuning.fieldsFirst ? ['titre', 'mots_cles'] : [],
        leadFields: FICHE_LEAD_FIELDS,
        prefixCap: this.tuning.prefixExpansionCap,
      });
    }
    // The benchmark's reference path: lunr's own query over one full build (a partial engine's serialised index
    // holds only the changed files, so it would silently miss the rest).
    if (this.partial || !this.serializedFiches)
      throw new Error('lunr query ranking needs a full build made in this process');
    this.lunrIndex ??= lunr.Index.load(this.serializedFiches);
    return rankWithLunrQuery(this.lunrIndex, plan, 'titre', FICHE_LEAD_FIELDS);
  }

  /** Forgets the recent prefix and fuzzy expansions (the benchmark measures what they buy). */
  clearCaches(): void {
    for (const segment of [...this.ficheSegments, ...this.contactSegments]) segment.index.clearCaches();
  }

  /** A published fiche by id (drafts are not there). */
  fiche(id: string): Fiche | undefined {
    return this.lookups.entries.get(id)?.fiche;
  }

  contact(id: string): Contact | undefined {
    return this.lookups.contacts.get(id);
  }

  themeRefs(ids: string[]): ThemeRef[] {
    return ids.map((id) => ({ id, libelle: this.lookups.themeLabels.get(id) ?? id }));
  }

  search(query: string, options: QueryOptions = {}): Omit<SearchResponse, 'took_ms'> {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const offset = options.offset ?? 0;
    const filter = new Set(options.themes ?? []);
    const plan = planQuery(query, this.lookups.synonyms, this.known(this.ficheSegments), this.tuning);
    let ranked: Ranked[];
    if (plan.concepts.length === 0) {
      // No meaningful word: with a thème chosen, browse it; otherwise there is nothing to show yet.
      ranked =
        filter.size === 0
          ? []
          : [...this.lookups.entries.values()]
              .sort((a, b) => COLLATOR.compare(a.fiche.titre, b.fiche.titre))
              .map(({ fiche, themes }) => ({ fiche, score: 0, themes }));
    } else {
      ranked = [];
      // In no particular order: the page is picked below, by score then in the ranking's order.
      for (const match of this.rankFiches(plan)) {
        const entry = this.entryOf(match);
        if (!entry) continue;
        const { fiche, themes } = entry;
        ranked.push({ fiche, score: ficheScore(fiche, match.score, plan), match, themes });
      }
      liftLocalAnswers(ranked, plan, query);
    }
    const origins: Record<Origine, number> = { local: 0, national: 0 };
    for (const { fiche } of ranked) origins[fiche.origine]++;
    if (options.origine) ranked = ranked.filter(({ fiche }) => fiche.origine === options.origine);
    // Counted by number; the thèmes listed in the order they were first met, as the facets' ties keep it.
    const { themeIds } = this.lookups;
    const facetCounts = new Int32Array(themeIds.length);
    const facetOrder: number[] = [];
    for (const { themes } of ranked) {
      for (const theme of themes) {
        const count = facetCounts[theme] ?? 0;
        if (count === 0) facetOrder.push(theme);
        facetCounts[theme] = count + 1;
      }
    }
    const filtered =
      filter.size === 0 ? ranked : ranked.filter(({ fiche }) => fiche.themes.some((t) => filter.has(t)));
    const page =
      plan.concepts.length === 0 ? filtered : topByScore(filtered, offset + limit, byScoreThenMatch);
    const results: SearchHit[] = page.slice(offset, offset + limit).map(({ fiche, score, match }) => ({
      id: fiche.id,
      titre: fiche.titre,
      resume: fiche.resume,
      origine: fiche.origine,
      mise_a_jour: fiche.mise_a_jour,
      themes: this.themeRefs(fiche.themes),
      snippet: this.snippet(fiche, match?.matched() ?? []),
      score: Math.round(score * 1000) / 1000,
    }));
    const facets = facetOrder
      .map((theme) => {
        const id = themeIds[theme] ?? '';
        return { id, libelle: this.lookups.themeLabels.get(id) ?? id, count: facetCounts[theme] ?? 0 };
      })
      .sort((a, b) => b.count - a.count || COLLATOR.compare(a.libelle, b.libelle));
    const response: Omit<SearchResponse, 'took_ms'> = {
      query,
      results,
      total: ranked.length,
      has_more: filtered.length > offset + limit,
      facets,
      origins,
    };
    if (ranked.length === 0 && query.trim().length > 0) {
      response.suggestions = suggest(query, {
        vocabulary: this.ficheSegments[0]?.index.vocabulary ?? new Vocabulary([]),
        surface: (this.surface ??= this.surfaceOf()),
        synonyms: this.lookups.synonyms,
        themes: this.themeProfiles,
      });
    }
    return response;
  }

  private snippet(fiche: Fiche, matched: string[]): Segment[] {
    for (const store of this.snippetStores) {
      const snippet = store.snippet(fiche.id, matched);
      if (snippet) return snippet;
    }
    // Not prepared at build time (never for a published fiche of a build): analysed now.
    return makeSnippet(markdownToText(fiche.body, SNIPPET_SOURCE_CHARS), new Set(matched));
  }

  /**
   * The services a desk query names, for the main search box: none for an empty query (the directory lists them
   * all) nor for a pasted question, whose every word would name some service in passing.
   */
  searchServices(query: string, limit: number): Contact[] {
    const plan = planQuery(query, this.lookups.synonyms, this.known(this.contactSegments), this.tuning);
    if (plan.concepts.length === 0 || plan.long) return [];
    return this.rankContacts(plan, limit);
  }

  private rankContacts(plan: QueryPlan, limit: number): Contact[] {
    return rankMatches(this.contactSegments, plan, {
      titleField: 'nom',
      firstFields: [],
      prefixCap: this.tuning.prefixExpansionCap,
    })
      .slice(0, limit)
      .flatMap((match) => this.lookups.contacts.get(match.ref) ?? []);
  }

  /** The contacts directory: every service by name, or those matching the query. */
  searchContacts(query: string, limit = 100): Contact[] {
    const plan = planQuery(query, this.lookups.synonyms, this.known(this.contactSegments), this.tuning);
    if (plan.concepts.length === 0) {
      return [...this.lookups.contacts.values()]
        .sort((a, b) => a.nom.localeCompare(b.nom, 'fr'))
        .slice(0, limit);
    }
    return this.rankContacts(plan, limit);
  }
}
