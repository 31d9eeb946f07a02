import type { ReactNode } from 'react';
import type { Suggestions } from '../../../../common/contract';
import { formatRoute, searchRoute } from '../../router';

function join<T>(items: readonly T[], render: (item: T) => ReactNode) {
  return items.map((item, index) => (
    <span key={index}>
      {index > 0 && ', '}
      {render(item)}
    </span>
  ));
}

interface NoResultsProps {
  query: string;
  suggestions?: Suggestions;
  /** The filters that are on, if any: what to say about them, and the label of the button that clears them. */
  filter: { note: string; clearLabel: string } | null;
  onClearFilter: () => void;
}

/** « Aucun résultat pour « … » » and the ways out: spellings, synonyms, nearby thèmes (each runs a search). */
export function NoResults({ query, suggestions, filter, onClearFilter }: NoResultsProps) {
  const link = (text: string, testId: string) => (
    <a href={formatRoute(searchRoute(text))} data-testid={testId}>
      {text}
    </a>
  );
  return (
    <div className="no-results" data-testid="no-results">
      <p className="no-results-title">Aucun résultat pour « {query} »</p>
      {filter && (
        <p>
          {filter.note}{' '}
          <button type="button" className="link-button" onClick={onClearFilter} data-testid="clear-filters">
            {filter.clearLabel}
          </button>
        </p>
      )}
      {suggestions && suggestions.spellings.length > 0 && (
        <p data-testid="suggestions-spellings">
          Vouliez-vous dire : {join(suggestions.spellings, (text) => link(text, 'suggestion-spelling'))} ?
        </p>
      )}
      {suggestions && suggestions.synonyms.length > 0 && (
        <p data-testid="suggestions-synonyms">
          Essayez aussi : {join(suggestions.synonyms, (text) => link(text, 'suggestion-synonym'))}
        </p>
      )}
      {suggestions && suggestions.themes.length > 0 && (
        <p data-testid="suggestions-themes">
          Thèmes proches : {join(suggestions.themes, (theme) => link(theme.libelle, 'suggestion-theme'))}
        </p>
      )}
    </div>
  );
}
