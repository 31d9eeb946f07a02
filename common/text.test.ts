import { describe, expect, it } from 'vitest';
import { fold, matchesQuery, slug, stripAccents } from './text';

describe('text folding', () => {
  it('folds case, accents, ligatures and spaces', () => {
    expect(fold('  État  Civil Œuvre ')).toBe('etat civil oeuvre');
    expect(fold('Ça, c’est l’été')).toBe('ca, c’est l’ete');
  });
  it('keeps case when only accents go', () => {
    expect(stripAccents('Élodie Lefèvre Œuvre')).toBe('Elodie Lefevre Oeuvre');
  });
  it('makes slugs with a chosen separator', () => {
    expect(slug("Carte d'identité : perte")).toBe('carte-d-identite-perte');
    expect(slug('Sécurité sociale des indépendants', '_')).toBe('securite_sociale_des_independants');
    expect(slug(' -- ')).toBe('');
  });
  it('matches every word of a query', () => {
    expect(matchesQuery('helene mairie', 'Hélène Dupont', 'Mairie annexe')).toBe(true);
    expect(matchesQuery('helene poste', 'Hélène Dupont')).toBe(false);
    expect(matchesQuery('  ', 'x')).toBe(true);
  });
});
