import { describe, expect, it } from 'vitest';
import { identifiant, nouveauMotDePasse } from '../../../../common/comptes/methods';
import { checkForm } from '../../ui/forms/checkForm';
import { withConfirmation } from './passwords';

describe('withConfirmation', () => {
  const schema = withConfirmation({ motDePasse: nouveauMotDePasse }, 'motDePasse');
  const check = (motDePasse: string, confirmation: string) => checkForm(schema, { motDePasse, confirmation });

  it('asks for the contract’s 10 characters, then a matching confirmation', () => {
    expect(check('court', 'court')).toEqual({
      ok: false,
      errors: { motDePasse: 'Le mot de passe compte au moins 10 caractères.' },
    });
    expect(check('court', 'autre')).toEqual({
      ok: false,
      errors: { motDePasse: 'Le mot de passe compte au moins 10 caractères.' },
    });
    expect(check('assez long !', 'assez long ?')).toEqual({
      ok: false,
      errors: { confirmation: 'La confirmation ne correspond pas au mot de passe.' },
    });
    expect(check('123456789', '123456789')).toMatchObject({ ok: false });
    expect(check('1234567890', '1234567890')).toEqual({
      ok: true,
      data: { motDePasse: '1234567890', confirmation: '1234567890' },
    });
  });

  it('tells every field at once, with the core’s messages', () => {
    const setup = withConfirmation({ identifiant, motDePasse: nouveauMotDePasse }, 'motDePasse');
    expect(
      checkForm(setup, { identifiant: 'a b', motDePasse: 'assez long !', confirmation: 'autre chose' }),
    ).toEqual({
      ok: false,
      errors: {
        identifiant: 'L’identifiant ne contient ni espace ni signe autre que . _ @ -.',
        confirmation: 'La confirmation ne correspond pas au mot de passe.',
      },
    });
  });
});
