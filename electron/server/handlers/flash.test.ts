// Flash info and favourites through the API: editors and label managers publish, an agent cannot; the desk shows
// what concerns the installation's point; the fiche links are checked against the knowledge base.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../common/contract';
import type { FlashDetail, FlashFields, FlashView } from '../../../common/flash/methods';
import { signedIn } from '../../../dev/test-support/comptes';
import { bindInstallation } from '../../../dev/test-support/journal';
import { assign, insertAgent, insertPoint } from '../../../dev/test-support/registres';
import type { Core } from '../../core/app';
import { sampleCore } from '../../../dev/test-support/sample-core';
import type { ClientSlot } from '../../core/auth/session';
import { dispatch } from '../dispatch';

let core: Core;
let redacteur: ClientSlot;
let gestionnaire: ClientSlot;
let agent: ClientSlot;
let nord: number;
let sud: number;
const now = new Date('2026-12-03T09:00:00Z');

beforeAll(async () => {
  core = await sampleCore(() => now);
  redacteur = await signedIn(core, ['redacteur']);
  gestionnaire = await signedIn(core, ['gestionnaire']);
  nord = await insertPoint(core.store.db, { nom: 'Mairie annexe Nord' });
  sud = await insertPoint(core.store.db, { nom: 'Mairie annexe Sud' });
  const agentId = await insertAgent(core.store.db, { nom: 'Durand' });
  await assign(core.store.db, agentId, nord, '2026-01-01');
  agent = await signedIn(core, ['agent'], { agentId, nom: 'Léa Durand' });
});

afterAll(async () => {
  await core.close();
});

function result<T>(answer: Envelope<unknown>): T {
  expect(answer).toMatchObject({ ok: true });
  return (answer as { ok: true; result: T }).result;
}

function fields(overrides: Partial<FlashFields> = {}): FlashFields {
  return {
    titre: 'Fermeture exceptionnelle',
    texte: 'Fermé **vendredi** après-midi.',
    debut: '2026-12-01',
    fin: '2026-12-10',
    tousPoints: false,
    pointIds: [nord],
    ficheIds: ['passeport'],
    ...overrides,
  };
}

describe('flash info through the API', () => {
  it('lets editors and label managers publish, not agents', async () => {
    expect(await dispatch(core, agent, 'flash.create', fields())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await dispatch(core, agent, 'flash.list', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    result<FlashDetail>(
      await dispatch(core, redacteur, 'flash.create', fields({ titre: 'De la rédaction' })),
    );
    const detail = result<FlashDetail>(await dispatch(core, gestionnaire, 'flash.create', fields()));
    expect(detail).toMatchObject({ etat: 'en_cours', fiches: [{ id: 'passeport' }], attendus: 1, lus: 0 });
    expect(detail.html).toContain('<strong>vendredi</strong>');
  });

  it('puts French messages next to the fields, and refuses a fiche that is not published', async () => {
    expect(
      await dispatch(core, redacteur, 'flash.create', fields({ debut: '2026-12-10', fin: '2026-12-01' })),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'fin' } });
    expect(await dispatch(core, redacteur, 'flash.create', fields({ pointIds: [] }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'pointIds' },
    });
    const draft = await dispatch(core, redacteur, 'flash.create', fields({ ficheIds: ['brouillon'] }));
    expect(draft).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('shows the desk what concerns the installation’s point, and counts the agent’s confirmation', async () => {
    await bindInstallation(core.store.db, sud);
    expect(result<{ flash: FlashView[] }>(await dispatch(core, agent, 'flash.current', {})).flash).toEqual(
      [],
    );
    await bindInstallation(core.store.db, nord);
    const shown = result<{ flash: FlashView[] }>(await dispatch(core, agent, 'flash.current', {})).flash;
    expect(shown.map((f) => f.titre).sort()).toEqual(['De la rédaction', 'Fermeture exceptionnelle']);
    const onFiche = await dispatch(core, agent, 'flash.current', { ficheId: 'passeport' });
    expect(result<{ flash: FlashView[] }>(onFiche).flash).toHaveLength(2);
    const target = shown.find((f) => f.titre === 'Fermeture exceptionnelle');
    expect(result<FlashView>(await dispatch(core, agent, 'flash.confirm', { id: target?.id })).lu).toBe(true);
    const detail = result<FlashDetail>(await dispatch(core, gestionnaire, 'flash.get', { id: target?.id }));
    expect(detail.lecteurs).toEqual([
      expect.objectContaining({ nom: 'Léa Durand', luLe: now.toISOString() }),
    ]);
  });
});

describe('favourites through the API', () => {
  it('stars a fiche, records views, and refuses a draft', async () => {
    expect(result(await dispatch(core, agent, 'favoris.viewed', { ficheId: 'cni' }))).toEqual({
      favori: false,
    });
    expect(result(await dispatch(core, agent, 'favoris.set', { ficheId: 'cni', favori: true }))).toEqual({
      favori: true,
    });
    expect(await dispatch(core, agent, 'favoris.set', { ficheId: 'brouillon', favori: true })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const lists = result<{ favoris: Array<{ id: string }>; recents: Array<{ id: string }> }>(
      await dispatch(core, agent, 'favoris.list', {}),
    );
    expect(lists.favoris.map((f) => f.id)).toEqual(['cni']);
    expect(lists.recents.map((r) => r.id)).toEqual(['cni']);
    // Each account its own.
    const other = result<{ favoris: unknown[] }>(await dispatch(core, redacteur, 'favoris.list', {}));
    expect(other.favoris).toEqual([]);
  });
});
