import { auditFacets, listAudit } from '../../core/audit/query';
import type { AuditMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

/** The audit trail, for administrators. */
export const auditHandlers: HandlerTable<AuditMethod> = {
  'audit.list': (core, input) => listAudit(core.store.db, input),
  'audit.facets': (core) => auditFacets(core.store.db),
};
