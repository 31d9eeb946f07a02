import { describe, expect, it } from 'vitest';
import { MAX_CSV_CHARS } from '../../common/agents/methods';
import {
  BODY_LIMITS,
  DEFAULT_BODY_LIMIT,
  LOOPBACK_HOSTS,
  bodyLimitOf,
  frenchSize,
  hostAllowed,
  hostPolicy,
  normaliseHost,
  originAllowed,
  sourceOf,
} from './http-guards';

describe('allowed hosts', () => {
  it('gives each configured name the server’s port unless it has its own', () => {
    expect(normaliseHost('LocalHost', 4173)).toBe('localhost:4173');
    expect(normaliseHost('[::1]', 4173)).toBe('[::1]:4173');
    expect(normaliseHost('::1', 4173)).toBe('[::1]:4173');
    expect(normaliseHost('infocite.mairie.fr:443', 4173)).toBe('infocite.mairie.fr:443');
    for (const wrong of ['', 'a b', 'http://x', 'x/y', 'x:port', '-x'])
      expect(() => normaliseHost(wrong, 1)).toThrow("Nom d'hôte autorisé invalide");
  });

  it('accepts by default the loopback names with the actual port, and nothing else', () => {
    const policy = hostPolicy(LOOPBACK_HOSTS, 4173);
    for (const host of ['127.0.0.1:4173', 'localhost:4173', '[::1]:4173', 'LOCALHOST:4173'])
      expect(hostAllowed(policy, host)).toBe(true);
    for (const host of [undefined, '', '127.0.0.1', 'localhost:4174', 'evil.example:4173', '127.0.0.2:4173'])
      expect(hostAllowed(policy, host)).toBe(false);
  });

  it('accepts the origins of the allowed hosts only, and browsers’ cross-site calls never', () => {
    const policy = hostPolicy([...LOOPBACK_HOSTS, 'infocite.mairie.fr'], 4173);
    expect(originAllowed(policy, 'http://127.0.0.1:4173', 'same-origin')).toBe(true);
    expect(originAllowed(policy, 'http://infocite.mairie.fr:4173', undefined)).toBe(true);
    expect(originAllowed(policy, undefined, undefined)).toBe(true);
    expect(originAllowed(policy, 'http://127.0.0.1:8080', undefined)).toBe(false);
    expect(originAllowed(policy, 'https://127.0.0.1:4173', undefined)).toBe(false);
    expect(originAllowed(policy, 'null', undefined)).toBe(false);
    expect(originAllowed(policy, undefined, 'cross-site')).toBe(false);
    expect(originAllowed(policy, undefined, 'same-site')).toBe(false);
    const proxied = hostPolicy(['infocite.mairie.fr:443'], 4173, ['https://infocite.mairie.fr/']);
    expect(originAllowed(proxied, 'https://infocite.mairie.fr', 'same-origin')).toBe(true);
    expect(originAllowed(proxied, 'http://infocite.mairie.fr:443', 'same-origin')).toBe(false);
  });
});

describe('body limits', () => {
  it('lets every large input the schemas allow through, in the worst case of UTF-8', () => {
    expect(bodyLimitOf('agents.importCsv')).toBeGreaterThanOrEqual(3 * MAX_CSV_CHARS);
    for (const method of ['redaction.save', 'redaction.validate', 'redaction.preview'])
      expect(bodyLimitOf(method)).toBeGreaterThanOrEqual(3 * 500_000);
    expect(bodyLimitOf('auth.login')).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitOf('toString')).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitOf('inconnue')).toBe(DEFAULT_BODY_LIMIT);
    expect(Object.values(BODY_LIMITS).every((limit) => limit > DEFAULT_BODY_LIMIT)).toBe(true);
  });

  it('says sizes in French units', () => {
    expect(frenchSize(64 * 1024)).toBe('64 Ko');
    expect(frenchSize(2 * 1024 * 1024)).toBe('2 Mo');
  });
});

describe('sourceOf', () => {
  it('keeps IPv4 addresses, unmaps mapped ones and groups IPv6 by /64', () => {
    expect(sourceOf('192.0.2.1')).toBe('192.0.2.1');
    expect(sourceOf('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(sourceOf('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(sourceOf('2001:db8:1:2::9')).toBe(sourceOf('2001:db8:1:2:ffff::1'));
    expect(sourceOf('::1')).toBe('0:0:0:0::/64');
    expect(sourceOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(sourceOf(undefined)).toBe('inconnue');
  });
});
