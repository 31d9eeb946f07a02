import { ForbiddenError } from '../../core/errors';
import { actorOf } from '../../core/auth/session';
import { readBorneSettings, writeBorneSettings } from '../../core/borne/settings';
import { recordSatisfaction, satisfactionCounts } from '../../core/borne/satisfaction';
import { borneFiche, borneSearch, borneService } from '../../core/borne/views';
import { contactSummary } from '../../core/knowledge/contact-view';
import type { BorneMethod } from '../../../common/borne/methods';
import type { HandlerTable } from '../handler-types';

/** How many results a kiosk lists at once: a standing reader scrolls little. */
const KIOSK_LIMIT = 20;

/** The public kiosk's methods, and its settings in Réglages. */
export const borneHandlers: HandlerTable<BorneMethod> = {
  'borne.accueil': async (core) => {
    const { themes, fiches } = core.search.current().knowledge;
    return {
      reglage: await readBorneSettings(core.store.db),
      themes: themes
        .map((theme) => ({
          id: theme.id,
          libelle: theme.libelle,
          count: fiches.filter((f) => f.statut === 'publiee' && f.themes.includes(theme.id)).length,
        }))
        .filter((theme) => theme.count > 0),
    };
  },
  'borne.search': (core, input) =>
    borneSearch(core.search.current(), input.q, input.theme, input.limit ?? KIOSK_LIMIT),
  'borne.fiche': (core, input) => borneFiche(core.search.current(), input.id, core.now()),
  'borne.services': (core, input) => {
    const now = core.now();
    return {
      results: core.search
        .current()
        .searchContacts(input.q, 100)
        .map((contact) => contactSummary(contact, now)),
    };
  },
  'borne.service': (core, input) => borneService(core.search.current(), input.id, core.now()),
  'borne.satisfaction': async (core, input, { kiosk }) => {
    // Counted only from a kiosk: an agent's window or a script has no answer to give here.
    if (!kiosk) throw new ForbiddenError('Cette réponse ne se donne que sur la borne d’accueil.');
    await recordSatisfaction(core.store.db, input.note, core.now());
    return { merci: true };
  },
  'borne.reglage.get': async (core) => ({
    reglage: await readBorneSettings(core.store.db),
    satisfaction: await satisfactionCounts(core.store.db, core.now()),
  }),
  'borne.reglage.set': async (core, input, { session }) => {
    const db = core.store.db;
    return {
      reglage: await writeBorneSettings(db, actorOf(session), input, core.now()),
      satisfaction: await satisfactionCounts(db, core.now()),
    };
  },
};
