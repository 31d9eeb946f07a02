import { describe, expect, it } from 'vitest';
import { agentFields } from '../../../../common/agents/methods';
import { pointFields } from '../../../../common/points/methods';
import { pin } from '../../../../common/comptes/methods';
import { checkField, checkForm, sentence } from './checkForm';

describe('checkForm', () => {
  it('checks a form with the contract’s schema, one French sentence per field', () => {
    const result = checkForm(pointFields, {
      code: 'mairie centre',
      nom: '',
      entite: '',
      type: 'physique',
      voie: '',
      complement: '',
      code_postal: '9915',
      commune: '',
      horaires: '',
      contact_id: null,
      ouvert: true,
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        code: 'Le code ne contient que des lettres sans accent, chiffres, - et _.',
        nom: 'Indiquez le nom du point.',
        entite: 'Choisissez l’entité.',
        code_postal: 'Le code postal compte 5 chiffres.',
      },
    });
    const agent = checkForm(agentFields, {
      nom: ' Durand ',
      prenom: 'Léa',
      service: '',
      courriel: '',
      actif: true,
    });
    expect(agent).toEqual({
      ok: true,
      data: { nom: 'Durand', prenom: 'Léa', service: '', courriel: null, actif: true },
    });
    expect(
      checkForm(agentFields, { nom: 'D', prenom: 'L', service: '', courriel: 'lea@', actif: true }),
    ).toEqual({
      ok: false,
      errors: { courriel: 'Adresse de courriel invalide (nom@domaine.fr).' },
    });
    expect(sentence('déjà une phrase.')).toBe('Déjà une phrase.');
  });

  it('checks one field with its contract schema', () => {
    expect(checkField(pin, '12')).toBe('Le code PIN compte 4 à 8 chiffres.');
    expect(checkField(pin, '1234')).toBeNull();
  });
});
