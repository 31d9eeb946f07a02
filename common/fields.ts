// Field schemas shared by several method modules: record ids, real calendar days, trimmed free text.
import { z } from 'zod';
import { isRealDay } from './dates';

export const id = z.number().int().positive();

/** A real calendar day « YYYY-MM-DD », with the French message to show when it is not. */
export const day = (message: string) => z.string().refine(isRealDay, message);

/** Trimmed text of at most `max` characters. */
export const text = (max: number) => z.string().trim().max(max, `${max} caractères au plus`);
