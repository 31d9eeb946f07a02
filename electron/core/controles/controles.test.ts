import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../store/db';
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
  controleView,
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

beforeEach(() => {
  ({ store, db } = freshDb());
  pointId = insertPoint(db, { nom: 'Mairie annexe' });
  // Two agents trained for Info'Cité for a year: the training rule holds.
  trainedAgent(db, pointId, '2025-01-01', '2026-01-10');
  trainedAgent(db, pointId, '2025-01-01', '2026-01-10');
  auditorId = trainedAgent(
    db,
    insertPoint(db),
    '2025-01-01',
    '2026-02-01',
    { nom: 'Auditrice' },
    AUDITOR_TRAINING,
  );
  gestion = { actor: ACTOR, agentId: null, gestionnaire: true };
  auditor = { actor: { compteId: null, identifiant: 'auditrice' }, agentId: auditorId, gestionnaire: false };
  stranger = { actor: { compteId: null, identifiant: 'autre' }, agentId: 999, gestionnaire: false };
});

afterEach(() => store.close());

function starterId(): number {
  const [grille] = listGrilles(db);
  if (!grille) throw new Error('no starter grid');
  return grille.id;
}

function codes(grilleId: number, version?: number): string[] {
  return grilleVersion(db, grilleId, version).themes.flatMap((t) => t.criteres.map((c) => c.code));
}

function plan(day = TODAY): number {
  return planControle(
    db,
    gestion,
    { pointId, grilleId: starterId(), mode: 'visite_mystere', prevuLe: day, auditeurId: auditorId },
    NOW,
  );
}

