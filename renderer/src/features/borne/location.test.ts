import { describe, expect, it } from 'vitest';
import { isBorneLocation } from './location';

describe('isBorneLocation', () => {
  it('is the kiosk at /borne (also behind a reverse proxy’s prefix) and with ?borne', () => {
    expect(isBorneLocation({ pathname: '/borne', search: '' })).toBe(true);
    expect(isBorneLocation({ pathname: '/infocite/borne', search: '' })).toBe(true);
    expect(isBorneLocation({ pathname: '/index.html', search: '?borne' })).toBe(true);
  });

  it('is the agents’ window anywhere else', () => {
    expect(isBorneLocation({ pathname: '/', search: '' })).toBe(false);
    expect(isBorneLocation({ pathname: '/index.html', search: '' })).toBe(false);
    expect(isBorneLocation({ pathname: '/borne.js', search: '' })).toBe(false);
    expect(isBorneLocation({ pathname: '/', search: '?q=borne' })).toBe(false);
  });
});
