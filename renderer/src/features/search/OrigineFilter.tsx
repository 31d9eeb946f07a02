import type { SearchResponse } from '../../../../common/contract';
import type { Origine } from '../../../../common/knowledge/types';
import { origineChoices, showOrigineFilter } from './origins';

interface OrigineFilterProps {
  origins: SearchResponse['origins'];
  selected: Origine | undefined;
  onSelect: (origine: Origine | undefined) => void;
}

/** « Toutes · Fiches locales · Service-Public.fr »: one choice at a time, as toggle buttons like the thèmes. */
export function OrigineFilter({ origins, selected, onSelect }: OrigineFilterProps) {
  if (!showOrigineFilter(origins, selected)) return null;
  return (
    <div
      className="facets origin-filter"
      role="group"
      aria-labelledby="origin-filter-title"
      data-testid="origin-filter"
    >
      <p className="facets-title" id="origin-filter-title">
        Origine
      </p>
      <ul className="facet-list">
        {origineChoices(origins).map((choice) => (
          <li key={choice.value ?? 'toutes'}>
            <button
              type="button"
              className="facet"
              aria-pressed={choice.value === selected}
              onClick={() => onSelect(choice.value)}
              data-testid="origin-choice"
              data-origine={choice.value ?? 'toutes'}
            >
              {choice.label} <span className="facet-count">({choice.count})</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
