import { describe, expect, it } from 'vitest';
import { barKeyFor, digitOf } from './outcome-keys';

const key = (
  k: string,
  mods: Partial<{
    ctrlKey: boolean;
    metaKey: boolean;
    altKey: boolean;
    shiftKey: boolean;
    code: string;
  }> = {},
) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('digitOf', () => {
  it('reads the digit from the character or from the physical key', () => {
    expect(digitOf(key('1', { code: 'Digit1' }))).toBe(1);
    // AZERTY without Shift, a Mac's Alt+1, the numeric keypad.
    expect(digitOf(key('&', { code: 'Digit1' }))).toBe(1);
    expect(digitOf(key('¡', { code: 'Digit1', altKey: true }))).toBe(1);
    expect(digitOf(key('6', { code: 'Numpad6' }))).toBe(6);
    expect(digitOf(key('a', { code: 'KeyA' }))).toBeNull();
    expect(digitOf(key('0', { code: 'Digit0' }))).toBeNull();
  });
});

describe('barKeyFor', () => {
  it('maps 1-6 to the outcomes in the bar’s order outside text fields', () => {
    expect(barKeyFor(key('1'), false, 'outcome')).toEqual({ kind: 'issue', issue: 'repondu' });
    expect(barKeyFor(key('2'), false, 'outcome')).toEqual({ kind: 'issue', issue: 'oriente_fiche' });
    expect(barKeyFor(key('3'), false, 'outcome')).toEqual({ kind: 'issue', issue: 'oriente_autre' });
    expect(barKeyFor(key('4'), false, 'outcome')).toEqual({ kind: 'issue', issue: 'rendez_vous' });
    expect(barKeyFor(key('5'), false, 'outcome')).toEqual({ kind: 'issue', issue: 'transmis' });
    expect(barKeyFor(key('6'), false, 'outcome')).toEqual({ kind: 'issue', issue: 'non_resolu' });
    expect(barKeyFor(key('7'), false, 'outcome')).toBeNull();
  });

  it('leaves a digit typed in a text field to the field, but Alt+digit acts everywhere', () => {
    expect(barKeyFor(key('1'), true, 'outcome')).toBeNull();
    expect(barKeyFor(key('1', { altKey: true, code: 'Digit1' }), true, 'outcome')).toEqual({
      kind: 'issue',
      issue: 'repondu',
    });
  });

  it('ignores Ctrl and Cmd combinations (the browser’s and the app’s own shortcuts)', () => {
    expect(barKeyFor(key('1', { ctrlKey: true }), false, 'outcome')).toBeNull();
    expect(barKeyFor(key('1', { metaKey: true }), false, 'outcome')).toBeNull();
  });

  it('answers the reason with 1-4 once « Non résolu » is chosen', () => {
    expect(barKeyFor(key('1'), false, 'motif')).toEqual({ kind: 'motif', motif: 'pas_de_fiche' });
    expect(barKeyFor(key('2'), false, 'motif')).toEqual({ kind: 'motif', motif: 'fiche_incomplete' });
    expect(barKeyFor(key('3'), false, 'motif')).toEqual({ kind: 'motif', motif: 'hors_competence' });
    expect(barKeyFor(key('4', { altKey: true }), true, 'motif')).toEqual({ kind: 'motif', motif: 'autre' });
    expect(barKeyFor(key('5'), false, 'motif')).toBeNull();
  });
});
