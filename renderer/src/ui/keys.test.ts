import { describe, expect, it } from 'vitest';
import { isTextField, moveActive, shortcutFor } from './keys';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('isTextField', () => {
  it('recognises fields where « / » is typed', () => {
    expect(isTextField({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTextField({ tagName: 'input' })).toBe(true);
    expect(isTextField({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTextField({ tagName: 'DIV', isContentEditable: true })).toBe(true);
  });

  it('does not count buttons, checkboxes or links', () => {
    expect(isTextField({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTextField({ tagName: 'BUTTON' })).toBe(false);
    expect(isTextField({ tagName: 'A' })).toBe(false);
    expect(isTextField(null)).toBe(false);
  });
});

describe('moveActive', () => {
  it('starts at the first item going down and at the last going up', () => {
    expect(moveActive(-1, 1, 5)).toBe(0);
    expect(moveActive(-1, -1, 5)).toBe(4);
  });

  it('moves and wraps around', () => {
    expect(moveActive(0, 1, 5)).toBe(1);
    expect(moveActive(4, 1, 5)).toBe(0);
    expect(moveActive(0, -1, 5)).toBe(4);
  });

  it('has nothing to activate in an empty list', () => {
    expect(moveActive(-1, 1, 0)).toBe(-1);
    expect(moveActive(3, -1, 0)).toBe(-1);
  });

  it('starts again when the list shrank', () => {
    expect(moveActive(7, 1, 3)).toBe(0);
  });
});

describe('shortcutFor', () => {
  it('Ctrl+K works everywhere', () => {
    expect(shortcutFor(key('k', { ctrlKey: true }), true)).toBe('focus-search');
    expect(shortcutFor(key('K', { ctrlKey: true }), false)).toBe('focus-search');
    expect(shortcutFor(key('k', { metaKey: true }), false)).toBe('focus-search');
  });

  it('« / » only outside text fields', () => {
    expect(shortcutFor(key('/'), false)).toBe('focus-page-search');
    expect(shortcutFor(key('/'), true)).toBeNull();
  });

  it('Esc outside text fields means back', () => {
    expect(shortcutFor(key('Escape'), false)).toBe('back');
    expect(shortcutFor(key('Escape'), true)).toBeNull();
  });

  it('Alt+U opens « Pour l’usager », wherever the focus is and whatever the keyboard types', () => {
    expect(shortcutFor(key('u', { altKey: true }), false)).toBe('for-citizen');
    expect(shortcutFor(key('U', { altKey: true }), true)).toBe('for-citizen');
    expect(shortcutFor({ ...key('¨', { altKey: true }), code: 'KeyU' }, false)).toBe('for-citizen');
    expect(shortcutFor(key('u', { altKey: true, ctrlKey: true }), false)).toBeNull();
    expect(shortcutFor(key('u'), false)).toBeNull();
  });

  it('ignores other keys', () => {
    expect(shortcutFor(key('a'), false)).toBeNull();
    expect(shortcutFor(key('/', { altKey: true }), false)).toBeNull();
  });
});
