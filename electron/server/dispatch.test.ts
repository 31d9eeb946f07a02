import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '../core/app';
import { testCore } from '../../dev/test-support/test-core';
import { sampleContent, writeContentFolder } from '../../dev/test-support/content';
import type { FicheView, SearchResponse } from '../../common/contract';
import type { ClientSlot } from '../core/auth/session';
import { signedIn } from '../../dev/test-support/comptes';
import { dispatch } from './dispatch';

let core: Core;
let agent: ClientSlot;
let contentDir: string;
let dataDir: string;

beforeAll(async () => {
  core = await testCore({
    contentDir: (contentDir = writeContentFolder(sampleContent())),
    dataDir: (dataDir = mkdtempSync(join(tmpdir(), 'infocite-data-'))),
    workerFile: fileURLToPath(new URL('../core/search/index-worker.ts', import.meta.url)),
    // Monday 23 November 2026, 10:00 in Paris.
    now: () => new Date('2026-11-23T09:00:00Z'),
  });
  await core.search.ready();
  agent = await signedIn(core, ['agent']);
});

afterAll(async () => {
  await core.close();
  for (const dir of [contentDir, dataDir]) rmSync(dir, { recursive: true, force: true });
});

describe('dispatch', () => {
  it('runs a method and wraps its result', async () => {
    const answer = await dispatch(core, agent, 'search.query', { q: 'passeport' });
    expect(answer.ok).toBe(true);
    const result = (answer as { ok: true; result: SearchResponse }).result;
    expect(result.results[0]?.id).toBe('passeport');
    expect(result.took_ms).toBeGreaterThanOrEqual(0);
  });

  it('answers with an envelope when the session cannot be read (the database is unreachable)', async () => {
    const lost = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const resolve = vi.spyOn(core.auth, 'resolve').mockRejectedValueOnce(lost);
    try {
      expect(await dispatch(core, agent, 'search.query', { q: 'passeport' })).toMatchObject({
        ok: false,
        error: { code: 'unavailable', message: expect.stringContaining('ne répond pas') },
      });
    } finally {
      resolve.mockRestore();
    }
    expect((await dispatch(core, agent, 'search.query', { q: 'passeport' })).ok).toBe(true);
  });

  it('answers an unknown method, a bad input and a missing role with French messages', async () => {
    expect(await dispatch(core, agent, 'fs.readFile', {})).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: 'Méthode inconnue : fs.readFile' },
    });
    const invalid = await dispatch(core, agent, 'search.query', { q: 42 });
    expect(invalid).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('Demande invalide') },
    });
    const anonymous = await dispatch(core, { token: null }, 'search.query', { q: 'x' });
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const forbidden = await dispatch(core, agent, 'import.servicePublic.status', {});
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const prototype = await dispatch(core, agent, 'toString', {});
    expect(prototype).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('refuses a bad input in French, naming the field, and says which field (never a schema dump)', async () => {
    const setup = await dispatch(core, { token: null }, 'auth.setup', {
      identifiant: 'jean dupont',
      nom: 'Jean Dupont',
      motDePasse: 'un mot de passe assez long',
    });
    expect(setup).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message:
          'Demande invalide – Identifiant : l’identifiant ne contient ni espace ni signe autre que . _ @ -.',
        field: 'identifiant',
      },
    });
    const several = await dispatch(core, { token: null }, 'auth.setup', { identifiant: 'a b', nom: '' });
    expect(several).toMatchObject({
      error: {
        field: 'identifiant',
        // Every point, each with its field, in one readable sentence.
        message: expect.stringMatching(/^Demande invalide – Identifiant : .+ ; Nom : .+ ; .+ : .+\.$/),
      },
    });
    const wrongType = await dispatch(core, agent, 'search.query', { q: 42 });
    expect(wrongType).toMatchObject({ error: { code: 'invalid_input', field: 'q' } });
    for (const answer of [setup, several, wrongType]) {
      const message = (answer as { error: { message: string } }).error.message;
      expect(message).not.toMatch(/✖|→|at \w|expected|received/);
    }
    expect((wrongType as { error: { message: string } }).error.message).toMatch(
      /^Demande invalide – Recherche : /,
    );
  });

  it('gives the seconds to wait with a login refused during its forced wait', async () => {
    await signedIn(core, ['agent'], { identifiant: 'attente', motDePasse: 'le bon mot de passe' });
    const fail = () =>
      dispatch(
        core,
        { token: null },
        'auth.login',
        { identifiant: 'attente', motDePasse: 'faux' },
        { source: 'poste-1' },
      );
    for (let i = 0; i < 2; i++) {
      const free = await fail();
      expect(free).toMatchObject({ ok: false, error: { code: 'refused' } });
      expect((free as { error: object }).error).not.toHaveProperty('retryAfter');
    }
    // The clock of this core stands still: the wait never ends, and each refusal says how long it is.
    for (let i = 0; i < 2; i++) {
      expect(await fail()).toEqual({
        ok: false,
        error: {
          code: 'refused',
          message: "Trop d'essais infructueux : patientez 1 seconde avant de réessayer.",
          retryAfter: 1,
        },
      });
    }
  });

  it('opens a fiche with its rendered body and its services with today’s hours', async () => {
    const answer = await dispatch(core, agent, 'fiches.get', { id: 'passeport' });
    const view = (answer as { ok: true; result: FicheView }).result;
    expect(view.fiche.titre).toBe('Passeport : première demande');
    expect(view.html).toContain('<p>Le passeport se demande en mairie');
    expect(view.services.map((s) => s.id)).toEqual(['mairie']);
    expect(view.services[0]?.today).toMatchObject({
      weekday: 'lundi',
      openNow: false,
      label: "Fermé aujourd'hui",
    });
  });

  it('says a draft or an unknown fiche does not exist', async () => {
    for (const id of ['brouillon', 'absente']) {
      expect(await dispatch(core, agent, 'fiches.get', { id })).toMatchObject({
        ok: false,
        error: { code: 'not_found', message: expect.stringContaining(`« ${id} »`) },
      });
    }
  });

  it('lists contacts, thèmes and content problems', async () => {
    const contacts = await dispatch(core, agent, 'contacts.search', { q: '' });
    expect(contacts).toMatchObject({
      ok: true,
      result: { results: [{ id: 'dechets-service' }, { id: 'mairie' }] },
    });
    const themes = await dispatch(core, agent, 'themes.list', {});
    expect(themes).toMatchObject({
      ok: true,
      result: {
        themes: expect.arrayContaining([
          { id: 'identite', libelle: "Papiers d'identité", description: expect.any(String), count: 2 },
        ]),
      },
    });
    expect(await dispatch(core, agent, 'content.problems', {})).toMatchObject({
      ok: true,
      result: { problems: [] },
    });
  });
});
