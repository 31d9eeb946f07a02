// What the Info'Cité label promises the citizen, as the kiosk shows it: written once, here.

export const LABEL_PROMISE = {
  titre: 'Le label Info’Cité : notre engagement',
  engagements: [
    'Une première réponse sur tous les sujets, quel que soit le service concerné.',
    'Des agents formés à l’information des usagers, et dont la formation est renouvelée.',
    'Une information tenue à jour et relue par les services de la ville.',
    'Si la réponse n’est pas ici, nous vous orientons vers le bon service, avec ses horaires.',
  ],
} as const;
