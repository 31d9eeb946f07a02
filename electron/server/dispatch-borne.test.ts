// The public kiosk through the dispatcher: every method of the contract called as a kiosk — generated from the
// contract, so a method added tomorrow is checked too — is refused unless it is on the kiosk's allow-list, even
// when the kiosk's slot holds an administrator's session; and the kiosk's methods show published content only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../core/app';
import { sampleCore } from '../../dev/test-support/sample-core';
import type { ClientSlot } from '../core/auth/session';
import { signedIn } from '../../dev/test-support/comptes';
import { methods, type MethodName } from '../../common/contract';
import {
  KIOSK_METHODS,
  KIOSK_REFUSAL,
  isKioskMethod,
  type BorneFiche,
  type BorneHit,
  type BorneReglageView,
} from '../../common/borne/methods';
import { dispatch } from './dispatch';

let core: Core;
let admin: ClientSlot;

beforeAll(async () => {
  core = await sampleCore(() => new Date('2026-11-23T09:00:00Z'));
  admin = await signedIn(core, ['administrateur']);
});

afterAll(async () => {
  await core.close();
});

const kiosk = (client: ClientSlot, method: string, input: unknown = {}) =>
  dispatch(core, client, method, input, { kiosk: true });

function resultOf<T>(answer: Awaited<ReturnType<typeof dispatch>>): T {
  if (!answer.ok) throw new Error(`refused: ${answer.error.message}`);
  return answer.result as T;
}

describe('the kiosk reaches its own methods only', () => {
  const all = Object.keys(methods) as MethodName[];
  const refused = all.filter((method) => !isKioskMethod(method));

  it('has an allow-list of existing, public methods', () => {
    for (const method of KIOSK_METHODS) expect(methods[method].role, method).toBe('public');
    expect(refused.length).toBeGreaterThan(100);
  });

  it.each(refused)('refuses %s to a kiosk, even holding an administrator’s session', async (method) => {
    const expected = { ok: false, error: { code: 'forbidden', message: KIOSK_REFUSAL } };
    expect(await kiosk(admin, method)).toEqual(expected);
    expect(await kiosk({ token: null }, method)).toEqual(expected);
  });

  it('answers an unknown method as unknown, not as a refusal that would confirm a name', async () => {
    expect(await kiosk(admin, 'fs.readFile')).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('leaves the administrator’s session where it was', async () => {
    const session = await dispatch(core, admin, 'auth.session', {});
    expect(resultOf<{ compte: unknown }>(session).compte).not.toBeNull();
  });
});

describe('the kiosk’s methods', () => {
  it('find published fiches only: a draft is neither found nor opened', async () => {
    const found = resultOf<{ results: BorneHit[] }>(await kiosk(admin, 'borne.search', { q: 'passeport' }));
    expect(found.results.map((hit) => hit.id)).toContain('passeport');
    expect(found.results.map((hit) => hit.id)).not.toContain('brouillon');
    // An administrator sees drafts at the desk; through the kiosk, the same slot sees none.
    expect(await dispatch(core, admin, 'fiches.get', { id: 'brouillon' })).toMatchObject({ ok: true });
    expect(await kiosk(admin, 'borne.fiche', { id: 'brouillon' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('open a fiche without its editors’ data, with its services and their hours', async () => {
    const fiche = resultOf<BorneFiche>(await kiosk({ token: null }, 'borne.fiche', { id: 'encombrants' }));
    expect(fiche.titre).toBe('Encombrants');
    expect(Object.keys(fiche)).not.toContain('responsable');
    expect(Object.keys(fiche)).not.toContain('verifie_par');
    expect(fiche.services[0]?.id).toBe('dechets-service');
    expect(fiche.services[0]?.week).toHaveLength(7);
  });

  it('list the services with today’s hours, and the home’s thèmes without the drafts’ counts', async () => {
    const services = resultOf<{ results: Array<{ id: string; today: { label: string } }> }>(
      await kiosk({ token: null }, 'borne.services', { q: '' }),
    );
    expect(services.results.length).toBeGreaterThan(0);
    expect(services.results[0]?.today.label).toMatch(/\S/);
    const accueil = resultOf<{
      reglage: { delaiInactivite: number };
      themes: Array<{ id: string; count: number }>;
    }>(await kiosk({ token: null }, 'borne.accueil'));
    expect(accueil.reglage.delaiInactivite).toBe(90);
    const identite = accueil.themes.find((theme) => theme.id === 'identite');
    const published = resultOf<{ results: BorneHit[] }>(
      await kiosk({ token: null }, 'borne.search', { q: '', theme: 'identite' }),
    );
    expect(identite?.count).toBe(published.results.length);
    expect(published.results.map((hit) => hit.id)).not.toContain('brouillon');
  });

  it('count a satisfaction tap from the kiosk only, as a number per answer', async () => {
    expect(await kiosk({ token: null }, 'borne.satisfaction', { note: 'satisfait' })).toEqual({
      ok: true,
      result: { merci: true },
    });
    await kiosk({ token: null }, 'borne.satisfaction', { note: 'satisfait' });
    await kiosk({ token: null }, 'borne.satisfaction', { note: 'tres_insatisfait' });
    // Not from an agent's window: nobody there has an answer to give.
    expect(await dispatch(core, admin, 'borne.satisfaction', { note: 'satisfait' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const view = resultOf<BorneReglageView>(await dispatch(core, admin, 'borne.reglage.get', {}));
    expect(view.satisfaction.total).toEqual({
      tres_satisfait: 0,
      satisfait: 2,
      insatisfait: 0,
      tres_insatisfait: 1,
    });
    expect(view.satisfaction.trenteJours.satisfait).toBe(2);
  });

  it('take the idle delay an administrator sets, refusing a delay out of bounds in French', async () => {
    const saved = await dispatch(core, admin, 'borne.reglage.set', {
      delaiInactivite: 30,
      impression: false,
      satisfaction: true,
    });
    expect(saved).toMatchObject({ ok: true });
    const accueil = resultOf<{ reglage: unknown }>(await kiosk({ token: null }, 'borne.accueil'));
    expect(accueil.reglage).toEqual({ delaiInactivite: 30, impression: false, satisfaction: true });
    const tooShort = await dispatch(core, admin, 'borne.reglage.set', {
      delaiInactivite: 5,
      impression: true,
      satisfaction: true,
    });
    expect(tooShort).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'delaiInactivite',
        message: expect.stringContaining('15 secondes'),
      },
    });
  });
});
