import { describe, expect, it, vi } from 'vitest';
import { ficheFile, sampleContent } from '../../../dev/test-support/content';
import { SearchEngine, topByScore } from './engine';
import { buildSearchData } from './index-build';
import { encodeSearchData, PackedIndex } from './packed-index';

const engine = new SearchEngine(buildSearchData(sampleContent(), 'hash'));
const ids = (query: string, themes?: string[]) =>
  engine.search(query, { themes }).results.map((hit) => hit.id);

describe('search engine', () => {
  it('folds accents and elisions: "etat civil" finds "état civil"', () => {
    expect(ids('etat civil')).toEqual(['acte']);
    expect(ids('ÉTAT CIVIL')).toEqual(['acte']);
    expect(ids('demarches')).toEqual(['acte']);
  });

  it('finds a long word despite a typo', () => {
    expect(ids('pasport')[0]).toBe('passeport');
    expect(ids('encombrnts')[0]).toBe('encombrants');
  });

  it('matches the word being typed as a prefix', () => {
    expect(ids('passe')[0]).toBe('passeport');
    expect(ids('encom')).toEqual(['encombrants']);
  });

  it('expands synonyms from synonymes.yml', () => {
    expect(ids('cni')).toEqual(['cni']);
    expect(ids('hlm')).toEqual(['logement']);
  });

  it('requires every word of a short query when some fiche has them all', () => {
    expect(ids('passeport timbre')).toEqual(['passeport']);
    expect(ids('carte perdue')).toEqual(['cni']);
  });

  it('ranks a pasted question by the words it shares with each fiche, without needing all of them', () => {
    const question =
      "Bonjour, ma mère a perdu sa carte d'identité la semaine dernière au marché, que doit-elle faire pour la refaire rapidement ?";
    expect(ids(question)[0]).toBe('cni');
  });

  it('ranks the fiche whose title answers first', () => {
    expect(ids('passeport')[0]).toBe('passeport');
  });

  it('never shows drafts', () => {
    expect(ids('secret')).toEqual([]);
    expect(engine.fiche('brouillon')).toBeUndefined();
  });

  it('counts results by thème and filters on them', () => {
    const response = engine.search('rendez-vous');
    expect(response.facets.map((f) => f.id).sort()).toEqual(['dechets', 'identite']);
    expect(ids('rendez vous', ['dechets'])).toEqual(['encombrants']);
    expect(
      engine
        .search('', { themes: ['identite'] })
        .results.map((h) => h.id)
        .sort(),
    ).toEqual(['cni', 'passeport']);
    expect(engine.search('').results).toEqual([]);
  });

  it('highlights the matched words in the snippet', () => {
    // Two words, the rarest in the fiche's title (a desk query's rarest word must be in a lead field, ranking.ts;
    // here both are as rare, and « passeport » is the title's): both are marked in the body.
    const results = engine.search('passeport timbre').results;
    expect(results.map((hit) => hit.id)).toEqual(['passeport']);
    const snippet = results[0]?.snippet ?? [];
    expect(snippet.filter((s) => s.hit).map((s) => s.text.toLowerCase())).toEqual(['passeport', 'timbre']);
    expect(snippet.map((s) => s.text).join('')).toContain('avec un timbre fiscal');
    // One word found deep in a body is an answer too.
    const [deep] = engine.search('fiscal').results;
    expect(deep?.snippet.filter((s) => s.hit).map((s) => s.text.toLowerCase())).toEqual(['fiscal']);
  });

  it('suggests a spelling, synonyms and thèmes when nothing matches', () => {
    const response = engine.search('pazzzeport');
    expect(response.results).toEqual([]);
    expect(response.suggestions?.spellings).toEqual(['passeport']);
    const synonyms = engine.search('hlmm').suggestions;
    expect(synonyms?.synonyms).toEqual(['hlm', 'logement social']);
    expect(engine.search('dechetterie zzz').suggestions?.themes[0]?.id).toBe('dechets');
  });

  it('searches the contacts directory, and lists it all for an empty query', () => {
    expect(engine.searchContacts('').map((c) => c.id)).toEqual(['dechets-service', 'mairie']);
    expect(engine.searchContacts('collecte').map((c) => c.id)).toEqual(['dechets-service']);
    expect(engine.searchContacts('montrouval mairie')[0]?.id).toBe('mairie');
  });
});

