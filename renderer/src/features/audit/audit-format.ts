// The audit trail made readable: the rules live in common/audit/format.ts, shared with the CSV export.
export type { FieldChange } from '../../../../common/audit/format';
export {
  actionLabel,
  changesOf,
  changesText,
  fieldLabel,
  formatInstant,
  formatValue,
  objectName,
  objetLabel,
} from '../../../../common/audit/format';
