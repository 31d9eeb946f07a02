import { describe, expect, it } from 'vitest';
import type { PlanBilan } from '../../../../common/indicateurs/types';
import { blankAction, draftOf, isDirty, normalised, planErrors } from './plan-form';

const SAVED: PlanBilan = {
  annee: 2026,
  texte: 'Former le CCAS.',
  actions: [
    { constat: 'Peu formé', action: 'Former', responsable: 'Léa', echeance: '2027-03-31', suivi: '' },
  ],
  modifieLe: '2026-12-03T10:00:00.000Z',
  modifiePar: 'Marie Dupont',
};

describe('the action plan form', () => {
  it('starts an empty plan with one blank line, and is clean until something changes', () => {
    const empty: PlanBilan = { ...SAVED, texte: '', actions: [], modifieLe: null };
    expect(draftOf(empty).actions).toEqual([blankAction()]);
    expect(isDirty(empty, draftOf(empty))).toBe(false);
    expect(isDirty(SAVED, draftOf(SAVED))).toBe(false);
    expect(isDirty(SAVED, { ...draftOf(SAVED), texte: 'Former le CCAS. ' })).toBe(false);
    expect(isDirty(SAVED, { ...draftOf(SAVED), texte: 'Autre chose' })).toBe(true);
    const more = {
      ...draftOf(SAVED),
      actions: [...SAVED.actions, { ...blankAction(), responsable: 'Paul' }],
    };
    expect(isDirty(SAVED, more)).toBe(true);
    expect(normalised(more).actions).toHaveLength(2);
  });

  it('puts a wrong deadline’s message on its line and field', () => {
    const draft = { texte: '', actions: [blankAction(), { ...blankAction(), echeance: '31/03/2027' }] };
    expect(planErrors(draft)).toEqual({ 1: { echeance: expect.stringContaining('L’échéance') } });
    expect(planErrors(draftOf(SAVED))).toEqual({});
  });
});
