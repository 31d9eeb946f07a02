import { describe, expect, it } from 'vitest';
import { actionLabel, changesOf, formatInstant, formatValue } from './audit-format';

describe('audit rows made readable', () => {
  it('lists what a creation set', () => {
    expect(changesOf(null, { nom: 'Léa', roles: ['agent', 'redacteur'], actif: true })).toEqual([
      { field: 'nom', after: 'Léa' },
      { field: 'rôles', after: 'agent, redacteur' },
      { field: 'actif', after: 'oui' },
    ]);
  });

  it('lists only what a change altered, with before and after', () => {
    expect(
      changesOf({ nom: 'Léa', actif: true, agentId: null }, { nom: 'Léa', actif: false, agentId: 4 }),
    ).toEqual([
      { field: 'actif', before: 'oui', after: 'non' },
      { field: 'agent (n°)', before: '—', after: '4' },
    ]);
  });

  it('shows a secret change although both sides read « (modifié) »', () => {
    expect(changesOf({ motDePasse: '(modifié)' }, { motDePasse: '(modifié)' })).toEqual([
      { field: 'mot de passe', before: '(modifié)', after: '(modifié)' },
    ]);
  });

  it('handles deletions and plain values', () => {
    expect(changesOf({ code: 'mairie' }, null)).toEqual([{ field: 'code', before: 'mairie' }]);
    expect(changesOf(null, 12)).toEqual([{ field: 'valeur', after: '12' }]);
    expect(changesOf(null, null)).toEqual([]);
  });

  it('names actions and values in French', () => {
    expect(actionLabel('creation')).toBe('Création');
    expect(actionLabel('lever_suspension')).toBe('Lever suspension');
    expect(formatValue([])).toBe('—');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
  });

  it('writes instants in Paris time', () => {
    expect(formatInstant('2026-11-23T09:05:00.000Z')).toBe('23 novembre 2026 à 10:05');
    expect(formatInstant('pas une date')).toBe('pas une date');
  });
});
