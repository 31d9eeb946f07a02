// Pure helpers of the content problems page, unit-tested under Node.
import type { ContentProblem } from '../../../../common/knowledge/types';

/** Errors first, then by file and line, so the editor fixes what blocks a fiche before what is only advice. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  const rank = (problem: ContentProblem) => (problem.severity === 'erreur' ? 0 : 1);
  return [...problems].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.path.localeCompare(b.path, 'fr') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.message.localeCompare(b.message, 'fr'),
  );
}

export function countBySeverity(problems: readonly ContentProblem[]): { errors: number; warnings: number } {
  const errors = problems.filter((problem) => problem.severity === 'erreur').length;
  return { errors, warnings: problems.length - errors };
}
