// Fictional people for the demo registries: agents' names, trainers and training places.

// One string each, so the lists stay readable (no name here holds a space).
export const PRENOMS = (
  'Camille Léa Manon Chloé Inès Sarah Julie Laura Emma Clara Lucie Anaïs Pauline Marine Nadia Sophie Isabelle ' +
  'Nathalie Sandrine Valérie Céline Aurélie Fatima Amina Yasmine Hélène Martine Christine Élodie Mélanie Thomas ' +
  'Nicolas Julien Antoine Maxime Alexandre Kevin Romain Mathieu Sébastien Olivier Philippe Karim Mehdi Youssef ' +
  'Mamadou Jérôme Frédéric Laurent Stéphane David Hugo Lucas Théo Bruno Patrick Éric François Rachid Samuel'
).split(' ');

export const NOMS = (
  'Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia ' +
  'David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet François ' +
  'Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu ' +
  'Clément Gauthier Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Gérard Nguyen Boyer Denis Lemaire ' +
  'Duval Joly Gautier Roger Roche Roy Noël Meyer Lucas Meunier Jean Perez Marchand Dufour Blanchard Benali ' +
  'Haddad Diallo Traoré Benoît Caron Barbier Brun'
).split(' ');

export const FORMATEURS = [
  'Claire Martin (Direction de la relation usagers)',
  'Nadia Benali (Mission Info’Cité)',
  'Olivier Caron (Centre de formation métropolitain)',
  'Cabinet Accueil & Territoires',
  'Association Numérique pour tous',
  'Hélène Roussel (CCAS)',
] as const;

export const LIEUX = [
  'Hôtel de Ville – salle du Conseil',
  'Hôtel de Ville – salle de formation (2e étage)',
  'Centre de formation métropolitain, 25 rue des Forges',
  'CCAS – salle de réunion',
  'Cyber-base, 9 rue Louise-Michel',
  'En ligne (visioconférence)',
] as const;

/** Where each entité's agents have their mail (the reserved « .example » domain, as in the demo content). */
export const COURRIEL_DOMAINS = {
  ville: 'montrouval.example',
  metropole: 'metropole-montrouval.example',
  ccas: 'ccas-montrouval.example',
  autre: 'partenaires-montrouval.example',
} as const;
