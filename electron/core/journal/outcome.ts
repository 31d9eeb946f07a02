// The rules an outcome obeys, whether logged or corrected: the reason goes with « non résolu » and only with it,
// an orientation names its service, and every code exists in the knowledge base. Broken codes would make the
// indicators lie silently, so they are refused here, with a message the agent can act on.
import { RefusedError } from '../errors';
import type { Issue, JournalCanal, Motif } from '../../../common/journal/codes';
import { ORIENTATIONS } from '../../../common/journal/codes';
import type { KnowledgeRefs } from './refs';

export interface Outcome {
  issue: Issue;
  canal: JournalCanal;
  serviceId: string | null;
  motif: Motif | null;
  theme: string | null;
}

/** The fiches consulted must be published fiches (checked when the contact is logged). */
export function checkFiches(refs: KnowledgeRefs, fiches: readonly string[]): void {
  for (const fiche of fiches) {
    if (!refs.hasFiche(fiche))
      throw new RefusedError(`La fiche « ${fiche} » n’existe pas ou n’est pas publiée.`);
  }
}

/** `theme` null is not checked; `fiches` are those of the contact, already checked when it was logged. */
export function checkOutcome(refs: KnowledgeRefs, outcome: Outcome, fiches: readonly string[]): void {
  const { issue, serviceId, motif, theme } = outcome;
  if (issue === 'non_resolu' && motif === null)
    throw new RefusedError(
      'Indiquez pourquoi le contact n’est pas résolu (pas de fiche, fiche incomplète…).',
    );
  if (issue !== 'non_resolu' && motif !== null)
    throw new RefusedError('Un motif ne s’indique que pour un contact non résolu.');
  if (ORIENTATIONS.includes(issue) && serviceId === null)
    throw new RefusedError('Indiquez le service vers lequel le contact a été orienté.');
  if (issue === 'repondu' && serviceId !== null)
    throw new RefusedError('Un contact répondu au premier niveau n’est orienté vers aucun service.');
  if (serviceId !== null && !refs.hasContact(serviceId))
    throw new RefusedError(`Le service « ${serviceId} » n’existe pas dans la base de connaissances.`);
  if (theme !== null && !refs.hasTheme(theme))
    throw new RefusedError(`Le thème « ${theme} » n’existe pas dans la base de connaissances.`);
  if (issue === 'oriente_fiche') {
    if (fiches.length === 0)
      throw new RefusedError(
        'Aucune fiche n’a été consultée : choisissez « Orienté vers un autre service ».',
      );
    const offered = new Set(fiches.flatMap((fiche) => refs.servicesOf(fiche)));
    if (serviceId !== null && !offered.has(serviceId))
      throw new RefusedError(
        `Le service « ${serviceId} » n’est pas celui d’une fiche consultée : choisissez « Orienté vers un ` +
          'autre service ».',
      );
  }
}
