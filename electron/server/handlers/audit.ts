import { auditCsv } from '../../core/audit/csv';
import { auditFacets, listAudit } from '../../core/audit/query';
import { parisDay } from '../../../common/dates';
import type { AuditMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

/** The audit trail, for administrators. */
export const auditHandlers: HandlerTable<AuditMethod> = {
  'audit.list': (core, input) => listAudit(core.store.db, input),
  'audit.facets': (core) => auditFacets(core.store.db),
  'audit.csv': (core, input) => auditCsv(core.store.db, input, parisDay(core.now())),
};
