import type { SearchHit } from '../../../../common/contract';
import { formatRoute } from '../../router';
import { NATIONAL_SOURCE, updatedOn } from './origins';
import { Snippet } from './Snippet';
import { ThemeTags } from '../../ui/ThemeTags';

export const RESULTS_ID = 'resultats';
export const resultId = (index: number) => `resultat-${index}`;

/**
 * The results as a listbox driven from the search box (aria-activedescendant). Each option is itself the link to
 * its fiche, so a click, a middle click or Enter all open it, with no interactive element nested in an option.
 */
export function SearchResults({
  results,
  active,
  hidden,
}: {
  results: SearchHit[];
  active: number;
  hidden: boolean;
}) {
  return (
    <div
      role="listbox"
      id={RESULTS_ID}
      aria-label="Résultats de la recherche"
      className="results"
      hidden={hidden}
      data-testid="results"
    >
      {results.map((hit, index) => {
        const national = hit.origine === 'national';
        const origineId = `${resultId(index)}-origine`;
        const resumeId = `${resultId(index)}-resume`;
        return (
          <a
            key={hit.id}
            id={resultId(index)}
            role="option"
            aria-selected={index === active}
            aria-labelledby={`${resultId(index)}-titre`}
            aria-describedby={national ? `${origineId} ${resumeId}` : resumeId}
            tabIndex={-1}
            href={formatRoute({ name: 'fiche', id: hit.id })}
            className={index === active ? 'result result-active' : 'result'}
            data-testid="result-item"
            data-id={hit.id}
            data-origine={hit.origine}
          >
            <div className="result-head">
              <span className="result-title" id={`${resultId(index)}-titre`}>
                {hit.titre}
              </span>
              {national && (
                <span className="result-origin" id={origineId} data-testid="result-national">
                  <span className="badge badge-national">{NATIONAL_SOURCE}</span>{' '}
                  <span className="result-date">{updatedOn(hit.mise_a_jour)}</span>
                </span>
              )}
              <ThemeTags themes={hit.themes} />
            </div>
            {hit.snippet.length > 0 && <Snippet segments={hit.snippet} />}
            <p className="result-resume" id={resumeId}>
              {hit.resume}
            </p>
          </a>
        );
      })}
    </div>
  );
}
