import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../../common/journal/types';
import { correctionOf, entryDuration, entryOutcome, entryTime, updateInput } from './journal-format';

const entry: JournalEntry = {
  id: 4,
  horodatage: '2026-07-01T07:05:00.000Z',
  jour: '2026-07-01',
  heure: 9,
  pointId: 1,
  compteId: 2,
  canal: 'telephone',
  issue: 'non_resolu',
  serviceId: null,
  motif: 'pas_de_fiche',
  theme: 'identite',
  dureeS: 65,
  fiches: [],
};

describe('the agent’s list of the day', () => {
  it('shows the hour in Paris, the outcome with its reason and the duration', () => {
    expect(entryTime(entry.horodatage)).toBe('09:05');
    expect(entryOutcome(entry)).toBe('Non résolu – pas de fiche');
    expect(entryOutcome({ issue: 'repondu', motif: null })).toBe('Répondu (premier niveau)');
    expect(entryDuration(65)).toBe('1 min 05 s');
    expect(entryDuration(40)).toBe('40 s');
    expect(entryDuration(null)).toBe('–');
  });

  it('sends a service only with an orientation and a reason only with « non résolu »', () => {
    const correction = { ...correctionOf(entry), serviceId: 'mairie' };
    expect(updateInput(4, correction)).toEqual({
      id: 4,
      issue: 'non_resolu',
      canal: 'telephone',
      motif: 'pas_de_fiche',
      theme: 'identite',
    });
    expect(updateInput(4, { ...correction, issue: 'oriente_autre' })).toEqual({
      id: 4,
      issue: 'oriente_autre',
      canal: 'telephone',
      serviceId: 'mairie',
      theme: 'identite',
    });
  });
});
