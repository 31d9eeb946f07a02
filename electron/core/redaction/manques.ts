// What agents could not find: the searches with no result and those of contacts that ended « non résolu »,
// grouped by similar query (the same analysed terms, in any order), and the fiches agents flagged as not
// useful. Each entry can become a new draft fiche or a keyword of an existing one (synonyms: vocabulary.ts).
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import type { BacklogPage, ManqueStatut } from '../../../common/redaction/manques';
import { MANQUES_PAR_PAGE } from '../../../common/redaction/manques';
import { addDaysToDay, parisDay } from '../../../common/dates';
import { ConflictError, RefusedError } from '../errors';
import { isWindowsDeviceName } from '../knowledge/content-files';
import { fold } from '../../../common/text';
import { terms } from '../search/analyzer';
import type { RawBuilder } from '../store/db';
import { sql, type Db } from '../store/db';
import type { FeedbackMotif } from '../../../common/redaction/codes';
import { DRAFT_REVIEW_DAYS } from '../../../common/redaction/codes';
import type { EditorContext } from './documents';
import { newFilePath } from './documents';
import { diskFileExists } from './files';
import { writeDocument } from './save';
import type { BacklogFiche, BacklogQuery } from '../../../common/redaction/types';

/** Fiches flagged shown at most; the list is sorted by count. */
const MAX_GROUPS = 300;
/** Query groups read at most (then paged by 25): far more than a period's real backlog. */
const MAX_QUERY_GROUPS = 5000;
const MAX_EXAMPLES = 5;

/**
 * The key of similar queries: their analysed terms (accents folded, stop words dropped, stemmed), each once, in
 * alphabetical order, so « cartes d'identité » and « carte identite » meet. A query of stop words only keeps its
 * folded text.
 */
export function queryKey(text: string): string {
  const unique = [...new Set(terms(text))].sort();
  return unique.length > 0 ? unique.join(' ') : fold(text).trim().replace(/\s+/g, ' ');
}

interface Period {
  du?: string;
  au?: string;
}

/** The last word of a query: what was being typed when it was cut short. */
const LAST_WORD = /([\p{L}\p{N}]+)[^\p{L}\p{N}]*$/u;

/**
 * A query too short or obviously cut mid-typing (« bonjour, je », « carte d », « permis de »): it ends with a
 * separator, or its last word is a stop word the analyser drops. Such searches are not what agents could not
 * find, only how far they had typed: the backlog leaves them out.
 */
export function isPartialQuery(text: string): boolean {
  const folded = fold(text).trim();
  if (folded.replace(/[^\p{L}\p{N}]/gu, '').length < 3) return true;
  if (/[,;:'’\-/(]$/.test(folded)) return true;
  const last = LAST_WORD.exec(folded)?.[1] ?? '';
  // A word the analyser keeps nothing of (« je », « de », « d »), ending a query of several words.
  return folded.includes(' ') && last.length <= 3 && terms(last).length === 0;
}

function periodWhere(column: string, period: Period): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (period.du) parts.push(sql`${sql.ref(column)} >= ${period.du}`);
  if (period.au) parts.push(sql`${sql.ref(column)} <= ${period.au}`);
  return parts.length > 0 ? sql.join(parts, sql` AND `) : sql`1 = 1`;
}

interface QueryRow {
  requete: string;
  total: number;
  sans_resultat: number;
  non_resolu: number;
  derniere: string;
}

async function backlogQueries(db: Db, period: Period): Promise<BacklogQuery[]> {
  const where = periodWhere('r.jour', period);
  // One row per distinct text, then merged by key in TypeScript: the analyser is not SQL.
  const rows = await db.all<QueryRow>(
    sql`SELECT r.requete, count(*) AS total,
              sum(CASE WHEN r.resultats = 0 THEN 1 ELSE 0 END) AS sans_resultat,
              sum(CASE WHEN j.issue = 'non_resolu' THEN 1 ELSE 0 END) AS non_resolu,
              max(r.horodatage) AS derniere
        FROM recherches r LEFT JOIN journal j ON j.id = r.entree_id
        WHERE (r.resultats = 0 OR j.issue = 'non_resolu') AND ${where}
        GROUP BY r.requete`,
  );
  const groups = new Map<string, { query: BacklogQuery; texts: Array<[string, number]> }>();
  for (const row of rows) {
    if (isPartialQuery(row.requete)) continue;
    const cle = queryKey(row.requete);
    let group = groups.get(cle);
    if (!group) {
      group = {
        query: { cle, exemples: [], sansResultat: 0, nonResolu: 0, total: 0, derniere: row.derniere },
        texts: [],
      };
      groups.set(cle, group);
    }
    group.query.sansResultat += row.sans_resultat;
    group.query.nonResolu += row.non_resolu;
    group.query.total += row.total;
    if (row.derniere > group.query.derniere) group.query.derniere = row.derniere;
    group.texts.push([row.requete, row.total]);
  }
  return [...groups.values()]
    .map(({ query, texts }) => ({
      ...query,
      exemples: texts
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'fr'))
        .slice(0, MAX_EXAMPLES)
        .map(([text]) => text),
    }))
    .sort((a, b) => b.total - a.total || b.derniere.localeCompare(a.derniere))
    .slice(0, MAX_QUERY_GROUPS);
}

