import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalFixture } from '../../../dev/test-support/journal';
import { journalFixture, NOW } from '../../../dev/test-support/journal';
import { ForbiddenError, RefusedError } from '../errors';
import { sql } from '../store/db';
import { tableau, NO_NAMES } from '../indicateurs/tableau';
import { annualReview } from '../indicateurs/bilan';
import type { Viewer } from './read';
import { getReclamation, listReclamations } from './read';
import { runReclamationRetention } from './retention';
import { readReclamationSettings, writeReclamationSettings } from './settings';
import {
  acknowledgeReclamation,
  answerReclamation,
  assignReclamation,
  closeReclamation,
  createReclamation,
  raiseActionFrom,
} from './workflow';

const AGENT: Viewer = { roles: ['agent'] };
const GESTIONNAIRE: Viewer = { roles: ['gestionnaire'] };
const CONTACT = {
  nom: 'Jean Martin',
  courriel: 'jean.martin@example.org',
  telephone: '06 12 34 56 78',
  adresse: '',
};
// NOW is Monday 23 November 2026.
const at = (day: string) => new Date(`${day}T10:00:00Z`);

let f: JournalFixture;
beforeEach(async () => {
  f = await journalFixture();
});
afterEach(async () => {
  await f.store.close();
});

function receive(recueLe: string, type: 'reclamation' | 'suggestion' = 'reclamation') {
  return createReclamation(
    f.db,
    f.alice,
    { type, canal: 'courriel', objet: 'Attente de 40 minutes au guichet', recueLe, coordonnees: CONTACT },
    f.pointId,
    NOW,
  );
}

