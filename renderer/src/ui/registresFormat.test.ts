import { describe, expect, it } from 'vitest';
import type { TrainingStatus } from '../../../common/formations/methods';
import { decodeCsvBytes } from './forms/csvFile';
import { idParam, trainingBadgeClass, trainingLabel, validityLabel, withParam } from './registresFormat';

const status = (fields: Partial<TrainingStatus>): TrainingStatus => ({
  etat: 'a_jour',
  derniere: '2025-01-10',
  valideJusquau: '2027-01-09',
  recyclageLe: '2027-01-10',
  joursRestants: 400,
  ...fields,
});

describe('registry page helpers', () => {
  it('words a training status in French, with a badge colour per state', () => {
    expect(trainingLabel(status({}))).toBe('À jour');
    expect(trainingLabel(status({ etat: 'a_recycler', joursRestants: 12 }))).toBe('À recycler dans 12 jours');
    expect(trainingLabel(status({ etat: 'a_recycler', joursRestants: 1 }))).toBe('À recycler dans 1 jour');
    expect(trainingLabel(status({ etat: 'a_recycler', joursRestants: 0 }))).toBe('À recycler : dernier jour');
    expect(trainingLabel(status({ etat: 'expiree', valideJusquau: '2026-03-01' }))).toBe(
      'Expirée le 1er mars 2026',
    );
    expect(trainingLabel(status({ etat: 'jamais', derniere: null }))).toBe('Jamais suivie');
    expect(trainingBadgeClass(status({ etat: 'expiree' }))).toContain('badge-closed');
    expect(validityLabel(null)).toBe('sans limite');
    expect(validityLabel(24)).toBe('24 mois');
  });

  it('keeps filters in URL params, dropping empty ones', () => {
    expect(withParam({ q: 'dur', point: '3' }, 'point', '')).toEqual({ q: 'dur' });
    expect(withParam({}, 'formation', 'a_jour')).toEqual({ formation: 'a_jour' });
    expect(idParam('12')).toBe(12);
    expect(idParam('0')).toBeUndefined();
    expect(idParam('abc')).toBeUndefined();
  });

  it('reads a CSV file in UTF-8, or in Windows-1252 as Excel writes it', () => {
    const utf8 = new TextEncoder().encode('nom;prénom\nDurand;Léa');
    expect(decodeCsvBytes(utf8)).toEqual({ text: 'nom;prénom\nDurand;Léa', encoding: 'utf-8' });
    // « Léa » in Windows-1252: é is the single byte 0xE9.
    const windows = Uint8Array.from([0x4c, 0xe9, 0x61]);
    expect(decodeCsvBytes(windows)).toEqual({ text: 'Léa', encoding: 'windows-1252' });
  });
});
