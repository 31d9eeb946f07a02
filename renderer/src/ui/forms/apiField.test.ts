import { describe, expect, it } from 'vitest';
import { apiFieldError, fieldMessage } from './apiField';

const invalid = {
  code: 'invalid_input' as const,
  message: 'Demande invalide – Identifiant : l’identifiant ne contient ni espace ni signe autre que . _ @ -.',
  field: 'identifiant',
};

describe('the core’s refusal next to its field', () => {
  it('keeps the sentence about the field, without the envelope’s prefix', () => {
    expect(fieldMessage(invalid)).toBe('L’identifiant ne contient ni espace ni signe autre que . _ @ -.');
    expect(fieldMessage({ code: 'refused', message: 'Refusé.' })).toBe('Refusé.');
  });

  it('finds the field among the form’s, or the conflict’s field, else the top of the form', () => {
    expect(apiFieldError(invalid, ['identifiant', 'nom'])).toEqual({
      field: 'identifiant',
      message: 'L’identifiant ne contient ni espace ni signe autre que . _ @ -.',
    });
    expect(apiFieldError(invalid, ['nom'])).toBeNull();
    expect(apiFieldError({ code: 'conflict', message: 'Déjà utilisé.' }, ['nom'], 'identifiant')).toEqual({
      field: 'identifiant',
      message: 'Déjà utilisé.',
    });
    expect(apiFieldError(null, ['nom'])).toBeNull();
  });
});
