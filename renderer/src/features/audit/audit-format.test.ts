import { describe, expect, it } from 'vitest';
import { actionLabel, changesOf, changesText, formatInstant, formatValue, objectName } from './audit-format';

describe('audit rows made readable', () => {
  it('lists what a creation set', () => {
    expect(changesOf(null, { nom: 'Léa', roles: ['agent', 'redacteur'], actif: true })).toEqual([
      { field: 'nom', after: 'Léa' },
      { field: 'rôles', after: "Agent d'accueil, Rédacteur" },
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
    expect(actionLabel('lever_suspension')).toBe('Suspension levée');
    expect(actionLabel('autre_chose')).toBe('Autre chose');
    expect(formatValue([])).toBe('—');
    expect(formatValue({ a: 1 })).toBe('a : 1');
  });

  it('writes the label’s states with their accents, days in French, instants in Paris time', () => {
    expect(
      changesOf(
        { statut: 'demande', expireLe: null },
        { statut: 'labellise', date: '2026-03-02', expireLe: '2029-03-01', motif: null },
      ),
    ).toEqual([
      { field: 'statut', before: 'Demandé', after: 'Labellisé' },
      { field: 'expire le', before: '—', after: '1er mars 2029' },
      { field: 'date', after: '2 mars 2026' },
      { field: 'motif', after: '—' },
    ]);
    expect(formatValue('2026-11-23T09:05:00.000Z', 'verrouilleJusqu')).toBe('23 novembre 2026 à 10:05');
  });

  it('lists nested values as readable fields, never as JSON', () => {
    const changes = changesOf(null, {
      texte: 'Former',
      actions: [{ action: 'Former le CCAS', responsable: 'Léa', echeance: '2027-03-31' }],
    });
    expect(changes).toEqual([
      { field: 'texte', after: 'Former' },
      { field: 'actions 1 › action', after: 'Former le CCAS' },
      { field: 'actions 1 › responsable', after: 'Léa' },
      { field: 'actions 1 › échéance', after: '31 mars 2027' },
    ]);
    expect(changesText({ statut: 'a_traiter' }, { statut: 'ignore' })).toBe('statut : À traiter → Ignoré');
    expect(changes.some((change) => `${change.before}${change.after}`.includes('{'))).toBe(false);
  });

  it('names the record a row is about', () => {
    expect(objectName('compte', '4', 'Marie Dupont')).toBe('compte de Marie Dupont');
    expect(objectName('label', '2', 'Mairie annexe')).toBe('label de la Mairie annexe');
    expect(objectName('label', '1', 'Hôtel de ville')).toBe('label de l’Hôtel de ville');
    expect(objectName('label', '3', 'CCAS')).toBe('label du CCAS');
    expect(objectName('point', '2', 'Mairie annexe')).toBe('point Mairie annexe');
    expect(objectName('compte', '9', null)).toBe('compte n° 9');
    expect(objectName('plan_action', '2026', null)).toBe('plan d’action 2026');
  });

  it('writes instants in Paris time', () => {
    expect(formatInstant('2026-11-23T09:05:00.000Z')).toBe('23 novembre 2026 à 10:05');
    expect(formatInstant('pas une date')).toBe('pas une date');
  });
});
