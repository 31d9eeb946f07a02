// A service as the windows show it (the agents' and the kiosk's): today's hours, the week, the coming closures,
// its text rendered.
import type { Contact } from '../../../common/knowledge/types';
import type { ContactSummary, ContactView } from '../../../common/contract';
import { hoursToday, weekHours } from './hours';
import { renderMarkdown } from './render';

export function contactSummary(contact: Contact, now: Date): ContactSummary {
  return {
    id: contact.id,
    nom: contact.nom,
    type: contact.type,
    entite: contact.entite,
    commune: contact.adresse.commune,
    telephone: contact.telephone,
    today: hoursToday(contact, now),
  };
}

export function contactView(contact: Contact, now: Date): ContactView {
  const base = contactSummary(contact, now);
  return {
    ...base,
    adresse: contact.adresse,
    courriel: contact.courriel,
    site: contact.site,
    horaires_note: contact.horaires_note,
    accessibilite: contact.accessibilite,
    canaux: contact.canaux,
    week: weekHours(contact),
    // Past closures are of no use to anyone.
    fermetures: contact.fermetures.filter((f) => f.au >= base.today.date),
    html: renderMarkdown(contact.body),
  };
}
