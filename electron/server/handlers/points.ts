import type { Core } from '../../core/app';
import { actorOf } from '../../core/auth/session';
import { RefusedError } from '../../core/errors';
import { createPoint, getPoint, listPoints, updatePoint } from '../../core/points/points';
import type { PointMethod } from '../../../common/contract';
import type { PointFields, PointRecord, PointView } from '../../../common/points/methods';
import type { HandlerTable } from '../handler-types';

/** The point with the name of its contact, read from the knowledge base. */
function pointView(core: Core, point: PointRecord): PointView {
  if (point.contact_id === null) return { ...point, contact: null };
  const contact = core.search.current().contact(point.contact_id);
  return { ...point, contact: { id: point.contact_id, nom: contact?.nom ?? null } };
}

/** The contact must be one of the knowledge base's: it lives in the content folder, not in the database. */
function checkContact(core: Core, fields: PointFields): void {
  if (fields.contact_id !== null && !core.search.current().contact(fields.contact_id))
    throw new RefusedError(
      `Le service « ${fields.contact_id} » n'existe pas dans l'annuaire : choisissez-le dans la liste proposée.`,
    );
}

/** Reception points: thin calls into core/points. */
export const pointHandlers: HandlerTable<PointMethod> = {
  'points.list': async (core, input) => ({ points: await listPoints(core.store.db, input) }),
  'points.get': async (core, input) => pointView(core, await getPoint(core.store.db, input.id)),
  'points.create': async (core, input, { session }) => {
    checkContact(core, input);
    return pointView(core, await createPoint(core.store.db, actorOf(session), input, core.now()));
  },
  'points.update': async (core, { id, ...fields }, { session }) => {
    checkContact(core, fields);
    return pointView(core, await updatePoint(core.store.db, actorOf(session), id, fields, core.now()));
  },
};
