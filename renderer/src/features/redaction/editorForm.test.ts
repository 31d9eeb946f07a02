import { describe, expect, it } from 'vitest';
import {
  contactForm,
  contactFrontMatter,
  displayValue,
  ficheForm,
  ficheFrontMatter,
  insertAt,
  markdownLink,
  parseSlots,
  problemsOf,
  slugify,
  unionKeys,
} from './editorForm';

describe('the fiche form', () => {
  const file = {
    id: 'pacs',
    titre: 'PACS : enregistrement',
    resume: 'Le PACS s’enregistre en mairie.',
    themes: ['etat-civil'],
    mots_cles: ['pacs', 'pacte civil'],
    pieces_a_fournir: ['Acte de naissance', 'Pièce d’identité'],
    services: ['etat-civil'],
    mise_a_jour: '2026-09-15',
    a_revoir: '2027-03-15',
    statut: 'publiee',
    verifie_le: '2026-09-15',
    verifie_par: 'Claire Martin',
  };

  it('reads a file’s front-matter into fields and writes it back unchanged, keeping the keys it does not show', () => {
    const form = ficheForm(file);
    expect(form.mots_cles).toBe('pacs\npacte civil');
    expect(form.cout).toBe('');
    expect(ficheFrontMatter(form, file)).toEqual(file);
  });

  it('drops what is left empty and splits the lists one per line', () => {
    const form = {
      ...ficheForm({}),
      id: 'nouvelle',
      titre: '  Nouvelle fiche ',
      mots_cles: 'un\n\n  deux  \n',
      statut: 'brouillon' as const,
    };
    expect(ficheFrontMatter(form)).toEqual({
      id: 'nouvelle',
      titre: 'Nouvelle fiche',
      mots_cles: ['un', 'deux'],
      statut: 'brouillon',
    });
  });

  it('reads odd values without failing (a single text as a list, a number as text)', () => {
    const form = ficheForm({ themes: 'identite', cout: 25, statut: 'autre' });
    expect(form.themes).toEqual(['identite']);
    expect(form.cout).toBe('25');
    expect(form.statut).toBe('publiee');
  });
});

describe('the contact form', () => {
  const file = {
    id: 'ccas',
    nom: 'CCAS',
    entite: 'ccas',
    adresse: { voie: '4 rue des Tilleuls', code_postal: '99150', commune: 'Montrouval' },
    horaires: { lundi: ['08:30-12:00', '13:30-17:00'], jeudi: ['13:30-19:00'] },
    fermetures: [{ du: '2026-12-24', au: '2026-12-26', motif: 'Fêtes' }],
    canaux: ['accueil_physique', 'telephone'],
  };

  it('shows hours one line per day and writes them back as lists', () => {
    const form = contactForm(file);
    expect(form.horaires.lundi).toBe('08:30-12:00, 13:30-17:00');
    expect(form.horaires.mardi).toBe('');
    expect(contactFrontMatter(form, file)).toEqual(file);
  });

  it('leaves out an empty address, closed days and empty closures', () => {
    const form = contactForm({ id: 'x', nom: 'X', entite: 'ville' });
    form.horaires.mardi = ' 09:00-12:00 ; 14:00-17:00 ';
    form.fermetures = [{ du: '', au: '', motif: '' }];
    expect(contactFrontMatter(form)).toEqual({
      id: 'x',
      nom: 'X',
      entite: 'ville',
      horaires: { mardi: ['09:00-12:00', '14:00-17:00'] },
    });
    expect(parseSlots('08:30-12:00,13:30-17:00')).toEqual(['08:30-12:00', '13:30-17:00']);
  });
});

describe('problems and fields', () => {
  const problems = [
    {
      field: 'adresse.code_postal',
      message: 'le code postal doit avoir 5 chiffres',
      severity: 'erreur' as const,
    },
    { field: 'horaires.lundi.0', message: 'plage', severity: 'erreur' as const },
    { field: 'services', message: 'service inconnu', severity: 'avertissement' as const },
    { field: 'couleur, taille', message: 'champ inconnu', severity: 'erreur' as const },
  ];

  it('gives each field the problems of its path', () => {
    expect(problemsOf(problems, 'adresse.code_postal')).toHaveLength(1);
    expect(problemsOf(problems, 'adresse')).toHaveLength(1);
    expect(problemsOf(problems, 'horaires.lundi')).toHaveLength(1);
    expect(problemsOf(problems, 'horaires.mardi')).toHaveLength(0);
    expect(problemsOf(problems, 'taille')).toHaveLength(1);
  });
});

describe('small helpers', () => {
  it('makes ids from titles', () => {
    expect(slugify("Carte d'identité : perte")).toBe('carte-d-identite-perte');
    expect(slugify('  Élections 2026 ! ')).toBe('elections-2026');
  });

  it('inserts a link at the cursor, replacing the selection', () => {
    expect(insertAt('Voir  ici', 5, 5, '[PACS](fiche:pacs)')).toEqual({
      body: 'Voir [PACS](fiche:pacs) ici',
      caret: 23,
    });
    expect(insertAt('abc', 1, 2, 'X')).toEqual({ body: 'aXc', caret: 2 });
    expect(markdownLink('Titre [brouillon]', 'fiche:x')).toBe('[Titre brouillon](fiche:x)');
  });

  it('shows front-matter values on one line and lists keys of two versions', () => {
    expect(displayValue(['a', 'b'])).toBe('a ; b');
    expect(displayValue({ voie: '1 rue', commune: 'M' })).toBe('voie : 1 rue ; commune : M');
    expect(displayValue(undefined)).toBe('');
    expect(unionKeys({ a: 1, b: 2 }, { b: 3, c: 4 })).toEqual(['a', 'b', 'c']);
  });
});
