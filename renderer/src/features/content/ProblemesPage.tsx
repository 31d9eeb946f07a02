import type { ContentProblem } from '../../../../common/knowledge/types';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { plural } from '../../ui/format';
import { useIndexStatus } from '../../ui/hooks/indexStatus';
import { useCall } from '../../ui/hooks/useCall';
import { countBySeverity, sortProblems } from './problemes';

export function ProblemesPage() {
  const refresh = useIndexStatus().refreshKey;
  const result = useCall('content.problems', {}, { refresh });

  return (
    <PageMain className="problems-page">
      <h1>Problèmes de contenu</h1>
      {result.status === 'loading' && <Loading label="Vérification du contenu…" />}
      {result.status === 'error' && <ErrorMessage error={result.error} />}
      {result.status === 'ok' && <Problems {...result.data} />}
    </PageMain>
  );
}

function Problems({ contentDir, problems }: { contentDir: string; problems: ContentProblem[] }) {
  const { errors, warnings } = countBySeverity(problems);
  const sorted = sortProblems(problems);
  return (
    <>
      <p className="content-dir">
        Dossier de contenu : <code data-testid="content-dir">{contentDir}</code>
      </p>
      {problems.length === 0 ? (
        <p className="alert alert-success" data-testid="problems-empty">
          Aucun problème : tous les fichiers sont valides.
        </p>
      ) : (
        <>
          <p className="problem-summary" data-testid="problems-summary">
            <span className="badge badge-error">{plural(errors, 'erreur')}</span>{' '}
            <span className="badge badge-warning">{plural(warnings, 'avertissement')}</span>
          </p>
          <p className="muted">
            Une fiche ou un service en erreur n&apos;est pas proposé aux agents tant que le fichier n&apos;est
            pas corrigé.
          </p>
          <div className="table-wrap">
            <table className="problems-table" data-testid="problems-table">
              <caption className="visually-hidden">Problèmes détectés, erreurs en premier</caption>
              <thead>
                <tr>
                  <th scope="col">Fichier</th>
                  <th scope="col" className="num">
                    Ligne
                  </th>
                  <th scope="col">Champ</th>
                  <th scope="col">Gravité</th>
                  <th scope="col">Message</th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((problem, index) => (
                  <tr key={index} data-testid="problem-row" data-severity={problem.severity}>
                    <td>
                      <code>{problem.path}</code>
                    </td>
                    <td className="num">{problem.line ?? '—'}</td>
                    <td>{problem.field ?? '—'}</td>
                    <td>
                      <span
                        className={
                          problem.severity === 'erreur' ? 'badge badge-error' : 'badge badge-warning'
                        }
                      >
                        {problem.severity === 'erreur' ? 'Erreur' : 'Avertissement'}
                      </span>
                    </td>
                    <td>{problem.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
