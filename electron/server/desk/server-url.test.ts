import { describe, expect, it } from 'vitest';
import { parseServerUrl } from './server-url';

describe('the --server address', () => {
  it('is normalised to end with a slash, under a path too', () => {
    expect(parseServerUrl('https://infocite.ville.fr')).toBe('https://infocite.ville.fr/');
    expect(parseServerUrl(' http://127.0.0.1:4900 ')).toBe('http://127.0.0.1:4900/');
    expect(parseServerUrl('https://intranet.ville.fr/infocite')).toBe('https://intranet.ville.fr/infocite/');
  });

  it('is refused in French when it is not an http(s) address of its own', () => {
    expect(() => parseServerUrl('infocite.ville.fr')).toThrow(/Adresse de serveur invalide/);
    expect(() => parseServerUrl('ftp://infocite.ville.fr')).toThrow(/https:\/\//);
    expect(() => parseServerUrl('https://admin:secret@infocite.ville.fr')).toThrow(/ni identifiant/);
    expect(() => parseServerUrl('https://infocite.ville.fr/?x=1')).toThrow(/ni « \? »/);
  });
});
