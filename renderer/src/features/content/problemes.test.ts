import { describe, expect, it } from 'vitest';
import type { ContentProblem } from '../../../../common/knowledge/types';
import { countBySeverity, sortProblems } from './problemes';

const problem = (path: string, severity: ContentProblem['severity'], line?: number): ContentProblem => ({
  path,
  severity,
  line,
  message: `${path}:${line ?? ''}`,
});

describe('sortProblems', () => {
  it('puts errors first, then sorts by file and line', () => {
    const sorted = sortProblems([
      problem('fiches/b.md', 'avertissement', 3),
      problem('fiches/b.md', 'erreur', 9),
      problem('contacts/a.md', 'avertissement'),
      problem('fiches/b.md', 'erreur', 2),
      problem('fiches/a.md', 'erreur'),
    ]);
    expect(sorted.map((p) => p.message)).toEqual([
      'fiches/a.md:',
      'fiches/b.md:2',
      'fiches/b.md:9',
      'contacts/a.md:',
      'fiches/b.md:3',
    ]);
  });

  it('counts errors and warnings', () => {
    expect(
      countBySeverity([problem('a', 'erreur'), problem('b', 'avertissement'), problem('c', 'erreur')]),
    ).toEqual({
      errors: 2,
      warnings: 1,
    });
  });
});
