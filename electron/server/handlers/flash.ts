import { parisDay } from '../../../common/dates';
import type { FavoriMethod, FlashMethod } from '../../../common/contract';
import type { Core } from '../../core/app';
import { actorOf } from '../../core/auth/session';
import type { Session } from '../../core/auth/session';
import { listFavoris, recordView, setFavori } from '../../core/favoris/favoris';
import type { FicheLookup, FlashContext, Reader } from '../../core/flash/flash';
import {
  confirmFlash,
  createFlash,
  currentFlash,
  flashPointOptions,
  getFlash,
  listFlash,
  updateFlash,
} from '../../core/flash/flash';
import { renderMarkdown } from '../../core/knowledge/render';
import { pointOfCall } from '../../core/points/call-point';
import type { CallContext, HandlerTable } from '../handler-types';

/** The published fiches of the current index (drafts and removed fiches are unknown here). */
function ficheLookup(core: Core): FicheLookup {
  const engine = core.search.current();
  return (id) => engine.fiche(id);
}

function compteOf(session: Session): { id: number; nom: string } {
  if (!session.compte) throw new Error('a connected method without an account');
  return session.compte;
}

/** The reception point a call comes from: a city desk's own point, or the installation's. */
async function callPoint(core: Core, context: CallContext): Promise<number | null> {
  return (await pointOfCall(core.store.db, context.poste))?.pointId ?? null;
}

async function reader(core: Core, context: CallContext): Promise<Reader> {
  return {
    compteId: compteOf(context.session).id,
    pointId: await callPoint(core, context),
    today: parisDay(core.now()),
  };
}

function flashContext(core: Core): FlashContext {
  const now = core.now();
  return { fiches: ficheLookup(core), render: renderMarkdown, now, today: parisDay(now) };
}

/** Flash info: thin calls into core/flash. */
export const flashHandlers: HandlerTable<FlashMethod> = {
  'flash.list': async (core, input) => ({
    flash: await listFlash(core.store.db, parisDay(core.now()), input.archive ?? false),
    points: await flashPointOptions(core.store.db),
  }),
  'flash.get': (core, input) =>
    getFlash(core.store.db, ficheLookup(core), renderMarkdown, input.id, parisDay(core.now())),
  'flash.create': (core, input, { session }) =>
    createFlash(
      core.store.db,
      { ...actorOf(session), nom: compteOf(session).nom },
      input,
      flashContext(core),
    ),
  'flash.update': (core, input, { session }) =>
    updateFlash(core.store.db, actorOf(session), input.id, input.fields, flashContext(core)),
  'flash.current': async (core, input, context) => ({
    flash: await currentFlash(
      core.store.db,
      ficheLookup(core),
      renderMarkdown,
      await reader(core, context),
      input.ficheId,
    ),
  }),
  'flash.confirm': async (core, input, context) =>
    confirmFlash(
      core.store.db,
      ficheLookup(core),
      renderMarkdown,
      await reader(core, context),
      input.id,
      core.now(),
    ),
};

/** Favourites and recently viewed fiches, per account: thin calls into core/favoris. */
export const favoriHandlers: HandlerTable<FavoriMethod> = {
  'favoris.list': (core, _input, { session }) =>
    listFavoris(core.store.db, ficheLookup(core), compteOf(session).id),
  'favoris.set': (core, input, { session }) =>
    setFavori(
      core.store.db,
      ficheLookup(core),
      compteOf(session).id,
      input.ficheId,
      input.favori,
      core.now(),
    ),
  'favoris.viewed': (core, input, { session }) =>
    recordView(core.store.db, ficheLookup(core), compteOf(session).id, input.ficheId, core.now()),
};
