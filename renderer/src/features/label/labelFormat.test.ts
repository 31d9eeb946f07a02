import { describe, expect, it } from 'vitest';
import { coverageText, filtersFromParams, remainingText, trainingText, withParam } from './labelFormat';

describe('label pages helpers', () => {
  it('reads the points filters from the URL, ignoring unknown values', () => {
    expect(
      filtersFromParams({ q: ' nord ', entite: 'ccas', statut: 'labellise', expire: '1', regulariser: '1' }),
    ).toEqual({ q: 'nord', entite: 'ccas', statut: 'labellise', expireDansJours: 90, aRegulariser: true });
    expect(filtersFromParams({ entite: 'mairie', statut: 'fini', expire: 'oui' })).toEqual({});
  });

  it('changes one filter, removing it when emptied', () => {
    expect(withParam({ q: 'nord' }, 'statut', 'expire')).toEqual({ q: 'nord', statut: 'expire' });
    expect(withParam({ q: 'nord', statut: 'expire' }, 'statut', '')).toEqual({ q: 'nord' });
  });

  it('says how long a label has left, a training’s state and the coverage in French', () => {
    expect(remainingText(27)).toBe('expire dans 27 jours');
    expect(remainingText(1)).toBe('expire dans 1 jour');
    expect(remainingText(0)).toBe("expire aujourd'hui");
    expect(remainingText(-53)).toBe('expiré depuis 53 jours');
    expect(trainingText({ etat: 'valide', date: '2025-06-01', valideJusquau: '2027-05-31' })).toBe(
      "Valable jusqu'au 31 mai 2027",
    );
    expect(trainingText({ etat: 'expiree', date: '2024-03-01', valideJusquau: '2026-02-28' })).toBe(
      'Expirée depuis le 1er mars 2026',
    );
    expect(trainingText({ etat: 'jamais', date: null, valideJusquau: null })).toBe('Jamais suivie');
    expect(coverageText(3, 4)).toBe('3 agents formés sur 4');
    expect(coverageText(1, 1)).toBe('1 agent formé sur 1');
    expect(coverageText(0, 0)).toBe('aucun agent affecté');
  });
});
