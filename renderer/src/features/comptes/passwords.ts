// The window's checks of a new password, before the core's own (same least length, from the contract).
import { PASSWORD_MIN } from '../../../../common/comptes/methods';

/** What is wrong with a new password and its confirmation, in French; null when nothing. */
export function passwordProblem(
  motDePasse: string,
  confirmation: string,
): { field: 'motDePasse' | 'confirmation'; message: string } | null {
  if (motDePasse.length < PASSWORD_MIN)
    return { field: 'motDePasse', message: `Le mot de passe compte au moins ${PASSWORD_MIN} caractères.` };
  if (confirmation !== motDePasse)
    return { field: 'confirmation', message: 'La confirmation ne correspond pas au mot de passe.' };
  return null;
}
