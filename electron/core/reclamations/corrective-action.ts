// « A complaint can raise a corrective action »: an action in the actions' register, its origin the complaint.
// Its wording names the complaint by number, type and day only: the complaint's own texts may hold the citizen's
// details, which retention erases from the complaint and must not find copied elsewhere.
import { addDaysToDay, parisDay } from '../../../common/dates';
import type { ReclamationVue } from '../../../common/reclamations/methods';
import { TYPE_LABELS } from '../../../common/reclamations/methods';
import { createAction } from '../actions/actions';
import type { Actor } from '../audit/record';
import type { Db } from '../store/db';

/** A month to act on what a complaint showed, unless the manager sets another due date on the action. */
const ACTION_DAYS = 30;

export async function raiseCorrectiveAction(
  db: Db,
  actor: Actor,
  reclamation: ReclamationVue,
  now: Date,
): Promise<number> {
  const quoi =
    `Suite à la ${TYPE_LABELS[reclamation.type].toLowerCase()} n° ${reclamation.id} ` +
    `reçue le ${reclamation.recueLe} : définir et mener l’action corrective.`;
  return await createAction(
    db,
    actor,
    {
      quoi,
      responsable: '',
      echeance: addDaysToDay(parisDay(now), ACTION_DAYS),
      indicateur: '',
      preuve: '',
      origine: 'reclamation',
      origineId: String(reclamation.id),
      ...(reclamation.pointId !== null ? { pointId: reclamation.pointId } : {}),
    },
    now,
  );
}
