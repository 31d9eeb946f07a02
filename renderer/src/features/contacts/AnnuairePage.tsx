import type { ChangeEvent, KeyboardEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { CONTACTS_ID, ContactResults, contactOptionId } from './ContactResults';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { plural } from '../../ui/format';
import { useActiveOption } from '../../ui/hooks/useActiveOption';
import { useIndexStatus } from '../../ui/hooks/indexStatus';
import { useCall } from '../../ui/hooks/useCall';
import { navigate } from '../../navigation';
import { registerSearchBox } from '../../ui/searchBox';
import { useDemande } from '../journal/demande';

const DEBOUNCE_MS = 60;

export function AnnuairePage({ q }: { q: string }) {
  const refresh = useIndexStatus().refreshKey;
  // A service looked up for a citizen starts the contact, as a search does: the outcome bar's keys then log it.
  const { touch } = useDemande();
  const [text, setText] = useState(q);
  const written = useRef(q);
  const timer = useRef<number | undefined>(undefined);

  const search = useCall('contacts.search', { q: q.trim() }, { refresh, keepPrevious: true });
  const contacts = search.status === 'ok' ? search.data.results : [];
  const listKey = search.status === 'ok' ? search.key : null;
  const { active, move } = useActiveOption(listKey, contacts.length, contactOptionId);

  useEffect(() => {
    if (q !== written.current) {
      written.current = q;
      setText(q);
    }
  }, [q]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const write = (value: string) => {
    window.clearTimeout(timer.current);
    written.current = value;
    navigate({ name: 'annuaire', q: value }, { replace: true });
  };

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.target.value;
    touch();
    setText(value);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => write(value), DEBOUNCE_MS);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const contact = contacts[active >= 0 ? active : 0];
      if (contact && (active >= 0 || text === q)) navigate({ name: 'contact', id: contact.id });
      else if (text !== q) write(text);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setText('');
      write('');
    }
  };

  return (
    <PageMain className="annuaire-page">
      <h1>Annuaire des services</h1>
      <div className="search-box search-box-compact">
        <label htmlFor="contact-search-input" className="field-label">
          Rechercher un service
        </label>
        <input
          ref={registerSearchBox}
          id="contact-search-input"
          className="search-input"
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={contacts.length > 0}
          aria-controls={CONTACTS_ID}
          aria-activedescendant={active >= 0 ? contactOptionId(active) : undefined}
          aria-describedby="contact-search-help"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          placeholder="Ex. : état civil, CCAS, déchèterie…"
          value={text}
          onChange={onChange}
          onKeyDown={onKeyDown}
          data-testid="contact-search-input"
        />
        <p id="contact-search-help" className="hint">
          Nom, mission ou commune. <kbd>↑</kbd> <kbd>↓</kbd> pour choisir, <kbd>Entrée</kbd> pour ouvrir.
        </p>
      </div>
      {search.status === 'loading' && <Loading label="Chargement des services…" />}
      {search.status === 'error' && <ErrorMessage error={search.error} />}
      <p className="result-count" role="status" data-testid="contact-count">
        {search.status === 'ok' &&
          (contacts.length === 0
            ? q.trim()
              ? `Aucun service pour « ${q.trim()} »`
              : 'Aucun service dans la base.'
            : plural(contacts.length, 'service'))}
      </p>
      <ContactResults contacts={contacts} active={active} />
    </PageMain>
  );
}
