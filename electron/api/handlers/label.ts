import type { LabelMethod } from '../contract';
import type { HandlerTable } from '../handler-types';

export const labelHandlers: HandlerTable<LabelMethod> = {};
