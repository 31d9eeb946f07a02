// The kiosk's settings (Réglages): how long a kiosk waits without a touch before going back to its home and
// forgetting everything, whether it offers to print and whether it asks for the satisfaction tap.
import { z } from 'zod';

export const borneSettingsSchema = z.object({
  delaiInactivite: z
    .number({ error: 'indiquez un nombre de secondes' })
    .int('indiquez un nombre entier de secondes')
    .min(15, 'au moins 15 secondes')
    .max(900, 'au plus 900 secondes (15 minutes)'),
  impression: z.boolean(),
  satisfaction: z.boolean(),
});

export type BorneSettings = z.output<typeof borneSettingsSchema>;

export const DEFAULT_BORNE_SETTINGS: BorneSettings = {
  delaiInactivite: 90,
  impression: true,
  satisfaction: true,
};
