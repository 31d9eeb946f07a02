import { RefusedError } from '../../core/errors';
import type { DeskMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

/**
 * The desk's methods on a standalone installation (and on the city server itself): nothing to relay. A
 * connected desk answers them in its own process (electron/server/desk/desk.ts) and never reaches here.
 */
export const deskHandlers: HandlerTable<DeskMethod> = {
  'desk.status': () => ({ mode: 'autonome' }),
  'desk.enrol': () => {
    throw new RefusedError(
      'Ce poste est autonome : il n’est relié à aucun serveur. Démarrez-le avec « --server ADRESSE » pour l’inscrire.',
    );
  },
};
