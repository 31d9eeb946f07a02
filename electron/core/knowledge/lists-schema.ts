import { z } from 'zod';

export const synonymsFile = z.array(
  z
    .array(z.coerce.string().trim().min(1), { error: 'chaque groupe de synonymes doit être une liste' })
    .min(2, {
      error: 'un groupe de synonymes doit contenir au moins deux expressions',
    }),
  { error: 'synonymes.yml doit être une liste de groupes : - [cni, carte nationale d’identité]' },
);

export const themesFile = z.array(
  z.strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/, "l'id d'un thème ne contient que des minuscules, chiffres et tirets"),
    libelle: z.string().trim().min(1, 'le libellé du thème est obligatoire'),
    description: z.string().trim().optional(),
  }),
  { error: 'themes.yml doit être une liste de thèmes (id, libelle, description)' },
);
