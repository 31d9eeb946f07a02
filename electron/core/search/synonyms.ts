import type { SynonymGroup } from '../../../common/knowledge/types';
import { terms } from './analyzer';

export interface SynonymExpression {
  /** The expression as the editor wrote it. */
  text: string;
  /** Its indexed terms, all of which a document must hold to match it. */
  terms: string[];
  group: number;
}

/** synonymes.yml compiled for the planner: expressions looked up by their first term. */
export class SynonymTable {
  private readonly byFirstTerm = new Map<string, SynonymExpression[]>();
  readonly groups: SynonymExpression[][];

  constructor(groups: SynonymGroup[]) {
    this.groups = groups.map((group, index) =>
      group.map((text) => ({ text, terms: terms(text), group: index })).filter((e) => e.terms.length > 0),
    );
    for (const group of this.groups) {
      for (const expression of group) {
        const first = expression.terms[0] ?? '';
        const list = this.byFirstTerm.get(first) ?? [];
        list.push(expression);
        // Longest first, so "carte nationale d'identité" wins over "carte".
        list.sort((a, b) => b.terms.length - a.terms.length);
        this.byFirstTerm.set(first, list);
      }
    }
  }

  /** The longest expression that starts at `terms[start]`. */
  matchAt(queryTerms: string[], start: number): SynonymExpression | undefined {
    const candidates = this.byFirstTerm.get(queryTerms[start] ?? '') ?? [];
    return candidates.find((expression) =>
      expression.terms.every((term, k) => queryTerms[start + k] === term),
    );
  }

  /** The other expressions of an expression's group. */
  equivalents(expression: SynonymExpression): SynonymExpression[] {
    return (this.groups[expression.group] ?? []).filter((other) => other !== expression);
  }
}
