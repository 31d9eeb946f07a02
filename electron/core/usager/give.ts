// Giving a fiche to the citizen: its handout for the window's print layout, or sent by e-mail. The address is
// a parameter of one function call: it goes to the SMTP server and nowhere else (no table, no log, no audit).
import type { Contact, Fiche } from '../../../common/knowledge/types';
import type { Handout } from '../../../common/usager/methods';
import { NotFoundError, RefusedError } from '../errors';
import type { Db } from '../store/db';
import { countSend } from './envois';
import { buildHandout, publicUrl } from './handout';
import { handoutMail } from './handout-mail';
import { qrPng, qrSvg } from './qr';
import { sendMail, SMTP_MESSAGES } from './send';
import { readSmtp } from './smtp-settings';

/** What the core needs of the knowledge base: the fiche as the caller may read it, and its services. */
export interface FicheSource {
  fiche(id: string): Fiche;
  servicesOf(fiche: Fiche): Contact[];
}

export async function handoutOf(source: FicheSource, id: string, now: Date): Promise<Handout> {
  const fiche = source.fiche(id);
  const url = publicUrl(fiche.source);
  return buildHandout(fiche, source.servicesOf(fiche), now, url ? await qrSvg(url) : undefined);
}

/**
 * Sends the handout of a published fiche to `to` through the city's SMTP server, then counts one sending for
 * that fiche today. A failure (server unreachable, login or address refused) throws a French error and counts
 * nothing.
 */
export async function sendHandout(
  db: Db,
  source: FicheSource,
  id: string,
  to: string,
  now: Date,
): Promise<{ envoye: true }> {
  const settings = await readSmtp(db);
  if (!settings) throw new RefusedError(SMTP_MESSAGES.notConfigured);
  const fiche = source.fiche(id);
  if (fiche.statut !== 'publiee')
    throw new NotFoundError(`La fiche « ${id} » n'existe pas ou n'est pas publiée.`);
  const url = publicUrl(fiche.source);
  const handout = buildHandout(fiche, source.servicesOf(fiche), now, url ? await qrSvg(url) : undefined);
  const png = url ? await qrPng(url) : undefined;
  // The sending stays outside any transaction (a PostgreSQL transaction may be tried again: the citizen would
  // get the e-mail twice); it is counted only once the SMTP server has accepted it.
  await sendMail(settings, to, handoutMail(handout, png !== undefined), png);
  await countSend(db, fiche.id, now);
  return { envoye: true };
}