async function flaggedFiches(db: Db, ctx: EditorContext, period: Period): Promise<BacklogFiche[]> {
  const rows = await db.all<{ fiche_id: string; utile: number; motif: FeedbackMotif | null; n: number }>(
    sql`SELECT fiche_id, utile, motif, count(*) AS n FROM avis_fiches WHERE ${periodWhere('jour', period)}
        GROUP BY fiche_id, utile, motif`,
  );
  const byFiche = new Map<string, BacklogFiche>();
  const fiches = new Map(ctx.knowledge.fiches.map((fiche) => [fiche.id, fiche]));
  for (const row of rows) {
    let entry = byFiche.get(row.fiche_id);
    if (!entry) {
      const fiche = fiches.get(row.fiche_id);
      entry = {
        ficheId: row.fiche_id,
        titre: fiche?.titre ?? row.fiche_id,
        origine: fiche?.origine ?? null,
        nonUtile: 0,
        utile: 0,
        motifs: {},
      };
      byFiche.set(row.fiche_id, entry);
    }
    const n = row.n;
    if (row.utile === 1) entry.utile += n;
    else {
      entry.nonUtile += n;
      if (row.motif) entry.motifs[row.motif] = (entry.motifs[row.motif] ?? 0) + n;
    }
  }
  return [...byFiche.values()]
    .filter((entry) => entry.nonUtile > 0)
    .sort((a, b) => b.nonUtile - a.nonUtile || a.titre.localeCompare(b.titre, 'fr'))
    .slice(0, MAX_GROUPS);
}

/** The first fiche a query finds in the index now, or undefined. */
export type FindNow = (query: string) => { ficheId: string; titre: string } | undefined;

async function statuses(db: Db): Promise<Map<string, ManqueStatut>> {
  const rows = await db.all<{ cle: string; statut: ManqueStatut }>(
    sql`SELECT cle, statut FROM manques_statuts`,
  );
  return new Map(rows.map((row) => [row.cle, row.statut]));
}

/**
 * One page of the backlog's query groups (25, the most frequent first), each with its status and what its query
 * finds now; a status filter keeps only its groups. The flagged fiches come whole.
 */
export async function backlogList(
  db: Db,
  ctx: EditorContext,
  request: Period & { statut?: ManqueStatut; page?: number },
  findNow: FindNow = () => undefined,
): Promise<BacklogPage> {
  const known = await statuses(db);
  const all = (await backlogQueries(db, request)).map((query) => ({
    ...query,
    statut: known.get(query.cle) ?? ('a_traiter' as const),
  }));
  const parStatut: Record<ManqueStatut, number> = { a_traiter: 0, traite: 0, ignore: 0 };
  for (const group of all) parStatut[group.statut] += 1;
  const kept = request.statut ? all.filter((group) => group.statut === request.statut) : all;
  const pages = Math.max(1, Math.ceil(kept.length / MANQUES_PAR_PAGE));
  const page = Math.min(request.page ?? 1, pages);
  const requetes = kept
    .slice((page - 1) * MANQUES_PAR_PAGE, page * MANQUES_PAR_PAGE)
    .map((group) => ({ ...group, trouveMaintenant: findNow(group.exemples[0] ?? group.cle) ?? null }));
  return {
    du: request.du ?? null,
    au: request.au ?? null,
    requetes,
    total: kept.length,
    page,
    pages,
    parPage: MANQUES_PAR_PAGE,
    parStatut,
    fiches: await flaggedFiches(db, ctx, request),
  };
}

/** Sets a group's status (« à traiter », « traité », « ignoré »), audited in the same transaction. */
export async function setBacklogStatus(
  db: Db,
  actor: Actor,
  input: { cle: string; statut: ManqueStatut },
  now: Date,
): Promise<{ cle: string; statut: ManqueStatut }> {
  await db.transaction(async (tx) => {
    const before =
      (await tx.value<ManqueStatut>(sql`SELECT statut FROM manques_statuts WHERE cle = ${input.cle}`)) ??
      'a_traiter';
    await tx.run(
      sql`INSERT INTO manques_statuts (cle, statut, modifie_le, modifie_par)
          VALUES (${input.cle}, ${input.statut}, ${now.toISOString()}, ${actor.compteId})
          ON CONFLICT (cle) DO UPDATE SET statut = excluded.statut, modifie_le = excluded.modifie_le,
            modifie_par = excluded.modifie_par`,
    );
    await recordAudit(
      tx,
      actor,
      {
        action: 'modification',
        objet: 'manque',
        objetId: input.cle,
        avant: { statut: before },
        apres: { statut: input.statut },
      },
      now,
    );
  });
  return { cle: input.cle, statut: input.statut };
}

const MAX_SLUG = 60;

