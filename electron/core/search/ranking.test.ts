import { describe, expect, it } from 'vitest';
import { ficheFile, sampleContent } from '../../../dev/test-support/content';
import { lunr } from './analyzer';
import { buildSearchData } from './index-build';
import { rankWithLunrQuery } from './lunr-ranking';
import { planQuery } from './planner';
import { ficheScore, rankMatches } from './ranking';
import { SynonymTable } from './synonyms';
import type { SerializedLunrIndex } from './term-index';
import { TermIndex } from './term-index';

const data = buildSearchData(sampleContent(), 'hash');
const termIndex = new TermIndex(data.fichesIndex as SerializedLunrIndex);
const lunrIndex = lunr.Index.load(data.fichesIndex);
const synonyms = new SynonymTable(data.knowledge.synonyms);
const plan = (query: string) => planQuery(query, synonyms, termIndex.vocabulary);
const options = { titleField: 'titre', firstFields: [], prefixCap: 150 };

describe('term-at-a-time ranking', () => {
  it('reads the same postings as lunr: every term, every document', () => {
    for (const term of termIndex.vocabulary.terms()) {
      const fromLunr = Object.keys(
        lunrIndex
          .query((q) => q.term(term, { usePipeline: false }))
          .reduce((refs, result) => ({ ...refs, [result.ref]: true }), {} as Record<string, boolean>),
      ).sort();
      const ours = termIndex.refs.filter((_, doc) => termIndex.holds(term, doc)).sort();
      expect(ours, term).toEqual(fromLunr);
    }
  });

  it('keeps the same documents as lunr’s own query under the same coverage rules', () => {
    for (const query of [
      'passeport',
      'carte perdue',
      'cni',
      'rendez-vous mairie',
      'pasport',
      'encom',
      'logement social',
    ]) {
      const ours = rankMatches([{ index: termIndex }], plan(query), options)
        .map((m) => m.ref)
        .sort();
      const theirs = rankWithLunrQuery(lunrIndex, plan(query), 'titre')
        .map((m) => m.ref)
        .sort();
      expect(ours, query).toEqual(theirs);
    }
  });

  it('ranks a title that answers the whole query above a body that mentions it', () => {
    const [first] = rankMatches([{ index: termIndex }], plan('passeport'), options);
    expect(first?.ref).toBe('passeport');
    expect(first?.matched()).toEqual(['passeport']);
  });

  it('caps the expansion of a short prefix to its most frequent terms', () => {
    const all = termIndex.vocabulary.withPrefix('d');
    expect(all.length).toBeGreaterThan(2);
    const capped = termIndex.expandPrefix('d', 2);
    expect(capped).toHaveLength(2);
    const frequencies = all.map((t) => termIndex.frequency(t)).sort((a, b) => b - a);
    expect(capped.map((t) => termIndex.frequency(t))).toEqual(frequencies.slice(0, 2));
  });
});

describe('ties', () => {
  const same = (id: string) => ficheFile(id, { titre: 'Acte de naissance' });
  const indexOf = (ids: string[]) =>
    new TermIndex(buildSearchData(ids.map(same), 'h').fichesIndex as SerializedLunrIndex);

  it('ranks equal scores by ref as localeCompare orders them, within a segment and across segments', () => {
    const first = ['f9', 'f10', 'b-2', 'b2', 'z-1'];
    const second = ['f91', 'c', 'b-1', 'f1', 'a'];
    // As many fiches in each segment, all alike: one score everywhere.
    const segments = [{ index: indexOf(first) }, { index: indexOf(second) }];
    const ranked = rankMatches(segments, plan('naissance'), options);
    expect(new Set(ranked.map((m) => m.score)).size).toBe(1);
    expect(ranked.map((m) => m.ref)).toEqual([...first, ...second].sort((a, b) => a.localeCompare(b)));
  });
});

describe('the word being typed', () => {
  it('matches the beginning of words as written, not of their stems', async () => {
    const { SearchEngine } = await import('./engine');
    const engine = new SearchEngine(data);
    // "rendez-vous" is indexed as "rendez" + "vous"(stop word); "rend" reaches it, "rendezv" does not.
    expect(engine.search('rend').results.map((r) => r.id)).toContain('passeport');
    // "démarches" stems to "demarch": the word being typed "démarc" reaches it through the word.
    expect(engine.search('démarc').results.map((r) => r.id)).toEqual(['acte']);
    // "deces" stems to "dec": its stem's prefix would reach "déchets", the word's does not.
    const deces = new SearchEngine(
      buildSearchData(
        [
          ficheFile('deces', { titre: 'Déclarer un décès' }),
          ficheFile('dechets', { titre: 'Déchets verts' }),
        ],
        'h',
      ),
    );
    expect(deces.search('deces').results.map((r) => r.id)).toEqual(['deces']);
    expect(deces.search('appartemen').results).toEqual([]);
  });
});

