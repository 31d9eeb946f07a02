// The core's refusal of one field, put next to that field: dispatch names the field of an invalid input
// (`field` in the envelope), a conflict (« déjà utilisé ») belongs to the field the form says. No DOM.
import type { ApiError } from '../../api';
import { sentence } from './checkForm';

/** « Demande invalide – Identifiant : l’identifiant ne contient… » next to its field: « L’identifiant ne contient… ». */
export function fieldMessage(error: Pick<ApiError, 'code' | 'message'>): string {
  if (error.code !== 'invalid_input') return error.message;
  const bare = error.message.replace(/^Demande invalide – [^:]*: /u, '');
  return sentence(bare);
}

/**
 * The field of `fields` the refusal belongs to, and its message; null when it belongs to the whole form (the
 * form shows it at the top).
 */
export function apiFieldError(
  error: Pick<ApiError, 'code' | 'message' | 'field'> | null | undefined,
  fields: readonly string[],
  conflictField?: string,
): { field: string; message: string } | null {
  if (!error) return null;
  if (conflictField !== undefined && error.code === 'conflict')
    return { field: conflictField, message: error.message };
  if (error.field !== undefined && fields.includes(error.field))
    return { field: error.field, message: fieldMessage(error) };
  return null;
}
