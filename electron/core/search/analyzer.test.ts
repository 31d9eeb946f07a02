import { describe, expect, it } from 'vitest';
import { fold } from '../../../common/text';
import { analyze, stem, terms } from './analyzer';

describe('French analyzer', () => {
  it('folds accents and case', () => {
    expect(fold('État Civil Œuvre')).toBe('etat civil oeuvre');
    expect(terms('etat civil')).toEqual(terms('État civil'));
    expect(terms('DÉCHÈTERIE')).toEqual(terms('decheterie'));
  });

  it('strips elisions so "d\'état" is found by "etat"', () => {
    expect(terms("acte d'état civil")).toContain(terms('etat')[0]);
    expect(terms("l'école")).toEqual(terms('ecole'));
    expect(terms('jusqu’à l’été')).not.toContain('jusqu');
  });

  it('stems plural and inflected forms to the same term', () => {
    expect(terms('démarches')).toEqual(terms('demarche'));
    expect(terms('passeports')).toEqual(terms('passeport'));
    expect(terms('électorales')).toEqual(terms('electoral'));
  });

  it('drops stop words but keeps meaningful short words', () => {
    expect(terms('je voudrais la carte de mon fils')).toEqual(terms('carte fils'));
    expect(terms('cni')).toEqual(['cni']);
    expect(terms('recensement à 16 ans')).toContain('16');
  });

  it('reports the position of each word in the original text', () => {
    const text = "Carte d'identité perdue";
    const [, identite] = analyze(text);
    expect(text.slice(identite?.start, (identite?.start ?? 0) + (identite?.length ?? 0))).toBe('identité');
  });

  it('caches stems without changing them', () => {
    expect(stem('inscriptions')).toBe(stem('inscriptions'));
    expect(stem('inscriptions')).toBe('inscript');
  });
});
