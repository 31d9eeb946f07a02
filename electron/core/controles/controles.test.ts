import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql, type Db } from '../store/db';
import type { Store } from '../store/store';
import { ForbiddenError, RefusedError } from '../errors';
import {
  ACTOR,
  auditRows,
  freshDb,
  insertPoint,
  NOW,
  TODAY,
  trainedAgent,
} from '../../../dev/test-support/registres';
import { createAction, updateAction } from '../actions/actions';
import { writeLabelSettings, readLabelSettings } from '../label/settings';
import { evaluatePoint } from '../label/rule-data';
import { AUDITOR_TRAINING, listAuditeurs } from './auditeurs';
import type { Caller } from './caller';
import {
  addConstat,
  answerControle,
  cancelControle,
  controleView,
  leverConstat,
  finishControle,
  listControles,
  planControle,
  pointControles,
} from './controles';
import { assignCodes, grilleVersion, listGrilles, saveGrille } from './grilles';

let store: Store;
let db: Db;
let pointId: number;
let auditorId: number;
let gestion: Caller;
let auditor: Caller;
let stranger: Caller;

beforeEach(async () => {
  ({ store, db } = await freshDb());
  pointId = await insertPoint(db, { nom: 'Mairie annexe' });
  // Two agents trained for Info'Cité for a year: the training rule holds.
  await trainedAgent(db, pointId, '2025-01-01', '2026-01-10');
  await trainedAgent(db, pointId, '2025-01-01', '2026-01-10');
  auditorId = await trainedAgent(
    db,
    await insertPoint(db),
    '2025-01-01',
    '2026-02-01',
    { nom: 'Auditrice' },
    AUDITOR_TRAINING,
  );
  gestion = { actor: ACTOR, agentId: null, gestionnaire: true };
  auditor = { actor: { compteId: null, identifiant: 'auditrice' }, agentId: auditorId, gestionnaire: false };
  stranger = { actor: { compteId: null, identifiant: 'autre' }, agentId: 999, gestionnaire: false };
});

afterEach(async () => {
  await store.close();
});

async function starterId(): Promise<number> {
  const [grille] = await listGrilles(db);
  if (!grille) throw new Error('no starter grid');
  return grille.id;
}

async function codes(grilleId: number, version?: number): Promise<string[]> {
  return (await grilleVersion(db, grilleId, version)).themes.flatMap((t) => t.criteres.map((c) => c.code));
}

async function plan(day = TODAY): Promise<number> {
  return planControle(
    db,
    gestion,
    { pointId, grilleId: await starterId(), mode: 'visite_mystere', prevuLe: day, auditeurId: auditorId },
    NOW,
  );
}

/** Answers every criterion (the first non conforme) and finishes the audit on `day`. */
async function fillAndFinish(
  id: number,
  day = TODAY,
  gravite: 'majeure' | 'mineure' | null = 'majeure',
): Promise<number | null> {
  const all = await codes(await starterId());
  await answerControle(
    db,
    auditor,
    {
      id,
      reponses: all.map((critere, i) => ({
        critere,
        resultat: i === 0 ? 'non_conforme' : 'conforme',
        commentaire: i === 0 ? 'Sol sale' : '',
      })),
      synthese: 'Bon accueil, propreté à revoir.',
    },
    NOW,
  );
  const constat =
    gravite === null
      ? null
      : await addConstat(
          db,
          auditor,
          { controleId: id, critere: all[0], gravite, texte: 'Espace d’accueil sale' },
          NOW,
        );
  await finishControle(db, auditor, id, day, NOW);
  return constat;
}

