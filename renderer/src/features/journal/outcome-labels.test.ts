import { describe, expect, it } from 'vitest';
import { buttonLabel, outcomeLabel } from './outcome-labels';

describe('outcome labels', () => {
  it('says in the toast what was logged, service and reason included', () => {
    expect(outcomeLabel('repondu')).toBe('Répondu');
    expect(outcomeLabel('oriente_fiche', { service: 'Mairie – État civil' })).toBe(
      'Orienté vers Mairie – État civil',
    );
    expect(outcomeLabel('non_resolu', { motif: 'pas_de_fiche' })).toBe('Non résolu (pas de fiche)');
    expect(outcomeLabel('rendez_vous')).toBe('Rendez-vous pris');
  });

  it('names the service of the fiche on the second key', () => {
    expect(buttonLabel('oriente_fiche', 'CCAS')).toBe('Orienté vers CCAS');
    expect(buttonLabel('oriente_fiche', null)).toBe('Orienté vers le service de la fiche');
    expect(buttonLabel('repondu', 'CCAS')).toBe('Répondu (premier niveau)');
  });
});
