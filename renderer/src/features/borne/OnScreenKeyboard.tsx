import type { MouseEvent } from 'react';

const ROWS: readonly (readonly string[])[] = [
  ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
  ['a', 'z', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['q', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm'],
  ['w', 'x', 'c', 'v', 'b', 'n', 'é', 'è', 'à', 'ç'],
  ['ê', 'ô', 'ù', 'î', "'", '-'],
];

// A key keeps the focus in the search box (a touch must not close the page's own keyboard, when it has one).
const keepFocus = (event: MouseEvent) => event.preventDefault();

/** The kiosk's own keyboard (AZERTY with French accents): a touch screen in a hall has no other. */
export function OnScreenKeyboard({
  onKey,
  onBackspace,
  onClear,
  onSubmit,
}: {
  onKey: (text: string) => void;
  onBackspace: () => void;
  onClear: () => void;
  onSubmit: () => void;
}) {
  return (
    <div className="borne-keyboard" role="group" aria-label="Clavier" data-testid="borne-keyboard">
      {ROWS.map((row) => (
        <div key={row.join('')} className="borne-keyboard-row">
          {row.map((key) => (
            <button
              key={key}
              type="button"
              className="borne-key"
              onMouseDown={keepFocus}
              onClick={() => onKey(key)}
            >
              {key}
            </button>
          ))}
        </div>
      ))}
      <div className="borne-keyboard-row">
        <button
          type="button"
          className="borne-key borne-key-wide"
          onMouseDown={keepFocus}
          onClick={onBackspace}
          aria-label="Effacer la dernière lettre"
        >
          ⌫
        </button>
        <button
          type="button"
          className="borne-key borne-key-space"
          onMouseDown={keepFocus}
          onClick={() => onKey(' ')}
        >
          Espace
        </button>
        <button type="button" className="borne-key borne-key-wide" onMouseDown={keepFocus} onClick={onClear}>
          Tout effacer
        </button>
        <button
          type="button"
          className="borne-key borne-key-wide borne-key-go"
          onMouseDown={keepFocus}
          onClick={onSubmit}
        >
          Rechercher
        </button>
      </div>
    </div>
  );
}
