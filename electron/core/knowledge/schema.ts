import { fold } from '../../../common/text';
import { z } from 'zod';
import { isWindowsDeviceName } from './content-files';
import { CANAUX, ENTITES, ORIGINES, WEEKDAYS } from '../../../common/knowledge/types';

// Zod's own French messages cover whatever a custom message below does not.
z.config(z.locales.fr());

const requiredText = (label: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${label} est obligatoire` : `${label} doit être un texte`,
    })
    .trim()
    .min(1, `${label} ne peut pas être vide`);

const optionalText = (label: string) =>
  z
    .string({ error: `${label} doit être un texte` })
    .trim()
    .min(1)
    .optional();

/** A list of texts; a single text is accepted as a one-item list, which is what editors often write. */
const textList = (label: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? [value] : value == null ? [] : value),
    z.array(
      z
        .string({ error: `${label} : chaque élément doit être un texte` })
        .trim()
        .min(1),
      {
        error: `${label} doit être une liste`,
      },
    ),
  );

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const id = z
  .string({
    error: (issue) =>
      issue.input === undefined ? "l'identifiant (id) est obligatoire" : "l'identifiant doit être un texte",
  })
  .regex(
    ID_PATTERN,
    "l'identifiant ne peut contenir que des lettres sans accent, des chiffres, « - » et « _ »",
  )
  // The id names the file the editor writes: a name Windows reserves (CON, NUL, COM1…) cannot be one.
  .refine((text) => !isWindowsDeviceName(text), {
    error: (issue) =>
      `l'identifiant « ${String(issue.input)} » est un nom réservé par Windows (CON, PRN, AUX, NUL, COM1…, LPT1…) : choisissez-en un autre`,
  });

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A calendar date written AAAA-MM-JJ; YAML may hand us a string or, from other tools, a Date. */
export const isoDate = (label: string) =>
  z.preprocess(
    (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
    z
      .string({ error: `${label} doit être une date au format AAAA-MM-JJ` })
      .regex(DATE_PATTERN, `${label} doit être une date au format AAAA-MM-JJ (par exemple 2026-03-31)`)
      // Only a well-formed date can be checked against the calendar; a malformed one has its message already.
      .refine(
        (text) => !DATE_PATTERN.test(text) || isRealDate(text),
        `${label} n'est pas une date du calendrier`,
      ),
  );

const statut = z.preprocess(
  (value) => (typeof value === 'string' ? foldKey(value) : value),
  z.enum(['publiee', 'brouillon'], { error: 'le statut doit être « publiee » ou « brouillon »' }),
);

export const ficheFrontMatter = z.strictObject({
  id,
  titre: requiredText('le titre'),
  resume: requiredText('le résumé'),
  themes: textList('les thèmes').pipe(z.array(z.string()).min(1, 'au moins un thème est obligatoire')),
  mots_cles: textList('les mots-clés').default([]),
  public_concerne: textList('le public concerné').default([]),
  pieces_a_fournir: textList('les pièces à fournir').default([]),
  cout: optionalText('le coût'),
  delai: optionalText('le délai'),
  services: textList('les services').default([]),
  mise_a_jour: isoDate('la date de mise à jour'),
  a_revoir: isoDate('la date « à revoir le »').optional(),
  responsable: optionalText('le responsable'),
  // Written by « Marquer comme vérifiée »: when the fiche was last reread, and by whom.
  verifie_le: isoDate('la date de vérification').optional(),
  verifie_par: optionalText('l’auteur de la vérification'),
  statut: statut.default('publiee'),
  source: optionalText('la source'),
  complete: id.optional(),
  origine: z.enum(ORIGINES, { error: 'l’origine doit être « local » ou « national »' }).default('local'),
  pivots: textList('les codes pivots')
    .pipe(
      z.array(z.string().regex(/^[a-z][a-z0-9_]*$/, 'un code pivot s’écrit en minuscules (mairie, caf…)')),
    )
    .default([]),
});

const SLOT = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/;
const slot = z
  .string({ error: 'une plage horaire doit être un texte « HH:MM-HH:MM »' })
  .regex(SLOT, 'une plage horaire doit s’écrire « HH:MM-HH:MM », par exemple « 08:30-12:00 »')
  .refine((text) => {
    const [start = '', end = ''] = text.split('-');
    return start < end;
  }, 'une plage horaire doit finir après son début');

const horaires = z.partialRecord(
  z.enum(WEEKDAYS, { error: 'jour inconnu (lundi … dimanche)' }),
  textList('les horaires').pipe(z.array(slot)),
  {
    error: 'les horaires doivent être donnés jour par jour (lundi: ["08:30-12:00"])',
  },
);

const fermeture = z
  .strictObject({
    du: isoDate('le début de la fermeture'),
    au: isoDate('la fin de la fermeture').optional(),
    motif: optionalText('le motif'),
  })
  .transform((value) => ({ ...value, au: value.au ?? value.du }))
  .refine((value) => value.du <= value.au, 'une fermeture doit finir après son début');

const entite = z.preprocess(
  (value) => (typeof value === 'string' ? foldKey(value) : value),
  z.enum(ENTITES, { error: `l'entité doit être l'une de : ${ENTITES.join(', ')}` }),
);

const canal = z.preprocess(
  (value) => (typeof value === 'string' ? foldKey(value) : value),
  z.enum(CANAUX, { error: `canal inconnu ; valeurs possibles : ${CANAUX.join(', ')}` }),
);

export const contactFrontMatter = z.strictObject({
  id,
  nom: requiredText('le nom'),
  type: z
    .string({ error: 'le type doit être un code pivot (mairie, ccas, caf…)' })
    .regex(/^[a-z][a-z0-9_]*$/, 'le type doit être un code pivot en minuscules (mairie, ccas, caf…)')
    .optional(),
  entite,
  adresse: z.strictObject(
    {
      voie: requiredText('la voie'),
      complement: optionalText('le complément'),
      code_postal: z.coerce.string().regex(/^\d{5}$/, 'le code postal doit avoir 5 chiffres'),
      commune: requiredText('la commune'),
    },
    {
      error: (issue) =>
        issue.input === undefined
          ? "l'adresse est obligatoire"
          : "l'adresse doit avoir voie, code_postal et commune",
    },
  ),
  telephone: z
    .string({ error: 'le téléphone doit être un texte' })
    .regex(/^(\+33 ?|0)[1-9]( ?\d\d){4}$|^\d{4}$/, 'le téléphone doit s’écrire « 01 23 45 67 89 »')
    .optional(),
  courriel: z.email({ error: 'le courriel n’est pas une adresse valide' }).optional(),
  site: z.url({ protocol: /^https$/, error: 'le site doit être une adresse https:// valide' }).optional(),
  horaires: horaires.default({}),
  horaires_note: optionalText('la note sur les horaires'),
  fermetures: z.array(fermeture, { error: 'les fermetures doivent être une liste' }).default([]),
  accessibilite: optionalText("l'accessibilité"),
  canaux: z.array(canal, { error: 'les canaux doivent être une liste' }).default([]),
});

export type FicheFrontMatter = z.infer<typeof ficheFrontMatter>;
export type ContactFrontMatter = z.infer<typeof contactFrontMatter>;

/** Folds a front-matter key or a value the way editors may type it: « Mise à jour le » → mise_a_jour_le. */
export function foldKey(text: string): string {
  return fold(text).replace(/[\s'’-]+/g, '_');
}

const KEY_ALIASES: Record<string, string> = {
  mise_a_jour_le: 'mise_a_jour',
  a_revoir_le: 'a_revoir',
  public: 'public_concerne',
  pieces: 'pieces_a_fournir',
  theme: 'themes',
  mots_clefs: 'mots_cles',
  email: 'courriel',
  telephones: 'telephone',
};

/** Accepts the accented and spaced spellings of the keys (« résumé », « mots-clés ») as their canonical name. */
export function normalizeKeys(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const folded = foldKey(key);
    out[KEY_ALIASES[folded] ?? folded] = value;
  }
  return out;
}
