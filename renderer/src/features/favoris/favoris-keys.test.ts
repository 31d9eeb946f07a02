import { describe, expect, it } from 'vitest';
import { isStarKey, listMove } from './favoris-keys';

const key = (
  k: string,
  modifiers: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...modifiers,
});

describe('favourites keys', () => {
  it('stars with « * » outside text fields only', () => {
    expect(isStarKey(key('*'), false)).toBe(true);
    expect(isStarKey(key('*'), true)).toBe(false);
    expect(isStarKey(key('*', { ctrlKey: true }), false)).toBe(false);
    expect(isStarKey(key('8'), false)).toBe(false);
  });

  it('moves in the list and back to the search box', () => {
    expect(listMove('ArrowDown', 0, 3)).toBe(1);
    expect(listMove('ArrowDown', 2, 3)).toBe(2);
    expect(listMove('ArrowUp', 2, 3)).toBe(1);
    expect(listMove('ArrowUp', 0, 3)).toBe('search');
    expect(listMove('Escape', 1, 3)).toBe('search');
    expect(listMove('Home', 2, 3)).toBe(0);
    expect(listMove('End', 0, 3)).toBe(2);
    expect(listMove('a', 0, 3)).toBeNull();
    expect(listMove('ArrowDown', 0, 0)).toBeNull();
  });
});
