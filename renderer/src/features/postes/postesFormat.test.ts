import { describe, expect, it } from 'vitest';
import type { RejetView } from '../../../../common/sync/methods';
import { authorLabel, formatEnrolmentCode, rejetsCountLabel, replaceRejet } from './postesFormat';

function rejet(id: number, fields: Partial<RejetView> = {}): RejetView {
  return {
    id,
    uid: `0190a000-0000-7000-8000-00000000000${id}`,
    kind: 'journal.record',
    poste: { id: 1, nom: 'Accueil 1' },
    compteId: 7,
    at: '2026-12-03T09:00:00.000Z',
    recuLe: '2026-12-03T09:05:00.000Z',
    motif: 'Le compte n° 7 n’existe pas (ou plus) sur le serveur.',
    payload: {},
    traiteLe: null,
    ...fields,
  };
}

describe('the enrolment code as read out', () => {
  it('groups the twelve characters by four, whatever the spacing it came with', () => {
    expect(formatEnrolmentCode('ABCDEFGHJKMN')).toBe('ABCD-EFGH-JKMN');
    expect(formatEnrolmentCode('abcd efgh-jkmn')).toBe('ABCD-EFGH-JKMN');
  });
});

describe('the author of a refused entry', () => {
  it('is the account’s name when known, its number otherwise', () => {
    const names = new Map([[7, 'Anne Martin']]);
    expect(authorLabel(7, names)).toBe('Anne Martin');
    expect(authorLabel(999, names)).toBe('Compte n° 999 (inconnu)');
  });
});

describe('a settlement in the list', () => {
  const list = [rejet(1), rejet(2), rejet(3)];

  it('keeps a row still refused, with its new reason, in its place', () => {
    const still = rejet(2, { motif: 'Le compte « anne » est désactivé.' });
    const after = replaceRejet(list, still, false);
    expect(after.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(after[1]?.motif).toBe('Le compte « anne » est désactivé.');
  });

  it('removes a settled row from the open ones, keeps it when settled ones are shown', () => {
    const settled = rejet(2, { traiteLe: '2026-12-03T10:00:00.000Z' });
    expect(replaceRejet(list, settled, false).map((r) => r.id)).toEqual([1, 3]);
    expect(replaceRejet(list, settled, true)[1]?.traiteLe).toBe('2026-12-03T10:00:00.000Z');
  });
});

describe('the count of open refused sends', () => {
  it('reads in French, singular and plural', () => {
    expect(rejetsCountLabel(0)).toBe('Aucun envoi refusé');
    expect(rejetsCountLabel(1)).toBe('1 envoi refusé');
    expect(rejetsCountLabel(3)).toBe('3 envois refusés');
  });
});
