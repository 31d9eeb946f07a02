import type { FormEvent } from 'react';
import { OnScreenKeyboard } from './OnScreenKeyboard';

/** The kiosk's search: a big field and the on-screen keyboard under it; a physical keyboard works too. */
export function SearchBox({
  query,
  onChange,
  onSearch,
}: {
  query: string;
  onChange: (query: string) => void;
  onSearch: () => void;
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch();
  };
  return (
    <form className="borne-search" role="search" onSubmit={submit}>
      <label htmlFor="borne-q" className="borne-search-label">
        Que cherchez-vous ?
      </label>
      <div className="borne-search-line">
        <input
          id="borne-q"
          className="borne-search-input"
          type="search"
          value={query}
          maxLength={200}
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          placeholder="carte d’identité, inscription à l’école…"
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
      <OnScreenKeyboard
        onKey={(text) => onChange(`${query}${text}`.slice(0, 200))}
        onBackspace={() => onChange(query.slice(0, -1))}
        onClear={() => onChange('')}
        onSubmit={onSearch}
      />
    </form>
  );
}
