// The indicators through the dispatcher: the label manager's role checked in the core, inputs validated with
// French messages, names from the knowledge base, objectives audited, the CSV files and the annual review.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../core/app';
import { testCore } from '../../../dev/test-support/test-core';
import type { ClientSlot } from '../../core/auth/session';
import { sql } from '../../core/store/db';
import { marchFixture } from '../../../dev/test-support/indicateurs';
import type { Bilan, FichierCsv, Objectif, PlanBilan, Tableau } from '../../../common/indicateurs/types';
import { signedIn } from '../../../dev/test-support/comptes';
import { sampleContent, writeContentFolder } from '../../../dev/test-support/content';
import { dispatch } from '../dispatch';

let core: Core;
let dataDir: string;
let contentDir: string;
let agent: ClientSlot;
let manager: ClientSlot;

const MARCH = { du: '2025-03-01', au: '2025-03-31', granularite: 'mois' };

beforeAll(async () => {
  core = await testCore({
    contentDir: (contentDir = writeContentFolder(sampleContent())),
    dataDir: (dataDir = mkdtempSync(join(tmpdir(), 'infocite-indicateurs-api-'))),
    workerFile: fileURLToPath(new URL('../../core/search/index-worker.ts', import.meta.url)),
    // Sunday 1 June 2025, noon in Paris.
    now: () => new Date('2025-06-01T10:00:00Z'),
  });
  await core.search.ready();
  [agent, manager] = await Promise.all([signedIn(core, ['agent']), signedIn(core, ['gestionnaire'])]);
  await marchFixture(core.store.db);
});

afterAll(async () => {
  await core.close();
  for (const dir of [dataDir, contentDir]) rmSync(dir, { recursive: true, force: true });
});

