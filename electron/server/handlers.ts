import type { MethodName } from '../../common/contract';
import type { HandlerTable } from './handler-types';
import { auditHandlers } from './handlers/audit';
import { authHandlers } from './handlers/auth';
import { compteHandlers } from './handlers/comptes';
import { adminHandlers } from './handlers/admin';
import { redactionHandlers } from './handlers/redaction';
import { indicateurHandlers } from './handlers/indicateurs';
import { journalHandlers } from './handlers/journal';
import { knowledgeHandlers } from './handlers/knowledge';
import { labelHandlers } from './handlers/label';
import { agentHandlers } from './handlers/agents';
import { formationHandlers } from './handlers/formations';
import { pointHandlers } from './handlers/points';
import { posteHandlers } from './handlers/postes';
import { usagerHandlers } from './handlers/usager';
import { syncHandlers } from './handlers/sync';
import { favoriHandlers, flashHandlers } from './handlers/flash';
import { deskHandlers } from './handlers/desk';
import { satisfactionHandlers } from './handlers/satisfaction';
import { reclamationHandlers } from './handlers/reclamations';
import { resultatHandlers } from './handlers/resultats';
import { controleHandlers } from './handlers/controles';
import { actionHandlers } from './handlers/actions';
import { borneHandlers } from './handlers/borne';

/** One handler per method of the contract; the dispatcher has already validated the input and the role. */
export const handlers: HandlerTable<MethodName> = {
  ...knowledgeHandlers,
  ...authHandlers,
  ...compteHandlers,
  ...auditHandlers,
  ...pointHandlers,
  ...agentHandlers,
  ...formationHandlers,
  ...posteHandlers,
  ...syncHandlers,
  ...deskHandlers,
  ...labelHandlers,
  ...adminHandlers,
  ...journalHandlers,
  ...indicateurHandlers,
  ...redactionHandlers,
  ...usagerHandlers,
  ...flashHandlers,
  ...favoriHandlers,
  ...satisfactionHandlers,
  ...reclamationHandlers,
  ...resultatHandlers,
  ...controleHandlers,
  ...actionHandlers,
  ...borneHandlers,
};