/** An id from a text: folded, lower case, words joined by « - », at most 60 characters (cut between words). */
export function slugOf(text: string): string {
  let slug = fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG)
    slug = slug.slice(0, MAX_SLUG).replace(/-[^-]*$/, '') || slug.slice(0, MAX_SLUG);
  return slug || 'fiche';
}

/** The slug of `text`, with « -2 », « -3 »… when a fiche, a contact or a file already has it. */
export function uniqueId(ctx: EditorContext, text: string): string {
  const taken = new Set([...ctx.knowledge.fiches, ...ctx.knowledge.contacts].map((item) => item.id));
  const base = slugOf(text);
  const free = (id: string) =>
    !taken.has(id) &&
    // « aux », « con »… are words, but names Windows keeps for devices: such a slug takes a number.
    !isWindowsDeviceName(id) &&
    !diskFileExists(ctx.contentDir, newFilePath('fiche', id)) &&
    !diskFileExists(ctx.contentDir, newFilePath('contact', id));
  if (free(base)) return base;
  for (let n = 2; ; n++) if (free(`${base}-${n}`)) return `${base}-${n}`;
}

const DRAFT_BODY = `## Qui peut faire la demande

## Démarche

## À savoir
`;

/**
 * A new draft fiche for a query agents could not answer: titled after it, the query as its first keyword, held
 * by the editor who created it, due for review in 30 days. `theme` is the nearest existing thème.
 */
export async function createDraft(
  db: Db,
  actor: Actor,
  who: string,
  ctx: EditorContext,
  input: { query: string; theme: string },
  now: Date,
): Promise<{ kind: 'fiche'; id: string; path: string }> {
  const query = input.query.trim().replace(/\s+/g, ' ');
  const id = uniqueId(ctx, query);
  const today = parisDay(now);
  const result = await writeDocument(
    db,
    actor,
    ctx,
    {
      kind: 'fiche',
      id,
      baseVersion: null,
      action: 'creation',
      build: () => ({
        frontMatter: {
          id,
          titre: query.charAt(0).toLocaleUpperCase('fr') + query.slice(1),
          resume: 'À rédiger : la réponse essentielle, en une ou deux phrases.',
          themes: [input.theme],
          mots_cles: [query],
          mise_a_jour: today,
          a_revoir: addDaysToDay(today, DRAFT_REVIEW_DAYS),
          responsable: who,
          statut: 'brouillon',
        },
        body: DRAFT_BODY,
      }),
    },
    now,
  );
  if (result.status === 'conflict') {
    throw new ConflictError(`Une fiche « ${id} » vient d'être créée par ailleurs : réessayez.`);
  }
  if (result.status === 'invalid') {
    throw new RefusedError(
      `Le brouillon ne peut pas être créé : ${result.problems.map((p) => p.message).join(' ; ')}`,
    );
  }
  return { kind: 'fiche', id, path: result.path };
}

function textList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Adds the query to a local fiche's keywords (once: compared without case or accents). */
export async function addKeyword(
  db: Db,
  actor: Actor,
  ctx: EditorContext,
  input: { ficheId: string; query: string },
  now: Date,
): Promise<{ id: string; mots_cles: string[]; version: string }> {
  const query = input.query.trim().replace(/\s+/g, ' ');
  const known = ctx.knowledge.fiches.find((fiche) => fiche.id === input.ficheId);
  if (known?.origine === 'national') {
    throw new RefusedError(
      `La fiche « ${known.titre} » est nationale, en lecture seule : ajoutez plutôt « ${query} » comme synonyme d’un mot de son titre (Vocabulaire).`,
    );
  }
  let keywords: string[] = [];
  const result = await writeDocument(
    db,
    actor,
    ctx,
    {
      kind: 'fiche',
      id: input.ficheId,
      baseVersion: undefined,
      action: 'modification',
      build: (current) => {
        keywords = textList(current?.frontMatter.mots_cles);
        if (!keywords.some((word) => fold(word).trim() === fold(query))) keywords = [...keywords, query];
        return { frontMatter: { ...current?.frontMatter, mots_cles: keywords }, body: current?.body ?? '' };
      },
    },
    now,
  );
  if (result.status === 'invalid') {
    throw new RefusedError(
      `La fiche a des erreurs à corriger d’abord dans l’éditeur : ${result.problems.map((p) => p.message).join(' ; ')}`,
    );
  }
  if (result.status === 'conflict') throw new ConflictError('La fiche a changé entre-temps : réessayez.');
  return { id: input.ficheId, mots_cles: keywords, version: result.version };
}

/** The thème of a new draft: the commonest among the fiches the query finds, else the first of themes.yml. */
export function nearestTheme(
  engine: { search: (q: string) => { facets: Array<{ id: string }> } },
  knowledge: EditorContext['knowledge'],
  query: string,
): string {
  const own = new Set(knowledge.themes.map((theme) => theme.id));
  const found = engine.search(query).facets.find((facet) => own.has(facet.id));
  return found?.id ?? knowledge.themes[0]?.id ?? 'a-classer';
}
