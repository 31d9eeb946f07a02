import { RefusedError } from '../../core/errors';
import type { DeskMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

/**
 * The desk's methods on a standalone installation (and on the city server itself): nothing to relay. A
 * connected desk answers them in its own process (electron/server/desk/desk.ts) and never reaches here.
 */
export const deskHandlers: HandlerTable<DeskMethod> = {
  'desk.status': (core) => ({ mode: core.options.mode ?? 'autonome' }),
  'desk.enrol': (core) => {
    if (core.options.mode === 'serveur')
      throw new RefusedError('Ceci est le serveur de la ville : ce sont les postes qui s’y inscrivent.');
    throw new RefusedError(
      'Ce poste est autonome : il n’est relié à aucun serveur. Démarrez-le avec « --server ADRESSE » pour l’inscrire.',
    );
  },
};
