// The desk's line to the server: its headers, the server's cookie, and what counts as « unreachable ».
import { describe, expect, it } from 'vitest';
import { API_VERSION } from '../../../common/sync/methods';
import { ServerLink, Unreachable, clientCookieOf } from './server-link';

function linkAnswering(respond: (url: string, init: RequestInit) => Promise<Response>, timeoutMs?: number) {
  const seen: Array<{ url: string; headers: Headers }> = [];
  const link = new ServerLink({
    serverUrl: 'https://infocite.ville.fr/sous-dossier',
    timeoutMs,
    fetch: (url, init = {}) => {
      seen.push({ url: String(url), headers: new Headers(init.headers) });
      return respond(String(url), init);
    },
  });
  return { link, seen };
}

describe('the server link', () => {
  it('sends the credential, the API version and the window’s server cookie; reads the new cookie', async () => {
    const { link, seen } = linkAnswering(() =>
      Promise.resolve(
        Response.json(
          { ok: true, result: {} },
          { headers: { 'set-cookie': 'infocite_client=nouveau-jeton; HttpOnly; SameSite=Strict; Path=/' } },
        ),
      ),
    );
    const answer = await link.call('auth.login', {}, 'cle-du-poste', 'ancien-jeton');
    expect(seen[0]?.url).toBe('https://infocite.ville.fr/sous-dossier/api/auth.login');
    expect(seen[0]?.headers.get('x-infocite-poste')).toBe('cle-du-poste');
    expect(seen[0]?.headers.get('x-infocite-api')).toBe(String(API_VERSION));
    expect(seen[0]?.headers.get('cookie')).toBe('infocite_client=ancien-jeton');
    expect(answer).toEqual({ envelope: { ok: true, result: {} }, cookie: 'nouveau-jeton' });
    expect(clientCookieOf(['infocite_client=; HttpOnly; Max-Age=0'])).toBeNull();
    expect(clientCookieOf(['autre=1'])).toBeUndefined();
  });

  it('shows a too-old desk the server’s own French message (426)', async () => {
    const message = 'Ce poste utilise une version trop ancienne : mettez Info’Cité à jour.';
    const { link } = linkAnswering(() =>
      Promise.resolve(Response.json({ ok: false, error: { code: 'refused', message } }, { status: 426 })),
    );
    expect(await link.call('search.query', {}, 'cle')).toEqual({
      envelope: { ok: false, error: { code: 'refused', message } },
    });
  });

  it('treats a refused connection, a 5xx and a silent server as unreachable', async () => {
    const down = linkAnswering(() => Promise.reject(new TypeError('fetch failed'))).link;
    await expect(down.call('x', {}, 'cle')).rejects.toThrow(new Unreachable('connexion impossible'));
    const failing = linkAnswering(() => Promise.resolve(new Response('oups', { status: 502 }))).link;
    await expect(failing.call('x', {}, 'cle')).rejects.toThrow(/erreur 502/);
    const silent = linkAnswering(
      (_url, init) =>
        new Promise((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error)),
        ),
      50,
    ).link;
    await expect(silent.call('x', {}, 'cle')).rejects.toThrow(/pas de réponse à temps/);
  });
});