async function ok<T>(client: ClientSlot, method: string, input: unknown): Promise<T> {
  const answer = await dispatch(core, client, method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.result as T;
}

describe('indicators API', () => {
  it('is for label managers: an agent is refused by the core', async () => {
    for (const [method, input] of [
      ['indicateurs.tableau', MARCH],
      ['indicateurs.csv', { ...MARCH, table: 'volumes' }],
      ['objectifs.list', {}],
      ['objectifs.set', { indicateur: 'contacts', cible: 1, sens: 'au_moins', marge: 0 }],
      ['bilan.annuel', { annee: 2025 }],
      ['bilan.csv', { annee: 2025 }],
    ] as const) {
      expect(await dispatch(core, agent, method, input), method).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
  });

  it('answers the dashboard with the names of the knowledge base', async () => {
    const t = await ok<Tableau>(manager, 'indicateurs.tableau', MARCH);
    expect(t.indicateurs.find((i) => i.code === 'contacts')?.valeur).toBe(10);
    expect(t.services).toContainEqual({ serviceId: 'mairie', nom: 'Service mairie', nombre: 1 });
    expect(t.fiches.lignes[0]).toEqual({
      ficheId: 'passeport',
      titre: 'Passeport : première demande',
      nombre: 4,
    });
  });

  it('says in French what is wrong with a request', async () => {
    const cases: Array<[unknown, string]> = [
      [{ ...MARCH, du: '2025-04-01' }, 'la date de fin est avant la date de début'],
      [{ ...MARCH, au: '2025-02-30' }, 'la date de fin est une date réelle au format AAAA-MM-JJ'],
      [{ ...MARCH, du: '2010-01-01' }, 'la période couvre au plus dix ans'],
      [{ ...MARCH, granularite: 'annee' }, 'choisissez jour, semaine ou mois'],
      [{ ...MARCH, canal: 'pigeon' }, 'canal inconnu'],
    ];
    for (const [input, message] of cases) {
      expect(await dispatch(core, manager, 'indicateurs.tableau', input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringContaining(message) },
      });
    }
    expect(await dispatch(core, manager, 'bilan.annuel', { annee: 1999 })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringContaining('l’année est comprise entre 2000 et 2100'),
      },
    });
    expect(await dispatch(core, manager, 'indicateurs.csv', { ...MARCH, table: 'secrets' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('tableau inconnu') },
    });
  });

  it('sets and removes objectives, audited, and the dashboard follows', async () => {
    const set = await ok<Objectif>(manager, 'objectifs.set', {
      indicateur: 'taux_premier_niveau',
      cible: 40,
      sens: 'au_moins',
      marge: 5,
    });
    expect(set).toEqual({ indicateur: 'taux_premier_niveau', cible: 40, sens: 'au_moins', marge: 5 });
    const t = await ok<Tableau>(manager, 'indicateurs.tableau', MARCH);
    expect(t.indicateurs.find((i) => i.code === 'taux_premier_niveau')?.statut).toBe('atteint');
    const audit = await core.store.db.one(
      sql`SELECT auteur, action FROM audit WHERE objet = 'objectif' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({ auteur: expect.stringContaining('test-gestionnaire'), action: 'modification' });

    const removed = await ok<{ objectifs: Objectif[] }>(manager, 'objectifs.remove', {
      indicateur: 'taux_non_resolu',
    });
    expect(removed.objectifs.map((o) => o.indicateur)).not.toContain('taux_non_resolu');
    expect(
      await dispatch(core, manager, 'objectifs.remove', { indicateur: 'taux_non_resolu' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('n’a pas d’objectif') },
    });
    expect(
      await dispatch(core, manager, 'objectifs.set', {
        indicateur: 'contacts',
        cible: -1,
        sens: 'au_moins',
        marge: 0,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('la cible est positive') },
    });
  });

  it('exports a table and the annual review as CSV files', async () => {
    const volumes = await ok<FichierCsv>(manager, 'indicateurs.csv', { ...MARCH, table: 'volumes' });
    expect(volumes.filename).toBe('indicateurs-volumes-2025-03-01-2025-03-31.csv');
    expect(volumes.csv).toMatch(/^\uFEFFPériode;Début;Fin;Contacts;/);
    expect(volumes.csv).toContain('\r\n2025-03;2025-03-01;2025-03-31;10;4;1;1;1;1;2\r\n');

    const bilan = await ok<Bilan>(manager, 'bilan.annuel', { annee: 2025 });
    // On 1 June 2025 the year is in progress: January to June, against the same span of 2024.
    expect(bilan).toMatchObject({
      au: '2025-06-01',
      complete: false,
      precedente: { du: '2024-01-01', au: '2024-06-01' },
    });
    expect(bilan.volumes).toHaveLength(6);
    const closed = await ok<Bilan>(manager, 'bilan.annuel', { annee: 2024 });
    expect(closed).toMatchObject({ au: '2024-12-31', complete: true });
    expect(closed.volumes).toHaveLength(12);
    expect(bilan.lacunes.recherchesSansResultat[0]).toEqual({ requete: 'permis de louer', nombre: 3 });
    const csv = await ok<FichierCsv>(manager, 'bilan.csv', { annee: 2025 });
    expect(csv.filename).toBe('bilan-annuel-2025.csv');
    expect(csv.csv).toContain('Registre du label au 1er juin 2025');
    expect(csv.csv).toContain('Année en cours, incomplète');
    expect((await ok<FichierCsv>(manager, 'bilan.csv', { annee: 2024 })).csv).toContain(
      'Registre du label au 31 décembre 2024',
    );
  });

  it('saves the action plan per year, audited, and refuses a wrong deadline next to it', async () => {
    const empty = await ok<PlanBilan>(manager, 'bilan.plan.get', { annee: 2025 });
    expect(empty).toMatchObject({ annee: 2025, texte: '', actions: [], modifieLe: null });
    expect(
      await dispatch(core, agent, 'bilan.plan.set', { annee: 2025, texte: 'x', actions: [] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const line = {
      constat: 'CCAS peu formé',
      action: 'Former',
      responsable: 'Léa Durand',
      echeance: '2026-03-31',
      suivi: '',
    };
    expect(
      await dispatch(core, manager, 'bilan.plan.set', {
        annee: 2025,
        texte: '',
        actions: [{ ...line, echeance: '2026-02-30' }],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('l’échéance') },
    });

    const blank = { constat: '', action: ' ', responsable: '', echeance: '', suivi: '' };
    const saved = await ok<PlanBilan>(manager, 'bilan.plan.set', {
      annee: 2025,
      texte: ' Former les agents du CCAS. ',
      actions: [line, blank],
    });
    expect(saved).toMatchObject({ texte: 'Former les agents du CCAS.', actions: [line] });
    expect(saved.modifieLe).toBe('2025-06-01T10:00:00.000Z');
    expect(await ok<PlanBilan>(manager, 'bilan.plan.get', { annee: 2025 })).toEqual(saved);
    expect((await ok<PlanBilan>(manager, 'bilan.plan.get', { annee: 2024 })).actions).toEqual([]);
    expect((await ok<Bilan>(manager, 'bilan.annuel', { annee: 2025 })).plan).toEqual(saved);
    expect((await ok<FichierCsv>(manager, 'bilan.csv', { annee: 2025 })).csv).toContain(
      'CCAS peu formé;Former;Léa Durand;2026-03-31;',
    );
    const audit = await core.store.db.all<{ action: string; objet_id: string; apres: string }>(
      sql`SELECT action, objet_id, apres FROM audit WHERE objet = 'plan_action'`,
    );
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'creation',
        objet_id: '2025',
        apres: expect.stringContaining('Léa Durand'),
      }),
    ]);
  });
});
