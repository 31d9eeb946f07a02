import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalFixture } from '../../../dev/test-support/journal';
import { journalFixture, NOW } from '../../../dev/test-support/journal';
import { logEntry } from '../../../dev/test-support/indicateurs';
import { recordRating } from '../satisfaction/record';
import { answerReclamation, createReclamation } from '../reclamations/workflow';
import { publicResults, publicResultsCsv } from './resultats';

let f: JournalFixture;
beforeEach(async () => {
  f = await journalFixture();
});
afterEach(() => f.store.close());

describe('published results', () => {
  it('gives a point’s and the city’s figures with no personal data, as a page and a CSV', async () => {
    await logEntry(f.db, { jour: '2026-11-20', pointId: f.pointId, issue: 'repondu' });
    await logEntry(f.db, { jour: '2026-11-20', pointId: f.pointId, issue: 'transmis' });
    await recordRating(f.db, { note: 'satisfait', source: 'tablette' }, NOW);
    const r = await createReclamation(
      f.db,
      f.alice,
      {
        type: 'reclamation',
        canal: 'courrier',
        objet: 'Bruit',
        coordonnees: { nom: 'Zoé Secret', courriel: '', telephone: '', adresse: '' },
      },
      f.pointId,
      NOW,
    );
    await answerReclamation(
      f.db,
      f.bruno,
      { roles: ['gestionnaire'] },
      r.id,
      { reponse: 'Merci Zoé Secret' },
      NOW,
    );

    const point = await publicResults(f.db, { pointId: f.pointId }, NOW);
    expect(point).toMatchObject({
      du: '2025-11-24',
      au: '2026-11-23',
      satisfaction: { reponses: 1, taux: 100 },
      reclamations: { recues: 1, repondues: 1, tauxDelaisTenus: 100, delais: { reclamation: 15 } },
      accueil: { contacts: 2, tauxPremierNiveau: 50 },
      label: { labellise: false },
    });
    expect(point.label.promesses.length).toBeGreaterThan(0);
    expect((await publicResults(f.db, { annee: 2026 }, NOW)).perimetre).toEqual({
      pointId: null,
      nom: 'Ensemble de la ville',
    });
    const csv = publicResultsCsv(point);
    expect(csv.csv).toContain('Taux de satisfaction (%);100');
    expect(JSON.stringify(point) + csv.csv).not.toMatch(/Zoé|Secret|Bruit/);
  });
});
