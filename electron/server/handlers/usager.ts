import { actorOf } from '../../core/auth/session';
import { ficheForSession } from '../../core/redaction/drafts';
import { handoutOf, sendHandout, type FicheSource } from '../../core/usager/give';
import { verifySmtp } from '../../core/usager/send';
import { readSmtp, settingsFrom, smtpView, writeSmtp } from '../../core/usager/smtp-settings';
import type { Core } from '../../core/app';
import type { Session } from '../../core/auth/session';
import type { UsagerMethod } from '../../../common/contract';
import type { HandlerTable } from '../handler-types';

/** The live knowledge base, fiches read as this session may read them (drafts for editors only). */
function ficheSource(core: Core, session: Session): FicheSource {
  const engine = core.search.current();
  return {
    fiche: (id) => ficheForSession((ficheId) => engine.fiche(ficheId), engine.knowledge, id, session),
    servicesOf: (fiche) => engine.servicesOf(fiche),
  };
}

export const usagerHandlers: HandlerTable<UsagerMethod> = {
  'usager.fiche': (core, input, { session }) => handoutOf(ficheSource(core, session), input.id, core.now()),
  // The address is in `input` only for this call: never logged (dispatch logs no input), never stored.
  'usager.envoyer': (core, input, { session }) =>
    sendHandout(core.store.db, ficheSource(core, session), input.id, input.courriel, core.now()),
  'usager.smtp.get': (core) => smtpView(core.store.db, core.now()),
  'usager.smtp.set': (core, input, { session }) =>
    writeSmtp(core.store.db, actorOf(session), input, core.now()),
  'usager.smtp.tester': async (core, input) => {
    await verifySmtp(settingsFrom(input, await readSmtp(core.store.db)));
    return {
      message: `Le serveur de messagerie ${input.hote}:${input.port} répond et accepte la connexion.`,
    };
  },
};
