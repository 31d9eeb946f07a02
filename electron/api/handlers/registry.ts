import type { RegistryMethod } from '../contract';
import type { HandlerTable } from '../handler-types';

export const registryHandlers: HandlerTable<RegistryMethod> = {};
