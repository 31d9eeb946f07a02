// The indicators that may carry an objective, and the periods the dashboard counts by. The log's own codes
// (channels, outcomes, reasons) come from journal/codes.ts. Node-free: the renderer reads these through the
// contract.

export const GRANULARITES = ['jour', 'semaine', 'mois'] as const;
export type Granularite = (typeof GRANULARITES)[number];

/** The indicators of the dashboard, each of which may carry an objective (table objectifs). */
export const INDICATEURS = [
  'contacts',
  'taux_premier_niveau',
  'taux_orientation',
  'taux_non_resolu',
  'rendez_vous',
  'transmis',
  'duree_moyenne',
  'points_labellises',
  'couverture_formation',
  'taux_satisfaction',
  'satisfaction_nette',
  'taux_delais_reclamations',
] as const;
export type IndicateurCode = (typeof INDICATEURS)[number];

export type Unite = 'nombre' | 'pourcentage' | 'secondes';

export const INDICATEUR_INFOS: Record<IndicateurCode, { libelle: string; unite: Unite }> = {
  contacts: { libelle: 'Contacts', unite: 'nombre' },
  taux_premier_niveau: { libelle: 'Taux de réponse au premier niveau', unite: 'pourcentage' },
  taux_orientation: { libelle: "Taux d'orientation", unite: 'pourcentage' },
  taux_non_resolu: { libelle: 'Taux de demandes non résolues', unite: 'pourcentage' },
  rendez_vous: { libelle: 'Rendez-vous pris', unite: 'nombre' },
  transmis: { libelle: 'Demandes transmises', unite: 'nombre' },
  duree_moyenne: { libelle: "Durée moyenne d'un contact", unite: 'secondes' },
  points_labellises: { libelle: 'Points labellisés', unite: 'nombre' },
  couverture_formation: { libelle: 'Couverture des agents formés', unite: 'pourcentage' },
  taux_satisfaction: { libelle: 'Taux de satisfaction', unite: 'pourcentage' },
  // Points from −100 to +100 (très satisfaits − insatisfaits), shown like a rate.
  satisfaction_nette: { libelle: 'Satisfaction nette', unite: 'pourcentage' },
  taux_delais_reclamations: { libelle: 'Réclamations répondues dans les délais', unite: 'pourcentage' },
};

export const SENS_OBJECTIF = ['au_moins', 'au_plus'] as const;
export type SensObjectif = (typeof SENS_OBJECTIF)[number];
