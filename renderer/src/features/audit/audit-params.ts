// The audit page's filters live in the address (« #/audit?objet=compte&du=2026-11-01&page=2 »): this turns
// them into the core's query and back. Pure.
import type { InputOf } from '../../../../common/contract';
import type { Params } from '../../router';

export const AUDIT_PAGE_SIZE = 50;

export const FILTER_KEYS = ['objet', 'action', 'auteur', 'du', 'au', 'q'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type AuditFilters = Record<FilterKey, string>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filtersOf(params: Params): AuditFilters {
  const filters = {} as AuditFilters;
  for (const key of FILTER_KEYS) filters[key] = (params[key] ?? '').trim();
  // A hand-edited address with a malformed date is ignored rather than refused.
  if (!DAY.test(filters.du)) filters.du = '';
  if (!DAY.test(filters.au)) filters.au = '';
  return filters;
}

/** The 1-based page number in the address; 1 when absent or odd. */
export function pageOf(params: Params): number {
  const page = Number(params.page);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The input of `audit.list` for the address's filters and page. */
export function auditInput(params: Params): InputOf<'audit.list'> {
  const filters = filtersOf(params);
  const input: InputOf<'audit.list'> = {
    limit: AUDIT_PAGE_SIZE,
    offset: (pageOf(params) - 1) * AUDIT_PAGE_SIZE,
  };
  for (const key of FILTER_KEYS) if (filters[key]) input[key] = filters[key];
  return input;
}

/** The address's parameters for new filters (back to the first page) or another page. */
export function paramsFor(filters: Partial<AuditFilters>, page = 1): Params {
  const params: Params = {};
  for (const key of FILTER_KEYS) {
    const value = (filters[key] ?? '').trim();
    if (value) params[key] = value;
  }
  if (page > 1) params.page = String(page);
  return params;
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
}
