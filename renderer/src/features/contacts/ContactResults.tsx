import type { ContactSummary } from '../../../../common/contract';
import { ENTITE_LABELS } from '../../ui/format';
import { formatRoute } from '../../router';
import { TodayStatus } from './TodayStatus';

export const CONTACTS_ID = 'services';
export const contactOptionId = (index: number) => `service-${index}`;

/** The directory as a listbox driven from its search box; each option is the link to its service. */
export function ContactResults({ contacts, active }: { contacts: ContactSummary[]; active: number }) {
  return (
    <div
      role="listbox"
      id={CONTACTS_ID}
      aria-label="Services"
      className="results contact-results"
      hidden={contacts.length === 0}
      data-testid="contact-results"
    >
      {contacts.map((contact, index) => (
        <a
          key={contact.id}
          id={contactOptionId(index)}
          role="option"
          aria-selected={index === active}
          aria-labelledby={`${contactOptionId(index)}-nom`}
          aria-describedby={`${contactOptionId(index)}-details`}
          tabIndex={-1}
          href={formatRoute({ name: 'contact', id: contact.id })}
          className={index === active ? 'result contact-item result-active' : 'result contact-item'}
          data-testid="contact-item"
          data-id={contact.id}
        >
          <span className="result-title" id={`${contactOptionId(index)}-nom`}>
            {contact.nom}
          </span>
          <span className="contact-details" id={`${contactOptionId(index)}-details`}>
            <span className="tag">{ENTITE_LABELS[contact.entite] ?? contact.entite}</span>
            <span>{contact.commune}</span>
            {contact.telephone && <span className="contact-phone">Tél. {contact.telephone}</span>}
            <TodayStatus today={contact.today} />
          </span>
        </a>
      ))}
    </div>
  );
}
