import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../../common/contract';
import { appendPage, nearEnd } from './paging';

const hit = (id: string): SearchHit => ({
  id,
  titre: id,
  resume: '',
  origine: 'local',
  mise_a_jour: '2024-01-01',
  themes: [],
  snippet: [],
  score: 1,
});

describe('search paging', () => {
  it('appends the next page after the results shown', () => {
    expect(appendPage([hit('a'), hit('b')], [hit('c')]).map((h) => h.id)).toEqual(['a', 'b', 'c']);
  });

  it('shows a fiche once when a rebuilt index moved it to the next page', () => {
    expect(appendPage([hit('a'), hit('b')], [hit('b'), hit('c')]).map((h) => h.id)).toEqual(['a', 'b', 'c']);
  });

  it('asks for the next page when the active option nears the end', () => {
    expect(nearEnd(17, 20)).toBe(true);
    expect(nearEnd(10, 20)).toBe(false);
    expect(nearEnd(-1, 0)).toBe(false);
  });
});
