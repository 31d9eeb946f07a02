// The label settings' schema and defaults. Zod only (no database), so the API contract can use it and the
// renderer's type check can follow it.
import { z } from 'zod';
import type { LabelSettings } from './types';

export const DEFAULT_LABEL_SETTINGS: LabelSettings = {
  dureeMois: 36,
  regle: { ancienneteMois: 3, proportion: 100, minimum: 2 },
  alerteJours: 90,
  typeFormation: 'infocite',
};

/** The settings as the form sends them: every field, with French messages. */
export const labelSettingsSchema = z.object({
  dureeMois: z
    .number({ error: 'indiquez la durée du label en mois' })
    .int('la durée du label est un nombre entier de mois')
    .min(1, 'le label dure au moins 1 mois')
    .max(120, 'le label dure au plus 120 mois'),
  regle: z.object({
    ancienneteMois: z
      .number({ error: 'indiquez l’ancienneté en mois' })
      .int('l’ancienneté est un nombre entier de mois')
      .min(0, 'l’ancienneté ne peut être négative')
      .max(60, 'l’ancienneté est au plus de 60 mois'),
    proportion: z
      .number({ error: 'indiquez la proportion d’agents formés' })
      .int('la proportion est un pourcentage entier')
      .min(0, 'la proportion est comprise entre 0 et 100 %')
      .max(100, 'la proportion est comprise entre 0 et 100 %'),
    minimum: z
      .number({ error: 'indiquez le nombre minimum d’agents formés' })
      .int('le minimum est un nombre entier d’agents')
      .min(0, 'le minimum ne peut être négatif')
      .max(50, 'le minimum est au plus de 50 agents'),
  }),
  alerteJours: z
    .number({ error: 'indiquez le délai d’alerte en jours' })
    .int('le délai d’alerte est un nombre entier de jours')
    .min(1, 'le délai d’alerte est d’au moins 1 jour')
    .max(730, 'le délai d’alerte est d’au plus 730 jours'),
  typeFormation: z.string().trim().min(1, 'choisissez la formation qui compte pour le label').max(64),
  controle: z
    .object({
      exige: z.boolean(),
      moisMax: z
        .number({ error: 'indiquez l’ancienneté maximale de l’audit en mois' })
        .int('un nombre entier de mois')
        .min(1, 'au moins 1 mois')
        .max(60, '60 mois au plus'),
    })
    .optional(),
});

/** The audit option's months when it is first turned on. */
export const DEFAULT_CONTROLE_MOIS = 12;

// Stored values are read leniently: a field missing from an older value takes its default.
export const storedLabelSettingsSchema = z.object({
  dureeMois: labelSettingsSchema.shape.dureeMois.catch(DEFAULT_LABEL_SETTINGS.dureeMois),
  regle: z
    .object({
      ancienneteMois: labelSettingsSchema.shape.regle.shape.ancienneteMois.catch(
        DEFAULT_LABEL_SETTINGS.regle.ancienneteMois,
      ),
      proportion: labelSettingsSchema.shape.regle.shape.proportion.catch(
        DEFAULT_LABEL_SETTINGS.regle.proportion,
      ),
      minimum: labelSettingsSchema.shape.regle.shape.minimum.catch(DEFAULT_LABEL_SETTINGS.regle.minimum),
    })
    .catch(DEFAULT_LABEL_SETTINGS.regle),
  alerteJours: labelSettingsSchema.shape.alerteJours.catch(DEFAULT_LABEL_SETTINGS.alerteJours),
  typeFormation: labelSettingsSchema.shape.typeFormation.catch(DEFAULT_LABEL_SETTINGS.typeFormation),
  controle: labelSettingsSchema.shape.controle.catch(undefined),
});
