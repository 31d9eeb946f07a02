import { describe, expect, it } from 'vitest';
import { AUDIT_PAGE_SIZE, auditInput, filtersOf, pageCount, pageOf, paramsFor } from './audit-params';

describe('the audit page’s address', () => {
  it('turns the address into the core’s query, page by page', () => {
    expect(auditInput({})).toEqual({ limit: AUDIT_PAGE_SIZE, offset: 0 });
    expect(auditInput({ objet: 'compte', q: ' léa ', du: '2026-11-01', page: '3' })).toEqual({
      objet: 'compte',
      q: 'léa',
      du: '2026-11-01',
      limit: AUDIT_PAGE_SIZE,
      offset: 2 * AUDIT_PAGE_SIZE,
    });
  });

  it('ignores a malformed date or page', () => {
    expect(filtersOf({ du: 'hier', au: '2026-13' })).toMatchObject({ du: '', au: '' });
    expect(pageOf({ page: '-2' })).toBe(1);
    expect(pageOf({ page: 'deux' })).toBe(1);
  });

  it('writes filters back, without empty ones, the first page implied', () => {
    expect(paramsFor({ objet: 'point', action: '', q: '  ' })).toEqual({ objet: 'point' });
    expect(paramsFor({ auteur: 'admin' }, 2)).toEqual({ auteur: 'admin', page: '2' });
  });

  it('counts pages', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(AUDIT_PAGE_SIZE)).toBe(1);
    expect(pageCount(AUDIT_PAGE_SIZE + 1)).toBe(2);
  });
});
