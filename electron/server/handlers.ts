import type { MethodName } from '../../common/contract';
import type { HandlerTable } from './handler-types';
import { accountHandlers } from './handlers/comptes';
import { adminHandlers } from './handlers/admin';
import { editorHandlers } from './handlers/redaction';
import { indicatorHandlers } from './handlers/indicateurs';
import { journalHandlers } from './handlers/journal';
import { knowledgeHandlers } from './handlers/knowledge';
import { labelHandlers } from './handlers/label';
import { agentHandlers } from './handlers/agents';
import { formationHandlers } from './handlers/formations';
import { pointHandlers } from './handlers/points';

/** One handler per method of the contract; the dispatcher has already validated the input and the role. */
export const handlers: HandlerTable<MethodName> = {
  ...knowledgeHandlers,
  ...accountHandlers,
  ...pointHandlers,
  ...agentHandlers,
  ...formationHandlers,
  ...labelHandlers,
  ...adminHandlers,
  ...journalHandlers,
  ...indicatorHandlers,
  ...editorHandlers,
};
