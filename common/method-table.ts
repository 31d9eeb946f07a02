import type { z } from 'zod';
import type { Access } from './roles';

/** The shape of every domain's method table: the access it needs and its input schema. */
export type MethodTable = Record<string, { role: Access; input: z.ZodType }>;
