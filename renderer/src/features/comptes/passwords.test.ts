import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwords';

describe('passwordProblem', () => {
  it('asks for 10 characters, then a matching confirmation', () => {
    expect(passwordProblem('court', 'court')).toMatchObject({ field: 'motDePasse' });
    expect(passwordProblem('assez long !', 'assez long ?')).toMatchObject({ field: 'confirmation' });
    expect(passwordProblem('123456789', '123456789')).toMatchObject({ field: 'motDePasse' });
    expect(passwordProblem('1234567890', '1234567890')).toBeNull();
    expect(passwordProblem('assez long !', 'assez long !')).toBeNull();
  });
});