describe('audit grids', () => {
  it('installs the starter desk grid and the auditor training', async () => {
    const grille = await grilleVersion(db, await starterId());
    expect(grille.version).toBe(1);
    expect(grille.themes.map((t) => t.libelle)).toEqual([
      'Propreté et signalétique',
      'Accueil physique',
      'Accueil téléphonique',
      'Orientation',
      'Traitement des demandes',
      'Réclamations',
      'Communication entre services',
      'Affichage du label',
    ]);
    expect(await db.value(sql`SELECT libelle FROM types_formation WHERE code = ${AUDITOR_TRAINING}`)).toBe(
      'Auditeur interne',
    );
  });

  it('keeps a criterion’s code across versions when its wording is unchanged, and numbers new ones on', () => {
    const themes = assignCodes(
      [{ libelle: 'Accueil', criteres: ['Bonjour dit', 'Sourire', 'sourire'] }],
      [
        [
          {
            libelle: 'A',
            criteres: [
              { code: 'c1', libelle: 'Sourire' },
              { code: 'c7', libelle: 'Vieux' },
            ],
          },
        ],
      ],
    );
    expect(themes[0]?.criteres).toEqual([
      { code: 'c8', libelle: 'Bonjour dit' },
      { code: 'c1', libelle: 'Sourire' },
      { code: 'c9', libelle: 'sourire' },
    ]);
  });

  it('versions a grid: an audit keeps the version it was planned with, new audits take the new one', async () => {
    const id = await starterId();
    const first = await plan();
    const v1 = await grilleVersion(db, id);
    const themes = v1.themes.map((t) => ({ libelle: t.libelle, criteres: t.criteres.map((c) => c.libelle) }));
    themes[0]?.criteres.push('Un plan d’accès est affiché.');
    const v2 = await saveGrille(db, ACTOR, { id, nom: v1.nom, themes }, NOW);
    expect(v2.version).toBe(2);
    const v1Codes = await codes(id, 1);
    expect(await codes(id, 2)).toEqual([...v1Codes.slice(0, 3), 'c20', ...v1Codes.slice(3)]);
    expect((await controleView(db, gestion, first)).grille.version).toBe(1);
    expect((await controleView(db, gestion, await plan())).grille.version).toBe(2);
    // Version 1 is still there, unchanged.
    expect((await grilleVersion(db, id, 1)).themes).toEqual(v1.themes);
    expect((await auditRows(db, 'grille_controle')).map((r) => r.action)).toEqual(['modification']);
  });
});

describe('planning and filling an audit', () => {
  it('names only agents holding a valid auditor training', async () => {
    expect((await listAuditeurs(db, TODAY)).map((a) => a.agentId)).toEqual([auditorId]);
    const other = await trainedAgent(db, pointId, '2025-01-01', '2026-01-10');
    const grilleId = await starterId();
    await expect(
      planControle(
        db,
        gestion,
        { pointId, grilleId, mode: 'visite', prevuLe: TODAY, auditeurId: other },
        NOW,
      ),
    ).rejects.toThrow(RefusedError);
    await expect(
      planControle(
        db,
        auditor,
        { pointId, grilleId, mode: 'visite', prevuLe: TODAY, auditeurId: auditorId },
        NOW,
      ),
    ).rejects.toThrow(ForbiddenError);
  });

  it('lets its auditor fill it, refuses other agents, and finishes only once every criterion is answered', async () => {
    const id = await plan();
    await expect(controleView(db, stranger, id)).rejects.toThrow(ForbiddenError);
    await expect(answerControle(db, stranger, { id, reponses: [], synthese: '' }, NOW)).rejects.toThrow(
      ForbiddenError,
    );
    await answerControle(
      db,
      auditor,
      { id, reponses: [{ critere: 'c1', resultat: 'conforme', commentaire: '' }], synthese: '' },
      NOW,
    );
    await expect(finishControle(db, auditor, id, TODAY, NOW)).rejects.toThrow(/18 critère\(s\) sans réponse/);
    await expect(
      answerControle(
        db,
        auditor,
        { id, reponses: [{ critere: 'zz', resultat: 'conforme', commentaire: '' }], synthese: '' },
        NOW,
      ),
    ).rejects.toThrow(RefusedError);
    await fillAndFinish(id);
    const view = await controleView(db, auditor, id);
    expect(view.statut).toBe('termine');
    expect(view.realiseLe).toBe(TODAY);
    expect(view.resultats).toEqual({ conforme: 18, non_conforme: 1, sans_objet: 0, sansReponse: 0 });
    expect(view.constats).toEqual({ majeure: 1, mineure: 0, sensible: 0, fort: 0 });
    expect(view.liste[0]?.critereLibelle).toBe('Les abords et l’espace d’accueil sont propres et rangés.');
    // Finished: nothing changes any more.
    await expect(answerControle(db, auditor, { id, reponses: [], synthese: 'x' }, NOW)).rejects.toThrow(
      /terminé/,
    );
    expect((await auditRows(db, 'controle')).map((r) => r.action)).toEqual([
      'creation',
      'modification',
      'modification',
      'fin',
    ]);
  });

  it('grades findings and lists a point’s audits with its open findings (points forts left out)', async () => {
    const id = await plan();
    await addConstat(db, auditor, { controleId: id, gravite: 'fort', texte: 'Accueil chaleureux' }, NOW);
    await addConstat(db, auditor, { controleId: id, gravite: 'sensible', texte: 'Attente longue' }, NOW);
    await fillAndFinish(id, TODAY, 'mineure');
    const forPoint = await pointControles(db, pointId);
    expect(forPoint.controles.map((c) => c.id)).toEqual([id]);
    expect(forPoint.constatsOuverts.map((c) => c.gravite)).toEqual(['mineure', 'sensible']);
    expect((await listControles(db, { annee: 2026 }))[0]?.constats).toEqual({
      majeure: 0,
      mineure: 1,
      sensible: 1,
      fort: 1,
    });
  });
});

