import { describe, expect, it } from 'vitest';
import { groupText, isOverdue, overdueLabel, parseGroup, reviewLabel, withParam } from './redaction-format';

describe('redaction-format', () => {
  it('words a review date', () => {
    expect(reviewLabel(-1)).toBe('En retard de 1 jour');
    expect(reviewLabel(-12)).toBe('En retard de 12 jours');
    expect(reviewLabel(0)).toBe("À revoir aujourd'hui");
    expect(reviewLabel(5)).toBe('Dans 5 jours');
    expect(overdueLabel('2026-03-01')).toBe('À revoir depuis le 1er mars 2026');
  });

  it('says a fiche is overdue only after its review date', () => {
    expect(isOverdue('2026-03-01', '2026-03-02')).toBe(true);
    expect(isOverdue('2026-03-02', '2026-03-02')).toBe(false);
    expect(isOverdue(undefined, '2026-03-02')).toBe(false);
  });

  it('edits synonym groups as one line of text', () => {
    expect(groupText(['cni', "carte d'identité"])).toBe("cni, carte d'identité");
    expect(parseGroup(' cni ,, carte d’identité, cni ')).toEqual(['cni', 'carte d’identité']);
  });

  it('sets and removes URL params', () => {
    expect(withParam({ q: 'a' }, 'statut', 'brouillon')).toEqual({ q: 'a', statut: 'brouillon' });
    expect(withParam({ q: 'a', statut: 'brouillon' }, 'statut', '')).toEqual({ q: 'a' });
  });
});
