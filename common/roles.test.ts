import { describe, expect, it } from 'vitest';
import { grants } from './roles';

describe('grants', () => {
  it('lets anyone use public methods, and only someone logged in use the others', () => {
    expect(grants(null, 'public')).toBe(true);
    expect(grants(null, 'connecte')).toBe(false);
    expect(grants(null, 'agent')).toBe(false);
    expect(grants([], 'connecte')).toBe(true);
  });

  it('asks for the role, which an administrator holds with all the others', () => {
    expect(grants(['agent'], 'agent')).toBe(true);
    expect(grants(['agent', 'redacteur'], 'gestionnaire')).toBe(false);
    expect(grants(['administrateur'], 'gestionnaire')).toBe(true);
    expect(grants(['gestionnaire'], 'administrateur')).toBe(false);
  });

  it('asks for any one of several roles when the access lists them', () => {
    const either = ['redacteur', 'gestionnaire'] as const;
    expect(grants(['redacteur'], either)).toBe(true);
    expect(grants(['gestionnaire'], either)).toBe(true);
    expect(grants(['agent'], either)).toBe(false);
    expect(grants(['administrateur'], either)).toBe(true);
    expect(grants(null, either)).toBe(false);
  });
});
