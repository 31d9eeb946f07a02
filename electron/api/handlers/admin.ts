import type { AdminMethod } from '../contract';
import type { HandlerTable } from '../handler-types';

export const adminHandlers: HandlerTable<AdminMethod> = {};
