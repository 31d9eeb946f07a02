// Keeping fiches current: which local fiches are due for review, by responsable, and « Marquer comme
// vérifiée », which moves the review date forward and records who reread the fiche and when.
import { z } from 'zod';
import type { Actor } from '../audit/record';
import { addMonthsToDay, daysBetween, parisDay } from '../../../common/dates';
import type { Db } from '../store/db';
import { readSetting } from '../store/settings';
import { DEFAULT_REVIEW_MONTHS } from '../../../common/redaction/codes';
import type { EditorContext } from './documents';
import { writeDocument } from './save';
import type {
  MarkVerifiedResult,
  ReviewGroup,
  ReviewItem,
  ReviewList,
} from '../../../common/redaction/types';

export const REVIEW_MONTHS_KEY = 'revision.mois';

/** The review period in months (Réglages), 12 by default. */
export async function reviewMonths(db: Db): Promise<number> {
  return await readSetting(db, REVIEW_MONTHS_KEY, z.number().int().min(1).max(120), DEFAULT_REVIEW_MONTHS);
}

export const NO_RESPONSABLE = 'Sans responsable';

/** Local fiches (drafts too) whose review date is past or within `withinDays` days, grouped by responsable. */
export function reviewList(ctx: EditorContext, withinDays: number, now: Date): ReviewList {
  const today = parisDay(now);
  const groups = new Map<string | null, ReviewItem[]>();
  for (const fiche of ctx.knowledge.fiches) {
    if (fiche.origine !== 'local' || !fiche.a_revoir) continue;
    const joursRestants = daysBetween(today, fiche.a_revoir);
    if (joursRestants > withinDays) continue;
    const key = fiche.responsable ?? null;
    const items = groups.get(key) ?? [];
    items.push({
      id: fiche.id,
      titre: fiche.titre,
      path: fiche.path,
      statut: fiche.statut,
      a_revoir: fiche.a_revoir,
      verifie_le: fiche.verifie_le,
      verifie_par: fiche.verifie_par,
      joursRestants,
    });
    groups.set(key, items);
  }
  const list: ReviewGroup[] = [...groups].map(([responsable, fiches]) => ({
    responsable,
    label: responsable ?? NO_RESPONSABLE,
    fiches: fiches.sort((a, b) => a.joursRestants - b.joursRestants || a.titre.localeCompare(b.titre, 'fr')),
  }));
  // By name; the fiches nobody holds come last, as a reminder rather than a person.
  list.sort((a, b) =>
    a.responsable === null
      ? 1
      : b.responsable === null
        ? -1
        : a.responsable.localeCompare(b.responsable, 'fr'),
  );
  return { today, withinDays, groups: list };
}

/**
 * « Marquer comme vérifiée »: a_revoir = today + the review period, verifie_le = today, verifie_par = who.
 * With `baseVersion`, a fiche changed on disk since it was shown is a conflict, as in the editor.
 */
export async function markVerified(
  db: Db,
  actor: Actor,
  who: string,
  ctx: EditorContext,
  input: { id: string; baseVersion?: string },
  now: Date,
): Promise<MarkVerifiedResult> {
  const today = parisDay(now);
  const aRevoir = addMonthsToDay(today, await reviewMonths(db));
  const result = await writeDocument(
    db,
    actor,
    ctx,
    {
      kind: 'fiche',
      id: input.id,
      baseVersion: input.baseVersion,
      action: 'verification',
      build: (current) => ({
        frontMatter: { ...current?.frontMatter, a_revoir: aRevoir, verifie_le: today, verifie_par: who },
        body: current?.body ?? '',
      }),
    },
    now,
  );
  if (result.status !== 'saved') return result;
  return {
    status: 'saved',
    version: result.version,
    path: result.path,
    a_revoir: aRevoir,
    verifie_le: today,
    verifie_par: who,
  };
}
