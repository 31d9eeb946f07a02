// A fiche with everything the citizen's handout shows (pieces, cost, delay, two services with hours and a
// closure, a service-public.fr source), and a FicheSource over it, for the tests of « Pour l'usager ».
import type { Contact, Fiche } from '../../common/knowledge/types';
import { NotFoundError } from '../../electron/core/errors';
import { parseKnowledge } from '../../electron/core/knowledge/parse';
import type { FicheSource } from '../../electron/core/usager/give';
import { contactFile, ficheFile, THEMES_FILE } from './content';

/** Monday 23 November 2026, 10:00 in Paris. */
export const HANDOUT_NOW = new Date('2026-11-23T09:00:00Z');

export const SOURCE_URL = 'https://www.service-public.fr/particuliers/vosdroits/F1342';

export function handoutKnowledge(): { fiches: Fiche[]; contacts: Contact[] } {
  const knowledge = parseKnowledge([
    THEMES_FILE,
    contactFile('titres', {
      nom: 'Service Titres d’identité',
      adresse: {
        voie: '2 place de la Mairie',
        complement: 'Bâtiment B',
        code_postal: '99150',
        commune: 'Montrouval',
      },
      telephone: '01 99 00 10 20',
      courriel: 'titres@montrouval.fr',
      horaires: { lundi: ['08:30-12:00', '13:30-17:00'], mercredi: ['08:30-12:00'] },
      fermetures: [
        { du: '2026-12-24', au: '2026-12-26', motif: 'fêtes de fin d’année' },
        { du: '2027-01-02', au: '2027-01-02' },
      ],
    }),
    contactFile('annexe', {
      nom: 'Mairie annexe <du Plateau>',
      horaires: { mardi: ['09:00-12:00'] },
      // Closed today: the handout says so, with the reason.
      fermetures: [{ du: '2026-11-20', au: '2026-11-25', motif: 'travaux' }],
    }),
    ficheFile(
      'cni-mineur',
      {
        titre: 'Carte d’identité d’un mineur',
        resume: 'Demandée par un parent, en présence de l’enfant.',
        themes: ['identite'],
        public_concerne: ['Mineur', 'Parents'],
        pieces_a_fournir: ['Numéro de pré-demande ANTS', 'Photo d’identité <récente> & conforme'],
        cout: 'Gratuit (25 € en cas de perte)',
        delai: 'Environ 3 semaines',
        services: ['titres', 'annexe'],
        mise_a_jour: '2026-09-15',
        source: SOURCE_URL,
      },
      'Le corps de la fiche, que la remise ne reprend pas.',
    ),
    ficheFile('sans-source', { titre: 'Fiche sans source', source: 'Service population, note interne' }),
    ficheFile('brouillon', { titre: 'Brouillon', statut: 'brouillon' }),
  ]);
  if (knowledge.problems.length > 0) throw new Error(JSON.stringify(knowledge.problems));
  return knowledge;
}

/** The fiches as an agent reads them: drafts included, so the core's own check is what refuses them. */
export function handoutSource(): FicheSource {
  const { fiches, contacts } = handoutKnowledge();
  return {
    fiche(id) {
      const fiche = fiches.find((item) => item.id === id);
      if (!fiche) throw new NotFoundError(`La fiche « ${id} » n'existe pas ou n'est pas publiée.`);
      return fiche;
    },
    servicesOf: (fiche) => fiche.services.flatMap((id) => contacts.find((c) => c.id === id) ?? []),
  };
}
