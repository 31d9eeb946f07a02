import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../core/app';
import { sampleCore } from '../../../dev/test-support/sample-core';
import type { ClientSlot } from '../../core/auth/session';
import { AUDITOR_TRAINING } from '../../core/controles/auditeurs';
import { signedIn } from '../../../dev/test-support/comptes';
import { insertPoint, trainedAgent } from '../../../dev/test-support/registres';
import type { Envelope, InputOf, MethodName, OutputOf } from '../../../common/contract';
import { dispatch } from '../dispatch';

let core: Core;
let gestion: ClientSlot;
let auditor: ClientSlot;
let otherAgent: ClientSlot;
let pointId: number;
let auditorId: number;

beforeAll(async () => {
  core = await sampleCore(() => new Date('2026-11-23T09:00:00Z'));
  const db = core.store.db;
  pointId = await insertPoint(db, { nom: 'Mairie annexe' });
  auditorId = await trainedAgent(
    db,
    pointId,
    '2025-01-01',
    '2026-03-01',
    { nom: 'Auditrice' },
    AUDITOR_TRAINING,
  );
  const colleague = await trainedAgent(db, pointId, '2025-01-01', '2026-03-01');
  gestion = await signedIn(core, ['gestionnaire']);
  auditor = await signedIn(core, ['agent'], { agentId: auditorId });
  otherAgent = await signedIn(core, ['agent'], { agentId: colleague });
});

afterAll(async () => {
  await core.close();
});

async function call<M extends MethodName>(
  client: ClientSlot,
  method: M,
  input: InputOf<M>,
): Promise<Envelope<OutputOf<M>>> {
  return (await dispatch(core, client, method, input)) as Envelope<OutputOf<M>>;
}

async function ok<M extends MethodName>(
  client: ClientSlot,
  method: M,
  input: InputOf<M>,
): Promise<OutputOf<M>> {
  const answer = await call(client, method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.result;
}

describe('internal audits and corrective actions through the dispatcher', () => {
  it('lets label managers run audits, the named auditor fill one, and refuses everyone else', async () => {
    const [grille] = (await ok(gestion, 'controles.grilles.list', {})).grilles;
    if (!grille) throw new Error('no starter grid');
    const planInput = {
      pointId,
      grilleId: grille.id,
      mode: 'appel_mystere',
      prevuLe: '2026-11-23',
      auditeurId: auditorId,
    } as const;
    expect(await call(auditor, 'controles.plan', planInput)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const planned = await ok(gestion, 'controles.plan', planInput);

    // The auditor sees it among their audits; a colleague neither sees nor fills it.
    expect((await ok(auditor, 'controles.mine', {})).controles.map((c) => c.id)).toEqual([planned.id]);
    expect((await ok(otherAgent, 'controles.mine', {})).controles).toEqual([]);
    expect(await call(otherAgent, 'controles.get', { id: planned.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const reponses = planned.grille.themes.flatMap((t) =>
      t.criteres.map((c) => ({ critere: c.code, resultat: 'conforme' as const, commentaire: '' })),
    );
    expect(
      await call(otherAgent, 'controles.answer', { id: planned.id, reponses, synthese: '' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    await ok(auditor, 'controles.answer', { id: planned.id, reponses, synthese: 'Appel bien pris.' });
    const withFinding = await ok(auditor, 'controles.constats.add', {
      controleId: planned.id,
      gravite: 'majeure',
      texte: 'Répondeur sans horaires',
    });
    const finished = await ok(auditor, 'controles.finish', { id: planned.id });
    expect(finished).toMatchObject({ statut: 'termine', peutRemplir: false, peutGerer: false });

    // Corrective actions are the label managers' only.
    const constatId = withFinding.liste[0]?.id ?? 0;
    const action = {
      quoi: 'Enregistrer un message de répondeur',
      responsable: 'Accueil',
      echeance: '2026-12-01',
      indicateur: '',
      preuve: '',
      origine: 'constat',
      origineId: String(constatId),
    } as const;
    expect(await call(auditor, 'actions.create', action)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const created = await ok(gestion, 'actions.create', action);
    expect(created).toMatchObject({ point: { id: pointId }, statut: 'a_faire' });
    // « Faite » without evidence is refused next to the evidence field.
    const noEvidence = await call(gestion, 'actions.update', { ...action, id: created.id, statut: 'faite' });
    expect(noEvidence).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'preuve' } });
    await ok(gestion, 'actions.update', {
      ...action,
      id: created.id,
      statut: 'faite',
      preuve: 'Message enregistré',
    });
    const point = await ok(gestion, 'controles.point', { pointId });
    expect(point.constatsOuverts).toEqual([]);
    expect(point.controles[0]?.constats.majeure).toBe(1);
  });
});