describe('search paging', () => {
  it('returns the results after `offset`, and says whether more follow', () => {
    const all = engine.search('demande', { limit: 50 });
    expect(all.results.length).toBeGreaterThan(1);
    const first = engine.search('demande', { limit: 1 });
    expect(first.has_more).toBe(true);
    expect(first.total).toBe(all.total);
    const second = engine.search('demande', { limit: 1, offset: 1 });
    expect(second.results.map((hit) => hit.id)).toEqual([all.results[1]?.id]);
    const last = engine.search('demande', { limit: 50, offset: all.results.length - 1 });
    expect(last.results.map((hit) => hit.id)).toEqual([all.results.at(-1)?.id]);
    expect(last.has_more).toBe(false);
  });

  it('gives the results of a page their snippets', () => {
    const page = engine.search('passeport', { limit: 1, offset: 0 });
    expect(page.results[0]?.snippet.some((segment) => segment.hit)).toBe(true);
  });
});

describe('topByScore', () => {
  const fiche = sampleFiche();
  const entries = [3, 9, 1, 9, 7, 2, 8, 5, 4, 6, 0, 9].map((score, i) => ({
    fiche: { ...fiche, id: `f${i}` },
    score,
  }));
  it('keeps the best in order, ties in their given order, as a full sort does', () => {
    const full = [...entries].sort((a, b) => b.score - a.score);
    for (const count of [1, 2, 3, 5, 20]) {
      const top = topByScore(entries, count);
      expect(
        top.slice(0, count).map((e) => e.fiche.id),
        String(count),
      ).toEqual(full.slice(0, count).map((e) => e.fiche.id));
    }
    expect(topByScore(entries, 0)).toEqual([]);
  });

  it('breaks ties with the order given, past the threshold as below it', () => {
    const byScoreThenId = (a: (typeof entries)[number], b: (typeof entries)[number]) =>
      b.score - a.score || b.fiche.id.localeCompare(a.fiche.id);
    const full = [...entries].sort(byScoreThenId);
    for (const count of [1, 2, 3, 5, 20]) {
      expect(
        topByScore(entries, count, byScoreThenId)
          .slice(0, count)
          .map((e) => e.fiche.id),
        String(count),
      ).toEqual(full.slice(0, count).map((e) => e.fiche.id));
    }
  });
});

function sampleFiche() {
  const any = engine.fiche('passeport');
  if (!any) throw new Error('sample fiche missing');
  return any;
}

describe('an engine prepared in steps (a swap)', () => {
  const packed = () => new PackedIndex(encodeSearchData(buildSearchData(sampleContent(), 'hash')), false);
  const queries = ['passeport', 'etat civil', 'encombrnts', 'zzzz introuvable', 'ca'];

  it('answers as an engine made at once', async () => {
    const prepared = await SearchEngine.prepared(packed());
    const plain = new SearchEngine(packed());
    for (const query of queries) expect(prepared.search(query)).toEqual(plain.search(query));
  });

  it('has made ahead what a first query makes: the first search sorts no refs', async () => {
    const compare = vi.spyOn(String.prototype, 'localeCompare');
    try {
      const prepared = await SearchEngine.prepared(packed());
      compare.mockClear();
      prepared.search('passeport');
      expect(compare).not.toHaveBeenCalled();
      // Unprepared, the first search orders the refs (the ranking's ties) itself.
      new SearchEngine(packed()).search('passeport');
      expect(compare).toHaveBeenCalled();
    } finally {
      compare.mockRestore();
    }
  });

  it('answers alike while it is prepared, and keeps what a query made between the steps (an engine in place)', () => {
    const withComplement = () =>
      new PackedIndex(
        encodeSearchData(
          buildSearchData(
            [
              ...sampleContent(),
              ficheFile('passeport-ici', { titre: 'Passeport ici', complete: 'passeport' }),
            ],
            'hash',
          ),
        ),
        false,
      );
    const plain = new SearchEngine(withComplement());
    const expected = queries.map((query) => plain.search(query));
    const inPlace = new SearchEngine(withComplement());
    const steps = inPlace.preparing();
    steps.next();
    // The preparation has begun its lookup maps when a query makes them itself.
    const made = inPlace.complements('passeport');
    expect(made.map((fiche) => fiche.id)).toEqual(['passeport-ici']);
    let q = 0;
    while (!steps.next().done) {
      const i = q++ % queries.length;
      expect(inPlace.search(queries[i] ?? '')).toEqual(expected[i]);
    }
    expect(q).toBeGreaterThan(queries.length);
    queries.forEach((query, i) => expect(inPlace.search(query)).toEqual(expected[i]));
    // The query's maps were kept, not replaced by the preparation's copy.
    expect(inPlace.complements('passeport')).toBe(made);
  });
});
