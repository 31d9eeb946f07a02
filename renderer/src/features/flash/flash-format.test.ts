import { describe, expect, it } from 'vitest';
import { emptyFlashForm, fieldsOf, periodText, readCount, targetText } from './flash-format';

describe('flash info wording', () => {
  it('counts who has read among those expected', () => {
    expect(readCount({ lus: 0, attendus: 0 })).toBe('Aucun agent concerné pour l’instant');
    expect(readCount({ lus: 0, attendus: 4 })).toBe('Personne n’a encore lu (4 agents attendus)');
    expect(readCount({ lus: 3, attendus: 5 })).toBe('3 sur 5 ont lu');
    expect(readCount({ lus: 5, attendus: 5 })).toBe('Lu par les 5');
    expect(readCount({ lus: 1, attendus: 1 })).toBe('Lu par la personne attendue');
  });

  it('names the targets and the period', () => {
    expect(targetText({ tousPoints: true, points: [] })).toBe('Tous les points d’accueil');
    expect(
      targetText({
        tousPoints: false,
        points: [
          { id: 1, nom: 'Nord' },
          { id: 2, nom: 'Sud' },
        ],
      }),
    ).toBe('Nord, Sud');
    expect(periodText({ debut: '2026-12-01', fin: '2026-12-01' })).toBe('Affichée le 1er décembre 2026');
    expect(periodText({ debut: '2026-12-01', fin: '2026-12-10' })).toBe(
      'Affichée du 1er décembre 2026 au 10 décembre 2026',
    );
  });

  it('sends the fields without the titles kept for display', () => {
    const form = { ...emptyFlashForm('2026-12-03'), ficheIds: ['pacs'], ficheTitres: { pacs: 'Pacs' } };
    expect(fieldsOf(form)).toEqual({
      titre: '',
      texte: '',
      debut: '2026-12-03',
      fin: '2026-12-03',
      tousPoints: true,
      pointIds: [],
      ficheIds: ['pacs'],
    });
  });
});
