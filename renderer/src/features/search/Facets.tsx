import type { SearchResponse } from '../../../../common/contract';

interface FacetsProps {
  facets: SearchResponse['facets'];
  selected: readonly string[];
  onToggle: (id: string) => void;
  onClear: () => void;
}

/** Thème filters as toggle buttons; a selected thème stays visible even when the answer no longer counts it. */
export function Facets({ facets, selected, onToggle, onClear }: FacetsProps) {
  const shown = [...facets];
  for (const id of selected) {
    if (!shown.some((facet) => facet.id === id)) shown.push({ id, libelle: id, count: 0 });
  }
  if (shown.length === 0) return null;

  return (
    <div className="facets" role="group" aria-labelledby="facets-title" data-testid="facets">
      <p className="facets-title" id="facets-title">
        Filtrer par thème
      </p>
      <ul className="facet-list">
        {shown.map((facet) => {
          const pressed = selected.includes(facet.id);
          return (
            <li key={facet.id}>
              <button
                type="button"
                className="facet"
                aria-pressed={pressed}
                onClick={() => onToggle(facet.id)}
                data-testid="facet"
                data-id={facet.id}
              >
                {facet.libelle} <span className="facet-count">({facet.count})</span>
              </button>
            </li>
          );
        })}
        {selected.length > 0 && (
          <li>
            <button type="button" className="facet-clear" onClick={onClear} data-testid="facet-clear">
              Tous les thèmes
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
