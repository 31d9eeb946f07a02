import { describe, expect, it } from 'vitest';
import { retrySeconds, waitLabel } from './retry';

describe('the login wait', () => {
  it('takes the seconds from the envelope, else from the core’s French message', () => {
    expect(retrySeconds({ message: 'Trop d’essais', retryAfter: 4 })).toBe(4);
    expect(
      retrySeconds({ message: "Trop d'essais infructueux : patientez 2 secondes avant de réessayer." }),
    ).toBe(2);
    expect(
      retrySeconds({
        message: "Trop d'essais infructueux depuis ce poste : patientez 1 seconde avant de réessayer.",
      }),
    ).toBe(1);
    expect(
      retrySeconds({
        message: 'Ce compte est verrouillé après plusieurs échecs. Réessayez dans 15 minutes, ou…',
      }),
    ).toBe(900);
    expect(retrySeconds({ message: 'Identifiant ou mot de passe incorrect.' })).toBeNull();
  });

  it('says the wait in seconds, or in minutes when long', () => {
    expect(waitLabel(3)).toBe('Réessayez dans 3 s…');
    expect(waitLabel(59)).toBe('Réessayez dans 59 s…');
    expect(waitLabel(900)).toBe('Réessayez dans 15 min…');
  });
});
