// What the editor checks as one types and before saving: the parser's own zod schemas and French messages for
// the front-matter, then the references the parser checks across files (services, thèmes, links, ids, the
// national fiche a complement completes), against the knowledge base as the desk sees it now.
import type { z } from 'zod';
import { contactFrontMatter, ficheFrontMatter, foldKey, normalizeKeys } from '../knowledge/schema';
import { danglingLinks } from '../knowledge/parse';
import type { KnowledgeBase } from '../../../common/knowledge/types';
import type { EditorKind } from '../../../common/redaction/codes';
import type { EditorProblem, FrontMatter } from '../../../common/redaction/types';

export interface ValidationTarget {
  kind: EditorKind;
  frontMatter: FrontMatter;
  body: string;
  /** The file being edited (relative path), absent for a new one: its own id is not a duplicate. */
  path?: string;
  /** The id the file had when opened: an existing file keeps it (links and services point to it). */
  originalId?: string;
}

/** The zod issues as the parser words them (parse.ts issuesToProblems), one per field. */
function schemaProblems(issues: z.core.$ZodIssue[]): EditorProblem[] {
  return issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return {
        field: issue.keys.join(', '),
        severity: 'erreur' as const,
        message: `champ inconnu « ${issue.keys.join(' », « ')} » (voir content/README.md pour la liste des champs)`,
      };
    }
    return { field: issue.path.map(String).join('.'), severity: 'erreur' as const, message: issue.message };
  });
}

/** Problems of a fiche or contact being edited; no 'erreur' means the file will be read as written. */
export function validateDocument(target: ValidationTarget, knowledge: KnowledgeBase): EditorProblem[] {
  const data = normalizeKeys(target.frontMatter);
  const result =
    target.kind === 'fiche' ? ficheFrontMatter.safeParse(data) : contactFrontMatter.safeParse(data);
  const problems: EditorProblem[] = result.success ? [] : schemaProblems(result.error.issues);
  const warn = (field: string, message: string) =>
    problems.push({ field, message, severity: 'avertissement' });

  const id = typeof data.id === 'string' ? data.id : undefined;
  if (id !== undefined) {
    const other = [...knowledge.fiches, ...knowledge.contacts].find(
      (item) => item.id === id && item.path !== target.path,
    );
    if (other) {
      problems.push({
        field: 'id',
        severity: 'erreur',
        message: `l'identifiant « ${id} » est déjà utilisé par ${other.path}`,
      });
    }
    if (target.originalId !== undefined && id !== target.originalId) {
      problems.push({
        field: 'id',
        severity: 'erreur',
        message: `l'identifiant ne change pas une fois créé (les liens pointent vers « ${target.originalId} ») ; changez plutôt le titre`,
      });
    }
  }

  const contactIds = new Set(knowledge.contacts.map((c) => c.id));
  const ficheIds = new Set(knowledge.fiches.map((f) => f.id));
  if (target.kind === 'fiche' && result.success) {
    const fiche = result.data as z.infer<typeof ficheFrontMatter>;
    if (fiche.origine === 'national') {
      problems.push({
        field: 'origine',
        severity: 'erreur',
        message:
          'une fiche écrite ici est locale : les fiches nationales viennent de l’import Service-Public.fr',
      });
    }
    for (const service of fiche.services) {
      if (!contactIds.has(service))
        warn('services', `service inconnu « ${service} » (aucun contact n'a cet id)`);
    }
    if (knowledge.themes.length > 0) {
      const themeIds = new Set(knowledge.themes.flatMap((t) => [t.id, foldKey(t.libelle)]));
      for (const theme of fiche.themes) {
        if (!themeIds.has(theme) && !themeIds.has(foldKey(theme)))
          warn('themes', `thème inconnu « ${theme} » (absent de themes.yml)`);
      }
    }
    if (fiche.complete) {
      const completed = knowledge.fiches.find((f) => f.id === fiche.complete);
      if (!completed) warn('complete', `la fiche complétée « ${fiche.complete} » n'existe pas`);
      else if (completed.origine !== 'national')
        warn(
          'complete',
          `« ${fiche.complete} » n'est pas une fiche nationale : seule une fiche nationale se complète`,
        );
    }
  }
  for (const { message } of danglingLinks(target.body, ficheIds, contactIds)) warn('body', message);
  return problems;
}

export function hasErrors(problems: readonly EditorProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'erreur');
}