describe('status changes', () => {
  it('lifts a finding once, by hand or by its last action done, and audits it once', async () => {
    const constat = Number(await fillAndFinish(await plan()));
    const lifted = await leverConstat(db, gestion, constat, NOW);
    expect(lifted).toMatchObject({ statut: 'leve', leveLe: TODAY });
    await expect(leverConstat(db, gestion, constat, NOW)).rejects.toThrow(/déjà levé/);
    await expect(leverConstat(db, gestion, 424242, NOW)).rejects.toThrow(/n'existe pas/);
    await expect(leverConstat(db, auditor, constat, NOW)).rejects.toThrow(ForbiddenError);
    // An action raised from it and done later leaves the finding as it was lifted.
    const action = await createAction(
      db,
      ACTOR,
      {
        quoi: 'Nettoyage',
        responsable: '',
        echeance: '2026-12-15',
        indicateur: '',
        preuve: '',
        origine: 'constat',
        origineId: String(constat),
      },
      NOW,
    );
    await updateAction(
      db,
      ACTOR,
      {
        id: action,
        quoi: 'Nettoyage',
        responsable: '',
        echeance: '2026-12-15',
        indicateur: '',
        preuve: 'Fait',
        statut: 'faite',
      },
      new Date('2026-12-01T09:00:00Z'),
    );
    expect(await db.one(sql`SELECT statut, leve_le AS "leveLe" FROM constats WHERE id = ${constat}`)).toEqual(
      { statut: 'leve', leveLe: TODAY },
    );
    expect((await auditRows(db, 'constat')).map((r) => r.action)).toEqual(['creation', 'modification']);
  });

  it('keeps a finding open while another action raised from it is still open', async () => {
    const constat = Number(await fillAndFinish(await plan()));
    const fields = {
      quoi: 'Nettoyage',
      responsable: '',
      echeance: '2026-12-15',
      indicateur: '',
      preuve: '',
      origine: 'constat' as const,
      origineId: String(constat),
    };
    const first = await createAction(db, ACTOR, fields, NOW);
    await createAction(db, ACTOR, fields, NOW);
    await updateAction(db, ACTOR, { ...fields, id: first, preuve: 'Fait', statut: 'faite' }, NOW);
    expect(await db.value(sql`SELECT statut FROM constats WHERE id = ${constat}`)).toBe('ouvert');
  });

  // Two desks finishing at the same instant: electron/server/concurrency.test.ts (two servers, one PostgreSQL).
  it('refuses to finish a finished audit again, and cancels only an open one', async () => {
    const id = await plan();
    const all = await codes(await starterId());
    await answerControle(
      db,
      auditor,
      {
        id,
        reponses: all.map((critere) => ({ critere, resultat: 'conforme', commentaire: '' })),
        synthese: '',
      },
      NOW,
    );
    await finishControle(db, auditor, id, TODAY, NOW);
    await expect(finishControle(db, gestion, id, TODAY, NOW)).rejects.toThrow(/terminé/);
    expect((await auditRows(db, 'controle')).filter((r) => r.action === 'fin')).toHaveLength(1);
    await expect(cancelControle(db, gestion, id, 'Erreur', NOW)).rejects.toThrow(/terminé/);
    const other = await plan();
    await cancelControle(db, gestion, other, 'Point fermé', NOW);
    expect((await controleView(db, gestion, other)).statut).toBe('annule');
    await expect(
      addConstat(db, gestion, { controleId: other, gravite: 'fort', texte: 'x' }, NOW),
    ).rejects.toThrow(/annulé/);
  });
});

describe('the label rule’s audit option', () => {
  const requireAudit = async (exige: boolean) =>
    writeLabelSettings(
      db,
      ACTOR,
      { ...(await readLabelSettings(db)), controle: { exige, moisMax: 12 } },
      NOW,
    );

  it('changes nothing while off', async () => {
    await fillAndFinish(await plan());
    const evaluation = await evaluatePoint(db, pointId, TODAY);
    expect(evaluation.respectee).toBe(true);
    expect(evaluation.controle).toBeUndefined();
  });

  it('needs a recent audit, and no major finding left open, explained like the training rule', async () => {
    await requireAudit(true);
    const none = await evaluatePoint(db, pointId, TODAY);
    expect(none.respectee).toBe(false);
    expect(none.manques).toEqual([
      'Un audit interne terminé depuis moins de 12 mois est exigé : aucun audit interne de ce point n’est terminé.',
    ]);

    const constat = await fillAndFinish(await plan());
    const open = await evaluatePoint(db, pointId, TODAY);
    expect(open.respectee).toBe(false);
    expect(open.controle).toMatchObject({ recent: true, atteinte: false, dernier: { realiseLe: TODAY } });
    expect(open.manques).toEqual([
      'Une non-conformité majeure reste ouverte : « Espace d’accueil sale » (audit du 23 novembre 2026).',
    ]);

    // The corrective action raised from the finding, done, lifts it: the rule holds again.
    const action = await createAction(
      db,
      ACTOR,
      {
        quoi: 'Nettoyage quotidien',
        responsable: 'Services techniques',
        echeance: '2026-12-15',
        indicateur: '',
        preuve: '',
        origine: 'constat',
        origineId: String(constat),
      },
      NOW,
    );
    await updateAction(
      db,
      ACTOR,
      {
        id: action,
        quoi: 'Nettoyage quotidien',
        responsable: 'Services techniques',
        echeance: '2026-12-15',
        indicateur: '',
        preuve: 'Contrat signé',
        statut: 'faite',
      },
      NOW,
    );
    expect(await evaluatePoint(db, pointId, TODAY)).toMatchObject({ respectee: true, manques: [] });
    // Evaluated on a day before the finding was lifted, it was still open then.
    expect((await evaluatePoint(db, pointId, '2026-11-22')).respectee).toBe(false);

    // A year and more later the audit is too old.
    const later = await evaluatePoint(db, pointId, '2027-12-01');
    expect(later.respectee).toBe(false);
    expect(later.manques[0]).toContain('le dernier date du 23 novembre 2026');

    await requireAudit(false);
    expect((await evaluatePoint(db, pointId, '2027-12-01')).respectee).toBe(true);
  });
});