describe('side questions', () => {
  const desk = { concepts: [], long: false };
  it.each([
    ['Un étudiant a-t-il droit au RSA ?', 0.5],
    ['Un étudiant a-t-il droit au RSA ? ', 0.5],
    ['Un étudiant a-t-il droit au RSA ?\u00a0', 0.5],
    ['Un étudiant a-t-il droit au RSA ?\u3000\n', 0.5],
    ['RSA demandeur de 25 ans et plus', 1],
    ['Le RSA (revenu de solidarité active)', 1],
    ['Quoi ? Le RSA', 1],
    ['', 1],
  ])('« %s » is held back by %d for a desk query', (titre, factor) => {
    expect(ficheScore({ origine: 'national', titre }, 2, desk)).toBe(2 * factor);
    // The commune's own fiches are never side questions.
    expect(ficheScore({ origine: 'local', titre }, 2, desk)).toBe(3);
  });
});

describe('what a desk trusts', () => {
  const engineOf = async (files: ReturnType<typeof ficheFile>[]) => {
    const { SearchEngine } = await import('./engine');
    return new SearchEngine(buildSearchData(files, 'h'));
  };
  const ids = (engine: { search: (q: string) => { results: Array<{ id: string }> } }, query: string) =>
    engine.search(query).results.map((hit) => hit.id);

  it('answers nothing rather than a fiche naming the rarest word of the query in passing', async () => {
    const cni = ficheFile(
      'cni-perte',
      { titre: "Carte d'identité perdue" },
      'Sans passeport, tout document officiel avec photo suffit (permis de conduire, carte Vitale avec photo).',
    );
    const other = ficheFile('carte-grise', { titre: 'Carte grise' });
    const withoutVitale = await engineOf([cni, other]);
    expect(ids(withoutVitale, 'carte vitale')).toEqual([]);
    expect(withoutVitale.search('carte vitale').suggestions).toBeDefined();
    // A single word is still found wherever it is.
    expect(ids(withoutVitale, 'vitale')).toEqual(['cni-perte']);
    const withVitale = await engineOf([cni, other, ficheFile('vitale', { titre: 'Carte Vitale' })]);
    expect(ids(withVitale, 'carte vitale')).toEqual(['vitale']);
  });

  it("puts the commune's own fiche first when it is about the query", async () => {
    const engine = await engineOf([
      ficheFile('F948', { titre: 'Contrat de mariage', origine: 'national' }, 'Le contrat de mariage.'),
      ficheFile('F1248', { titre: "Témoins d'un mariage", origine: 'national' }),
      ficheFile('mariage', { titre: 'Se marier à Montrouval', mots_cles: ['mariage', 'noces'] }),
      // Local too, with the word in its title, but not what the agent named: after the one whose keyword it is.
      ficheFile('acte', { titre: "Demander un acte d'état civil (naissance, mariage, décès)" }),
    ]);
    expect(ids(engine, 'mariage').slice(0, 2)).toEqual(['mariage', 'acte']);
  });

  it.each(['État-Civil', 'Etat civil.', '  etat   CIVIL ', 'etat civil'])(
    'takes the keyword « %s » for the query « état civil », however it is written',
    async (keyword) => {
      const engine = await engineOf([
        ficheFile('actes', { titre: 'État civil : les actes', mots_cles: ['état civil des enfants'] }),
        ficheFile('guichet', { titre: 'Le guichet des familles', mots_cles: ['mairie', keyword] }),
      ]);
      expect(ids(engine, 'état civil')).toEqual(['guichet', 'actes']);
      expect(ids(engine, 'etat civil ')).toEqual(['guichet', 'actes']);
    },
  );

  it.each(['état civilité', 'etat', 'etat-civil-x', 'xetat civil'])(
    'does not take the keyword « %s » for the query « état civil »',
    async (keyword) => {
      const engine = await engineOf([
        ficheFile('actes', { titre: 'État civil : les actes' }),
        ficheFile('guichet', { titre: 'Le guichet des familles', mots_cles: ['état civil ?', keyword] }),
      ]);
      // Only the first keyword names it: with the second alone it would come after « actes ».
      expect(ids(engine, 'état civil')[0]).toBe('guichet');
      const without = await engineOf([
        ficheFile('actes', { titre: 'État civil : les actes' }),
        ficheFile('guichet', {
          titre: 'Le guichet des familles',
          mots_cles: ['état civil des familles', keyword],
        }),
      ]);
      expect(ids(without, 'état civil')[0]).toBe('actes');
    },
  );

  it('puts the main fiche of a procedure before its side questions', async () => {
    const engine = await engineOf([
      ficheFile('F1971', { titre: 'Un étudiant a-t-il droit au RSA ?', origine: 'national' }),
      ficheFile('F20218', { titre: 'Un demandeur d’emploi a-t-il droit au RSA ?', origine: 'national' }),
      ficheFile('F19778', { titre: 'RSA demandeur de 25 ans et plus', origine: 'national' }),
    ]);
    expect(ids(engine, 'rsa')[0]).toBe('F19778');
  });
});