describe('complaints and suggestions', () => {
  it('sets the due date from the announced delay of its type, fixed on receipt', async () => {
    expect((await readReclamationSettings(f.db)).delais).toEqual({ reclamation: 15, suggestion: 30 });
    expect((await receive('2026-11-02')).echeance).toBe('2026-11-17');
    expect((await receive('2026-11-02', 'suggestion')).echeance).toBe('2026-12-02');
    await writeReclamationSettings(
      f.db,
      f.bruno,
      { delais: { reclamation: 10, suggestion: 30 }, retentionMois: 6 },
      NOW,
    );
    expect((await receive('2026-11-02')).echeance).toBe('2026-11-12');
  });

  it('follows one answered within its delay and one overdue, in the register and in the dashboard', async () => {
    const kept = await receive('2026-11-02');
    await acknowledgeReclamation(f.db, f.bruno, GESTIONNAIRE, kept.id, '2026-11-03', NOW);
    await assignReclamation(f.db, f.bruno, GESTIONNAIRE, kept.id, 'mairie', NOW);
    const answered = await answerReclamation(
      f.db,
      f.bruno,
      GESTIONNAIRE,
      kept.id,
      { reponse: 'Nous avons renforcé le guichet.', le: '2026-11-10' },
      NOW,
    );
    expect(answered).toMatchObject({
      statut: 'repondue',
      reponduLe: '2026-11-10',
      delaiTenu: true,
      enRetard: false,
    });
    expect((await closeReclamation(f.db, f.bruno, GESTIONNAIRE, kept.id, NOW)).statut).toBe('close');

    const late = await receive('2026-11-01'); // due 16 November, not answered on the 23rd
    expect(await getReclamation(f.db, GESTIONNAIRE, late.id, NOW)).toMatchObject({
      enRetard: true,
      delaiTenu: null,
    });
    expect((await listReclamations(f.db, GESTIONNAIRE, { enRetard: true }, NOW)).map((r) => r.id)).toEqual([
      late.id,
    ]);

    const board = await tableau(
      f.db,
      { du: '2026-11-01', au: '2026-11-30', granularite: 'mois' },
      NO_NAMES,
      NOW,
    );
    expect(board.qualite.reclamations).toMatchObject({
      reclamations: 2,
      repondues: 1,
      dansLesDelais: 1,
      tauxDelaisTenus: 100,
      enCours: 1,
      enRetard: 1,
    });
    expect(board.indicateurs.find((i) => i.code === 'taux_delais_reclamations')?.valeur).toBe(100);

    // Answered late on the 25th: the delay was not kept.
    const after = await answerReclamation(
      f.db,
      f.bruno,
      GESTIONNAIRE,
      late.id,
      { reponse: 'Réponse tardive.' },
      at('2026-11-25'),
    );
    expect(after.delaiTenu).toBe(false);
    const review = await annualReview(f.db, 2026, NO_NAMES, at('2026-11-26'));
    expect(review.qualite.reclamations).toMatchObject({
      repondues: 2,
      dansLesDelais: 1,
      tauxDelaisTenus: 50,
      enRetard: 0,
    });
  });

  it('refuses steps out of order and dates before receipt', async () => {
    const r = await receive('2026-11-10');
    await expect(closeReclamation(f.db, f.bruno, GESTIONNAIRE, r.id, NOW)).rejects.toThrow(RefusedError);
    await expect(
      acknowledgeReclamation(f.db, f.bruno, GESTIONNAIRE, r.id, '2026-11-09', NOW),
    ).rejects.toThrow(/ne peut pas précéder la réception/);
  });

  it('lets only the roles that handle complaints read the citizen’s details (decided in the core)', async () => {
    const r = await receive('2026-11-10');
    await expect(getReclamation(f.db, AGENT, r.id, NOW)).rejects.toThrow(ForbiddenError);
    await expect(answerReclamation(f.db, f.alice, AGENT, r.id, { reponse: 'x' }, NOW)).rejects.toThrow(
      ForbiddenError,
    );
    const [seenByAgent] = await listReclamations(f.db, AGENT, {}, NOW);
    expect(seenByAgent).toMatchObject({ id: r.id, type: 'reclamation', statut: 'recue' });
    expect(JSON.stringify(seenByAgent)).not.toMatch(/Jean|Martin|example\.org|06 12|Attente/);
    expect(seenByAgent).not.toHaveProperty('coordonnees');
    expect((await getReclamation(f.db, GESTIONNAIRE, r.id, NOW)).coordonnees).toMatchObject({
      nom: 'Jean Martin',
    });
    expect((await getReclamation(f.db, { roles: ['administrateur'] }, r.id, NOW)).objet).toBe(
      'Attente de 40 minutes au guichet',
    );
    // The audit trail keeps codes and days, never the citizen.
    const audit = (
      await f.db.all<{ texte: string }>(
        sql`SELECT coalesce(apres, '') || coalesce(avant, '') AS texte FROM audit WHERE objet = 'reclamation'`,
      )
    )
      .map((row) => row.texte)
      .join(',');
    expect(audit).not.toMatch(/Jean|example\.org|Attente/);
  });

  it('erases the contact details after the retention period, keeping the counts and delays', async () => {
    const r = await receive('2025-09-01');
    await answerReclamation(
      f.db,
      f.bruno,
      GESTIONNAIRE,
      r.id,
      { reponse: 'Réponse.', le: '2025-09-10' },
      at('2025-09-12'),
    );
    await closeReclamation(f.db, f.bruno, GESTIONNAIRE, r.id, at('2025-09-15'));
    const open = await receive('2025-09-02');
    const yearBefore = (await annualReview(f.db, 2025, NO_NAMES, NOW)).qualite.reclamations;

    expect(await runReclamationRetention(f.db, NOW)).toEqual({ limite: '2025-11-23', effacees: 1 });
    const erased = await getReclamation(f.db, GESTIONNAIRE, r.id, NOW);
    expect(erased).toMatchObject({
      coordonnees: null,
      objet: '',
      reponse: '',
      coordonneesEffacees: true,
      delaiTenu: true,
    });
    expect(JSON.stringify(await f.db.one(sql`SELECT * FROM reclamations WHERE id = ${r.id}`))).not.toMatch(
      /Jean|example/,
    );
    // Not closed: kept whatever its age.
    expect((await getReclamation(f.db, GESTIONNAIRE, open.id, NOW)).coordonnees?.nom).toBe('Jean Martin');
    expect((await annualReview(f.db, 2025, NO_NAMES, NOW)).qualite.reclamations).toEqual(yearBefore);
    expect((await runReclamationRetention(f.db, NOW)).effacees).toBe(0);
  });

  it('raises one corrective action from a complaint, in the actions register, without the citizen’s words', async () => {
    const r = await receive('2026-11-10');
    const raised = await raiseActionFrom(f.db, f.bruno, GESTIONNAIRE, r.id, NOW);
    expect(raised.actionId).not.toBeNull();
    const action = (await f.db.one<{ quoi: string; origine: string; origineId: string; statut: string }>(
      sql`SELECT quoi, origine, origine_id AS "origineId", statut FROM actions WHERE id = ${raised.actionId}`,
    ))!;
    expect(action).toMatchObject({ origine: 'reclamation', origineId: String(r.id), statut: 'a_faire' });
    expect(action.quoi).toContain(`n° ${r.id}`);
    expect(action.quoi).not.toMatch(/Jean|example|Attente/);
    // Once per complaint.
    await expect(raiseActionFrom(f.db, f.bruno, GESTIONNAIRE, r.id, NOW)).rejects.toThrow(/déjà ouverte/);
  });
});
