// The forms that set a new password: the contract's own fields (rules and French messages of the core), plus
// the confirmation typed again, the window's only rule of its own.
import { z } from 'zod';
import { nouveauMotDePasse } from '../../../../common/comptes/methods';

export const CONFIRMATION_MISMATCH = 'la confirmation ne correspond pas au mot de passe';

/**
 * `shape`'s fields plus `confirmation`, which must repeat the field `password` (once that one is valid, so a
 * short password is told once, on its own field).
 */
export function withConfirmation<S extends z.ZodRawShape>(shape: S, password: keyof S & string) {
  return z
    .object(shape)
    .extend({ confirmation: z.string() })
    .refine(
      (form) => {
        const values = form as Record<string, unknown>;
        return (
          !nouveauMotDePasse.safeParse(values[password]).success || values[password] === values.confirmation
        );
      },
      { message: CONFIRMATION_MISMATCH, path: ['confirmation'] },
    );
}
