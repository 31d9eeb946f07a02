import type { MethodTable } from '../method-table';

export const adminMethods = {} as const satisfies MethodTable;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the domain's methods land
export interface AdminOutputs {}
