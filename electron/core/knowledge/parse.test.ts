import { describe, expect, it } from 'vitest';
import { contactFile, ficheFile, markdownFile, THEMES_FILE } from '../../../dev/test-support/content';
import { parseKnowledge } from './parse';

describe('content validation', () => {
  it('keeps valid files and reports a broken one with its path, field and a French reason', () => {
    const kb = parseKnowledge([
      THEMES_FILE,
      ficheFile('bonne'),
      markdownFile('fiches/sans-titre.md', {
        id: 'sans-titre',
        resume: 'x',
        themes: ['etat-civil'],
        mise_a_jour: '2026-01-01',
      }),
    ]);
    expect(kb.fiches.map((f) => f.id)).toEqual(['bonne']);
    expect(kb.problems).toEqual([
      {
        path: 'fiches/sans-titre.md',
        severity: 'erreur',
        field: 'titre',
        line: undefined,
        message: 'le titre est obligatoire',
      },
    ]);
  });

  it('rejects bad dates, unknown keys and a wrong statut, each on its own field', () => {
    const kb = parseKnowledge([
      ficheFile('a', { mise_a_jour: '2026-02-30' }),
      ficheFile('b', { titree: 'faute de frappe' }),
      ficheFile('c', { statut: 'en ligne' }),
      ficheFile('d', { a_revoir: '15/03/2027' }),
    ]);
    expect(kb.fiches).toHaveLength(0);
    const byPath = Object.fromEntries(kb.problems.map((p) => [p.path, p]));
    expect(byPath['fiches/a.md']).toMatchObject({
      field: 'mise_a_jour',
      message: "la date de mise à jour n'est pas une date du calendrier",
    });
    expect(byPath['fiches/b.md']).toMatchObject({
      field: 'titree',
      message: expect.stringContaining('champ inconnu « titree »'),
    });
    expect(byPath['fiches/c.md']).toMatchObject({
      field: 'statut',
      message: 'le statut doit être « publiee » ou « brouillon »',
    });
    expect(byPath['fiches/d.md']).toMatchObject({
      field: 'a_revoir',
      message: expect.stringContaining('AAAA-MM-JJ'),
    });
    expect(byPath['fiches/b.md']?.line).toBeGreaterThan(1);
  });

  it('reports unreadable YAML and a missing front-matter with a line', () => {
    const kb = parseKnowledge([
      { path: 'fiches/yaml.md', text: '---\nid: x\ntitre: "non fermé\nresume: y\n---\ncorps' },
      { path: 'fiches/nu.md', text: '# Juste du markdown' },
      ficheFile('ok'),
    ]);
    expect(kb.fiches.map((f) => f.id)).toEqual(['ok']);
    expect(kb.problems.find((p) => p.path === 'fiches/yaml.md')?.message).toContain('en-tête YAML illisible');
    expect(kb.problems.find((p) => p.path === 'fiches/nu.md')).toMatchObject({
      line: 1,
      message: expect.stringContaining('---'),
    });
  });

  it('accepts accented and spaced keys as their canonical names', () => {
    const kb = parseKnowledge([
      markdownFile('fiches/accents.md', {
        id: 'accents',
        titre: 'Titre',
        résumé: 'Un résumé.',
        thèmes: ['etat-civil'],
        'mots-clés': 'unique',
        'mise à jour le': '2026-03-01',
        'à revoir le': '2027-03-01',
        'public concerné': ['Majeur'],
        statut: 'Publiée',
      }),
    ]);
    expect(kb.problems).toEqual([]);
    expect(kb.fiches[0]).toMatchObject({
      resume: 'Un résumé.',
      mots_cles: ['unique'],
      a_revoir: '2027-03-01',
      statut: 'publiee',
    });
  });

  it('skips a duplicate id and warns about dangling references without hiding the fiche', () => {
    const kb = parseKnowledge([
      THEMES_FILE,
      contactFile('mairie'),
      ficheFile(
        'x',
        { services: ['mairie', 'inconnu'], themes: ['etat-civil', 'nulle-part'] },
        'Voir [y](fiche:absente).',
      ),
      { ...ficheFile('x'), path: 'fiches/autre/x.md' },
    ]);
    expect(kb.fiches.map((f) => f.path)).toEqual(['fiches/x.md']);
    const messages = kb.problems.map((p) => `${p.severity} ${p.path} ${p.message}`);
    expect(messages).toContain(
      "erreur fiches/autre/x.md l'identifiant « x » est déjà utilisé par fiches/x.md ; ce fichier est ignoré",
    );
    expect(messages).toContain(
      "avertissement fiches/x.md service inconnu « inconnu » (aucun contact n'a cet id)",
    );
    expect(messages).toContain(
      'avertissement fiches/x.md thème inconnu « nulle-part » (absent de themes.yml)',
    );
    expect(messages).toContain('avertissement fiches/x.md lien cassé vers la fiche « absente »');
  });

  it('validates contacts: hours per weekday, closures, channels, e-mail', () => {
    const good = contactFile('c1', {
      horaires: { lundi: ['08:30-12:00', '13:30-17:00'], samedi: '09:00-12:00' },
      fermetures: [{ du: '2026-12-24', au: '2026-12-26', motif: 'Fêtes' }],
      canaux: ['Accueil physique', 'telephone'],
      courriel: 'accueil@montrouval.example',
    });
    const bad = contactFile('c2', {
      entite: 'region',
      horaires: { lundi: ['8h30-12h'], funday: ['09:00-10:00'] },
      courriel: 'pas-un-courriel',
    });
    const kb = parseKnowledge([good, bad]);
    expect(kb.contacts.map((c) => c.id)).toEqual(['c1']);
    expect(kb.contacts[0]).toMatchObject({
      canaux: ['accueil_physique', 'telephone'],
      horaires: { samedi: ['09:00-12:00'] },
    });
    const fields = kb.problems.filter((p) => p.path === 'contacts/c2.md').map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['entite', 'horaires.lundi.0', 'courriel']));
    expect(kb.problems.find((p) => p.field === 'horaires.lundi.0')?.message).toContain('HH:MM-HH:MM');
  });

  it('reports a broken synonyms file and goes on without synonyms', () => {
    const kb = parseKnowledge([{ path: 'synonymes.yml', text: '- [cni]\n' }, ficheFile('a')]);
    expect(kb.synonyms).toEqual([]);
    expect(kb.fiches).toHaveLength(1);
    expect(kb.problems[0]).toMatchObject({ path: 'synonymes.yml', severity: 'erreur' });
  });
});
