// « A complaint can raise a corrective action. » The actions' register (audits and corrective actions) is built
// in another branch; its core offers `createAction({ origine: 'reclamation', origineId, ... })`.
//
// INTEGRATOR: connect here. Replace the body with a call to that createAction inside the caller's transaction
// (it runs inside `raiseActionFrom`'s), e.g.
//   return createAction(db, actor, { origine: 'reclamation', origineId: reclamation.id,
//     quoi: `Réclamation n° ${reclamation.id} : ${reclamation.objet.slice(0, 200)}`, ... }, now).id;
// and return the new action's id. Until then the button answers this French refusal and nothing is written.
import type { ReclamationVue } from '../../../common/reclamations/methods';
import type { Actor } from '../audit/record';
import { UnavailableError } from '../errors';
import type { Db } from '../store/database';

export function raiseCorrectiveAction(
  _db: Db,
  _actor: Actor,
  _reclamation: ReclamationVue,
  _now: Date,
): number {
  throw new UnavailableError(
    'Le registre des actions correctives n’est pas encore disponible dans cette version : notez l’action dans le plan du bilan.',
  );
}