/** Answers every criterion (the first non conforme) and finishes the audit on `day`. */
function fillAndFinish(
  id: number,
  day = TODAY,
  gravite: 'majeure' | 'mineure' | null = 'majeure',
): number | null {
  const all = codes(starterId());
  answerControle(
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
      : addConstat(
          db,
          auditor,
          { controleId: id, critere: all[0], gravite, texte: 'Espace d’accueil sale' },
          NOW,
        );
  finishControle(db, auditor, id, day, NOW);
  return constat;
}

describe('audit grids', () => {
  it('installs the starter desk grid and the auditor training', () => {
    const grille = grilleVersion(db, starterId());
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
    expect(
      db.prepare('SELECT libelle FROM types_formation WHERE code = ?').pluck().get(AUDITOR_TRAINING),
    ).toBe('Auditeur interne');
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

  it('versions a grid: an audit keeps the version it was planned with, new audits take the new one', () => {
    const id = starterId();
    const first = plan();
    const v1 = grilleVersion(db, id);
    const themes = v1.themes.map((t) => ({ libelle: t.libelle, criteres: t.criteres.map((c) => c.libelle) }));
    themes[0]?.criteres.push('Un plan d’accès est affiché.');
    const v2 = saveGrille(db, ACTOR, { id, nom: v1.nom, themes }, NOW);
    expect(v2.version).toBe(2);
    expect(codes(id, 2)).toEqual([...codes(id, 1).slice(0, 3), 'c20', ...codes(id, 1).slice(3)]);
    expect(controleView(db, gestion, first).grille.version).toBe(1);
    expect(controleView(db, gestion, plan()).grille.version).toBe(2);
    // Version 1 is still there, unchanged.
    expect(grilleVersion(db, id, 1).themes).toEqual(v1.themes);
    expect(auditRows(db, 'grille_controle').map((r) => r.action)).toEqual(['modification']);
  });
});

describe('planning and filling an audit', () => {
  it('names only agents holding a valid auditor training', () => {
    expect(listAuditeurs(db, TODAY).map((a) => a.agentId)).toEqual([auditorId]);
    const other = trainedAgent(db, pointId, '2025-01-01', '2026-01-10');
    expect(() =>
      planControle(
        db,
        gestion,
        { pointId, grilleId: starterId(), mode: 'visite', prevuLe: TODAY, auditeurId: other },
        NOW,
      ),
    ).toThrow(RefusedError);
    expect(() =>
      planControle(
        db,
        auditor,
        { pointId, grilleId: starterId(), mode: 'visite', prevuLe: TODAY, auditeurId: auditorId },
        NOW,
      ),
    ).toThrow(ForbiddenError);
  });

  it('lets its auditor fill it, refuses other agents, and finishes only once every criterion is answered', () => {
    const id = plan();
    expect(() => controleView(db, stranger, id)).toThrow(ForbiddenError);
    expect(() => answerControle(db, stranger, { id, reponses: [], synthese: '' }, NOW)).toThrow(
      ForbiddenError,
    );
    answerControle(
      db,
      auditor,
      { id, reponses: [{ critere: 'c1', resultat: 'conforme', commentaire: '' }], synthese: '' },
      NOW,
    );
    expect(() => finishControle(db, auditor, id, TODAY, NOW)).toThrow(/18 critère\(s\) sans réponse/);
    expect(() =>
      answerControle(
        db,
        auditor,
        { id, reponses: [{ critere: 'zz', resultat: 'conforme', commentaire: '' }], synthese: '' },
        NOW,
      ),
    ).toThrow(RefusedError);
    fillAndFinish(id);
    const view = controleView(db, auditor, id);
    expect(view.statut).toBe('termine');
    expect(view.realiseLe).toBe(TODAY);
    expect(view.resultats).toEqual({ conforme: 18, non_conforme: 1, sans_objet: 0, sansReponse: 0 });
    expect(view.constats).toEqual({ majeure: 1, mineure: 0, sensible: 0, fort: 0 });
    expect(view.liste[0]?.critereLibelle).toBe('Les abords et l’espace d’accueil sont propres et rangés.');
    // Finished: nothing changes any more.
    expect(() => answerControle(db, auditor, { id, reponses: [], synthese: 'x' }, NOW)).toThrow(/terminé/);
    expect(auditRows(db, 'controle').map((r) => r.action)).toEqual([
      'creation',
      'modification',
      'modification',
      'fin',
    ]);
  });

  it('grades findings and lists a point’s audits with its open findings (points forts left out)', () => {
    const id = plan();
    addConstat(db, auditor, { controleId: id, gravite: 'fort', texte: 'Accueil chaleureux' }, NOW);
    addConstat(db, auditor, { controleId: id, gravite: 'sensible', texte: 'Attente longue' }, NOW);
    fillAndFinish(id, TODAY, 'mineure');
    const forPoint = pointControles(db, pointId);
    expect(forPoint.controles.map((c) => c.id)).toEqual([id]);
    expect(forPoint.constatsOuverts.map((c) => c.gravite)).toEqual(['mineure', 'sensible']);
    expect(listControles(db, { annee: 2026 })[0]?.constats).toEqual({
      majeure: 0,
      mineure: 1,
      sensible: 1,
      fort: 1,
    });
  });
});

describe('the label rule’s audit option', () => {
  const requireAudit = (exige: boolean) =>
    writeLabelSettings(db, ACTOR, { ...readLabelSettings(db), controle: { exige, moisMax: 12 } }, NOW);

  it('changes nothing while off', () => {
    fillAndFinish(plan());
    const evaluation = evaluatePoint(db, pointId, TODAY);
    expect(evaluation.respectee).toBe(true);
    expect(evaluation.controle).toBeUndefined();
  });

  it('needs a recent audit, and no major finding left open, explained like the training rule', () => {
    requireAudit(true);
    const none = evaluatePoint(db, pointId, TODAY);
    expect(none.respectee).toBe(false);
    expect(none.manques).toEqual([
      'Un audit interne terminé depuis moins de 12 mois est exigé : aucun audit interne de ce point n’est terminé.',
    ]);

    const constat = fillAndFinish(plan());
    const open = evaluatePoint(db, pointId, TODAY);
    expect(open.respectee).toBe(false);
    expect(open.controle).toMatchObject({ recent: true, atteinte: false, dernier: { realiseLe: TODAY } });
    expect(open.manques).toEqual([
      'Une non-conformité majeure reste ouverte : « Espace d’accueil sale » (audit du 23 novembre 2026).',
    ]);

    // The corrective action raised from the finding, done, lifts it: the rule holds again.
    const action = createAction(
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
    updateAction(
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
    expect(evaluatePoint(db, pointId, TODAY)).toMatchObject({ respectee: true, manques: [] });
    // Evaluated on a day before the finding was lifted, it was still open then.
    expect(evaluatePoint(db, pointId, '2026-11-22').respectee).toBe(false);

    // A year and more later the audit is too old.
    const later = evaluatePoint(db, pointId, '2027-12-01');
    expect(later.respectee).toBe(false);
    expect(later.manques[0]).toContain('le dernier date du 23 novembre 2026');

    requireAudit(false);
    expect(evaluatePoint(db, pointId, '2027-12-01').respectee).toBe(true);
  });
});
