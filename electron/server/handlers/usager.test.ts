// The usager methods through the dispatcher, on a real core: roles, the address refused beside its field (by the
// contract or by the SMTP server), the password never answered, the draft never given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handout, SmtpView } from '../../../common/usager/methods';
import { signedIn } from '../../../dev/test-support/comptes';
import { startTestSmtp, type TestSmtp } from '../../../dev/test-support/smtp';
import type { Core } from '../../core/app';
import { sampleCore } from '../../../dev/test-support/sample-core';
import type { ClientSlot } from '../../core/auth/session';
import { dispatch } from '../dispatch';

let core: Core;
let agent: ClientSlot;
let admin: ClientSlot;
let smtp: TestSmtp;

beforeAll(async () => {
  core = await sampleCore(() => new Date('2026-11-23T09:00:00Z'));
  agent = await signedIn(core, ['agent']);
  admin = await signedIn(core, ['administrateur']);
  smtp = await startTestSmtp({ refuse: (address) => address === 'inconnu@exemple.fr' });
});

afterAll(async () => {
  await smtp.close();
  await core.close();
});

const settings = () => ({
  hote: '127.0.0.1',
  port: smtp.port,
  securite: 'aucune',
  utilisateur: 'infocite',
  motDePasse: 'secret-smtp',
  expediteur: 'accueil@montrouval.fr',
  nomExpediteur: 'Accueil',
});

describe('usager methods', () => {
  it('give the handout to any session, never a draft to an agent', async () => {
    const answer = await dispatch(core, agent, 'usager.fiche', { id: 'passeport' });
    expect(answer.ok).toBe(true);
    const handout = (answer as { ok: true; result: Handout }).result;
    expect(handout.titre).toBe('Passeport : première demande');
    expect(handout.services.map((s) => s.nom)).toEqual(['Service mairie']);
    const draft = await dispatch(core, agent, 'usager.fiche', { id: 'brouillon' });
    expect(draft).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('keep the SMTP settings to administrators, without ever answering the password', async () => {
    expect(await dispatch(core, agent, 'usager.smtp.get', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await dispatch(core, agent, 'usager.smtp.set', settings())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const bad = await dispatch(core, admin, 'usager.smtp.set', { ...settings(), expediteur: 'accueil' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'expediteur' } });
    const set = await dispatch(core, admin, 'usager.smtp.set', settings());
    expect(set.ok).toBe(true);
    expect(JSON.stringify(set)).not.toContain('secret-smtp');
    const view = (set as { ok: true; result: SmtpView }).result;
    expect(view).toMatchObject({ configure: true, utilisateur: 'infocite', motDePasseDefini: true });
    expect(JSON.stringify(await dispatch(core, admin, 'usager.smtp.get', {}))).not.toContain('secret-smtp');
  });

  it('puts a refused address beside its field, whether the contract or the server refuses it', async () => {
    // The test server asks no login: the settings without one.
    await dispatch(core, admin, 'usager.smtp.set', { ...settings(), utilisateur: '' });
    const malformed = await dispatch(core, agent, 'usager.envoyer', {
      id: 'passeport',
      courriel: 'passeport',
    });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'courriel' } });
    const refused = await dispatch(core, agent, 'usager.envoyer', {
      id: 'passeport',
      courriel: 'inconnu@exemple.fr',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', field: 'courriel' } });
    expect(JSON.stringify(refused)).not.toContain('inconnu@exemple.fr');
    const sent = await dispatch(core, agent, 'usager.envoyer', { id: 'passeport', courriel: 'a@exemple.fr' });
    expect(sent).toEqual({ ok: true, result: { envoye: true } });
    expect(smtp.received.map((mail) => mail.to)).toEqual([['a@exemple.fr']]);
    const draft = await dispatch(core, agent, 'usager.envoyer', {
      id: 'brouillon',
      courriel: 'a@exemple.fr',
    });
    expect(draft).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
