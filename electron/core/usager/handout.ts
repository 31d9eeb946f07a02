// The fiche as the citizen takes it away (« Pour l'usager »): what to bring, cost, delay, where to go with today's
// and the week's hours, and the address of the full text. One builder for the window's print layout and for the
// e-mail, so both say the same thing. Pure: the QR code is made beforehand (qr.ts) and passed in.
import { frenchDate } from '../../../common/french-date';
import type { Contact, Fiche } from '../../../common/knowledge/types';
import type { Handout, HandoutService } from '../../../common/usager/methods';
import { addressLines } from '../address';
import { hoursToday, localMoment, weekHours } from '../knowledge/hours';

/** More services would push the handout past two A4 pages; the rest are counted (« et 5 autres services »). */
export const MAX_HANDOUT_SERVICES = 3;

function formatTime(time: string): string {
  const [hours = '', minutes = ''] = time.split(':');
  return `${Number(hours)}h${minutes}`;
}

/** « 08:30-12:00 » → « 8h30 – 12h00 »; a day's slots joined by « et »; none: « Fermé ». */
export function formatSlots(slots: readonly string[]): string {
  if (slots.length === 0) return 'Fermé';
  return slots
    .map((slot) => {
      const [start, end] = slot.split('-');
      return start && end ? `${formatTime(start)} – ${formatTime(end)}` : slot;
    })
    .join(' et ');
}

function day(iso: string): string {
  return frenchDate(iso) ?? iso;
}

/** Today's line, as the citizen reads it later at home: the date is written out, never « aujourd'hui » alone. */
function todayLine(contact: Contact, now: Date): string {
  const today = hoursToday(contact, now);
  const when = `Aujourd’hui (${today.weekday} ${day(today.date)})`;
  if (today.closure) {
    const motif = today.closure.motif ? ` (${today.closure.motif})` : '';
    return `${when} : fermeture exceptionnelle jusqu’au ${day(today.closure.au)} inclus${motif}`;
  }
  return `${when} : ${formatSlots(today.slots)}`;
}

function handoutService(contact: Contact, now: Date): HandoutService {
  const today = localMoment(now).date;
  const { adresse } = contact;
  return {
    id: contact.id,
    nom: contact.nom,
    adresse: addressLines(adresse),
    telephone: contact.telephone,
    courriel: contact.courriel,
    site: contact.site,
    aujourdhui: todayLine(contact, now),
    semaine: weekHours(contact).map(({ day: jour, slots }) => ({ jour, horaires: formatSlots(slots) })),
    horairesNote: contact.horaires_note,
    // Past closures are of no use; today's is already in today's line.
    fermetures: contact.fermetures
      .filter((f) => f.au >= today && f.du > today)
      .map((f) => {
        const when = f.du === f.au ? `Fermé le ${day(f.du)}` : `Fermé du ${day(f.du)} au ${day(f.au)}`;
        return `${when}${f.motif ? ` : ${f.motif}` : ''}`;
      }),
  };
}

/** Only a web address may become a link or a QR code; anything else in `source` is a note for editors. */
export function publicUrl(source: string | undefined): string | undefined {
  if (!source) return undefined;
  try {
    const url = new URL(source.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The handout of `fiche`, its services (explicit ones first, then those of its pivot codes, as the fiche page
 * shows them) and the QR code of its public source, when it has one.
 */
export function buildHandout(fiche: Fiche, services: readonly Contact[], now: Date, qrSvg?: string): Handout {
  const url = publicUrl(fiche.source);
  const kept = services.slice(0, MAX_HANDOUT_SERVICES);
  return {
    id: fiche.id,
    titre: fiche.titre,
    resume: fiche.resume,
    publicConcerne: fiche.public_concerne,
    pieces: fiche.pieces_a_fournir,
    cout: fiche.cout,
    delai: fiche.delai,
    services: kept.map((contact) => handoutService(contact, now)),
    autresServices: services.length - kept.length,
    source: url && qrSvg ? { url, qrSvg } : undefined,
    miseAJour: day(fiche.mise_a_jour),
    etabliLe: day(localMoment(now).date),
  };
}
