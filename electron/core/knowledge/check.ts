// The content check of a content folder (npm run check-content): what parsing reports, each problem with a
// stable code, graded for a CI — every problem that would hide a fiche or leave a reference dangling is an
// error; a review date gone by is only a warning, since the fiche is still right until someone says otherwise.
import type { ContentFile } from './content-files';
import type { ProblemCode } from './parse';
import { frenchDate } from '../../../common/french-date';
import { lineOfField, parseKnowledgeWithCodes } from './parse';

export type CheckCode = ProblemCode | 'overdue_review';

/** One finding, in the shape of the JSON report: absent line or field are null, so every key is always there. */
export interface CheckFinding {
  path: string;
  line: number | null;
  field: string | null;
  code: CheckCode;
  message: string;
}

export interface CheckReport {
  /** Number of content files read (fiches, contacts, themes.yml, synonymes.yml). */
  files: number;
  errors: CheckFinding[];
  warnings: CheckFinding[];
}

const WARNING_CODES: ReadonlySet<CheckCode> = new Set(['overdue_review']);

/**
 * Checks the files of a content folder. `today` (« YYYY-MM-DD », Paris) decides which reviews are overdue;
 * the caller passes it so that a CI run can pin it.
 */
export function checkContent(files: ContentFile[], today: string): CheckReport {
  const knowledge = parseKnowledgeWithCodes(files);
  const findings: CheckFinding[] = knowledge.problems.map((problem) => ({
    path: problem.path,
    line: problem.line ?? null,
    field: problem.field ?? null,
    code: problem.code,
    message: problem.message,
  }));
  const textOf = new Map(files.map((file) => [file.path, file.text]));
  for (const fiche of knowledge.fiches) {
    // Dates are « YYYY-MM-DD », so their text order is the calendar's.
    if (fiche.a_revoir && fiche.a_revoir < today) {
      findings.push({
        path: fiche.path,
        line: lineOfField(textOf.get(fiche.path) ?? '', 'a_revoir') ?? null,
        field: 'a_revoir',
        code: 'overdue_review',
        message: `la date « à revoir le » (${frenchDate(fiche.a_revoir) ?? fiche.a_revoir}) est passée${
          fiche.responsable ? ` ; responsable : ${fiche.responsable}` : ''
        }`,
      });
    }
  }
  findings.sort(byPlace);
  return {
    files: files.length,
    errors: findings.filter((finding) => !WARNING_CODES.has(finding.code)),
    warnings: findings.filter((finding) => WARNING_CODES.has(finding.code)),
  };
}

function byPlace(a: CheckFinding, b: CheckFinding): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}
