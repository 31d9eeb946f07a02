// A small search-and-pick list: type a few letters, the matching fiches or services appear as buttons, a press
// hands the chosen one to the page (insert a link, add a service, choose the fiche for a keyword). Plain buttons
// in a list: every option is reachable with Tab, and the count is announced.
import { useEffect, useState } from 'react';
import { TextField } from '../../ui/forms/Field';
import { plural } from '../../ui/format';

export interface PickOption {
  id: string;
  label: string;
  /** A second line: the id, « nationale », « brouillon »… */
  detail?: string;
}

const SEARCH_DELAY_MS = 250;

export function SearchPicker({
  id,
  label,
  hint,
  search,
  onPick,
  actionLabel,
  minLength = 1,
}: {
  id: string;
  label: string;
  hint?: string;
  search: (q: string) => Promise<PickOption[]>;
  onPick: (option: PickOption) => void;
  /** The visible text of each option's button is the option; this is its accessible name. */
  actionLabel: (option: PickOption) => string;
  minLength?: number;
}) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<PickOption[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const text = q.trim();
    if (text.length < minLength) {
      setOptions(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      search(text).then(
        (found) => {
          if (!live) return;
          setOptions(found);
          setFailure(null);
        },
        (error: unknown) => {
          if (live) setFailure(error instanceof Error ? error.message : 'La recherche a échoué.');
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `search` may be a new function at each render of the page; the query is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q, minLength]);

  return (
    <div className="ed-picker" data-testid={id}>
      <TextField
        id={`${id}-q`}
        label={label}
        hint={hint}
        type="search"
        value={q}
        onChange={(event) => setQ(event.target.value)}
        onKeyDown={(event) => {
          // Enter in the box must not submit the editor's form.
          if (event.key === 'Enter') event.preventDefault();
        }}
        autoComplete="off"
      />
      <p className="visually-hidden" role="status">
        {options === null ? '' : plural(options.length, 'résultat')}
      </p>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      {options !== null &&
        (options.length === 0 ? (
          <p className="muted">Aucun résultat.</p>
        ) : (
          <ul className="ed-picker-list">
            {options.map((option) => (
              <li key={option.id}>
                <button
                  type="button"
                  className="ed-picker-option"
                  aria-label={actionLabel(option)}
                  data-testid={`${id}-option`}
                  data-id={option.id}
                  onClick={() => onPick(option)}
                >
                  <span className="ed-picker-label">{option.label}</span>
                  {option.detail && <span className="ed-picker-detail">{option.detail}</span>}
                </button>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}
