// The editor's form and the file's front-matter, back and forth. The form holds what a person types (lists one
// per line, hours as « 08:30-12:00, 13:30-17:00 », dates as text); the core receives the front-matter with the
// README's keys and shapes. Keys the form does not show (origine, pivots, verifie_le…) ride along untouched.
// No DOM: unit-tested under Node.
import { slug } from '../../../../common/text';
import type { EditorProblem, FrontMatter } from '../../../../common/redaction/types';
import type { Weekday } from '../../../../common/knowledge/types';
import { WEEKDAYS } from '../../../../common/knowledge/types';

export type { EditorKind } from '../../../../common/redaction/codes';

export interface FicheForm {
  id: string;
  titre: string;
  resume: string;
  themes: string[];
  /** One per line. */
  mots_cles: string;
  public_concerne: string;
  pieces_a_fournir: string;
  cout: string;
  delai: string;
  services: string[];
  mise_a_jour: string;
  a_revoir: string;
  responsable: string;
  statut: 'publiee' | 'brouillon';
  source: string;
  complete: string;
}

export interface FermetureForm {
  du: string;
  au: string;
  motif: string;
}

export interface ContactForm {
  id: string;
  nom: string;
  type: string;
  entite: string;
  voie: string;
  complement: string;
  code_postal: string;
  commune: string;
  telephone: string;
  courriel: string;
  site: string;
  canaux: string[];
  /** Per weekday: « 08:30-12:00, 13:30-17:00 »; empty = closed. */
  horaires: Record<Weekday, string>;
  horaires_note: string;
  fermetures: FermetureForm[];
  accessibilite: string;
}

const FICHE_KEYS = [
  'id',
  'titre',
  'resume',
  'themes',
  'mots_cles',
  'public_concerne',
  'pieces_a_fournir',
  'cout',
  'delai',
  'services',
  'mise_a_jour',
  'a_revoir',
  'responsable',
  'statut',
  'source',
  'complete',
] as const;

const CONTACT_KEYS = [
  'id',
  'nom',
  'type',
  'entite',
  'adresse',
  'telephone',
  'courriel',
  'site',
  'canaux',
  'horaires',
  'horaires_note',
  'fermetures',
  'accessibilite',
] as const;

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(text).filter((item) => item !== '');
  const single = text(value);
  return single === '' ? [] : [single];
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Lines of a textarea, trimmed, without the blank ones. */
export function lines(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** « 08:30-12:00, 13:30-17:00 » (commas or semicolons) → the day's slots. */
export function parseSlots(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((slot) => slot.trim())
    .filter((slot) => slot !== '');
}

/** A text field left empty is no key at all: the core would otherwise read « '' » as a value to check. */
function put(target: FrontMatter, key: string, value: string | string[] | object | undefined): void {
  if (value === undefined) return;
  if (typeof value === 'string' && value.trim() === '') return;
  if (Array.isArray(value) && value.length === 0) return;
  target[key] = typeof value === 'string' ? value.trim() : value;
}

/** Whatever the form does not edit, as it was in the file. */
function others(frontMatter: FrontMatter, shown: readonly string[]): FrontMatter {
  const out: FrontMatter = {};
  for (const [key, value] of Object.entries(frontMatter)) if (!shown.includes(key)) out[key] = value;
  return out;
}

export function ficheForm(frontMatter: FrontMatter): FicheForm {
  return {
    id: text(frontMatter.id),
    titre: text(frontMatter.titre),
    resume: text(frontMatter.resume),
    themes: list(frontMatter.themes),
    mots_cles: list(frontMatter.mots_cles).join('\n'),
    public_concerne: list(frontMatter.public_concerne).join('\n'),
    pieces_a_fournir: list(frontMatter.pieces_a_fournir).join('\n'),
    cout: text(frontMatter.cout),
    delai: text(frontMatter.delai),
    services: list(frontMatter.services),
    mise_a_jour: text(frontMatter.mise_a_jour),
    a_revoir: text(frontMatter.a_revoir),
    responsable: text(frontMatter.responsable),
    statut: text(frontMatter.statut) === 'brouillon' ? 'brouillon' : 'publiee',
    source: text(frontMatter.source),
    complete: text(frontMatter.complete),
  };
}

/** The fiche's front-matter: `rest` (the file as opened) keeps the keys the form does not show. */
export function ficheFrontMatter(form: FicheForm, rest: FrontMatter = {}): FrontMatter {
  const out = others(rest, FICHE_KEYS);
  const fields: FrontMatter = {};
  put(fields, 'id', form.id);
  put(fields, 'titre', form.titre);
  put(fields, 'resume', form.resume);
  put(fields, 'themes', form.themes);
  put(fields, 'mots_cles', lines(form.mots_cles));
  put(fields, 'public_concerne', lines(form.public_concerne));
  put(fields, 'pieces_a_fournir', lines(form.pieces_a_fournir));
  put(fields, 'cout', form.cout);
  put(fields, 'delai', form.delai);
  put(fields, 'services', form.services);
  put(fields, 'mise_a_jour', form.mise_a_jour);
  put(fields, 'a_revoir', form.a_revoir);
  put(fields, 'responsable', form.responsable);
  put(fields, 'statut', form.statut);
  put(fields, 'source', form.source);
  put(fields, 'complete', form.complete);
  return { ...fields, ...out };
}

export function contactForm(frontMatter: FrontMatter): ContactForm {
  const adresse = record(frontMatter.adresse);
  const horaires = record(frontMatter.horaires);
  const fermetures = Array.isArray(frontMatter.fermetures) ? frontMatter.fermetures : [];
  return {
    id: text(frontMatter.id),
    nom: text(frontMatter.nom),
    type: text(frontMatter.type),
    entite: text(frontMatter.entite),
    voie: text(adresse.voie),
    complement: text(adresse.complement),
    code_postal: text(adresse.code_postal),
    commune: text(adresse.commune),
    telephone: text(frontMatter.telephone),
    courriel: text(frontMatter.courriel),
    site: text(frontMatter.site),
    canaux: list(frontMatter.canaux),
    horaires: Object.fromEntries(WEEKDAYS.map((day) => [day, list(horaires[day]).join(', ')])) as Record<
      Weekday,
      string
    >,
    horaires_note: text(frontMatter.horaires_note),
    fermetures: fermetures.map((item) => {
      const fermeture = record(item);
      return { du: text(fermeture.du), au: text(fermeture.au), motif: text(fermeture.motif) };
    }),
    accessibilite: text(frontMatter.accessibilite),
  };
}

export function contactFrontMatter(form: ContactForm, rest: FrontMatter = {}): FrontMatter {
  const out = others(rest, CONTACT_KEYS);
  const fields: FrontMatter = {};
  put(fields, 'id', form.id);
  put(fields, 'nom', form.nom);
  put(fields, 'type', form.type);
  put(fields, 'entite', form.entite);
  const adresse: Record<string, string> = {};
  put(adresse, 'voie', form.voie);
  put(adresse, 'complement', form.complement);
  put(adresse, 'code_postal', form.code_postal);
  put(adresse, 'commune', form.commune);
  if (Object.keys(adresse).length > 0) fields.adresse = adresse;
  put(fields, 'telephone', form.telephone);
  put(fields, 'courriel', form.courriel);
  put(fields, 'site', form.site);
  put(fields, 'canaux', form.canaux);
  const horaires: Record<string, string[]> = {};
  for (const day of WEEKDAYS) {
    const slots = parseSlots(form.horaires[day]);
    if (slots.length > 0) horaires[day] = slots;
  }
  if (Object.keys(horaires).length > 0) fields.horaires = horaires;
  put(fields, 'horaires_note', form.horaires_note);
  const fermetures = form.fermetures
    .map((fermeture) => {
      const item: Record<string, string> = {};
      put(item, 'du', fermeture.du);
      put(item, 'au', fermeture.au);
      put(item, 'motif', fermeture.motif);
      return item;
    })
    .filter((item) => Object.keys(item).length > 0);
  put(fields, 'fermetures', fermetures);
  put(fields, 'accessibilite', form.accessibilite);
  return { ...fields, ...out };
}

/**
 * The problems of one field of the form: the core names a nested value by its path (« adresse.voie »,
 * « horaires.lundi.0 », « fermetures.1.du »), which belongs to the field of that prefix.
 */
export function problemsOf(problems: readonly EditorProblem[], key: string): EditorProblem[] {
  return problems.filter((problem) =>
    problem.field.split(', ').some((field) => field === key || field.startsWith(`${key}.`)),
  );
}

/** A lowercase id from a title (« Carte d'identité : perte » → carte-d-identite-perte), as the README asks. */
export function slugify(title: string): string {
  return slug(title).slice(0, 80).replace(/-+$/, '');
}

/** `[Titre](fiche:id)` inserted in `body` at the selection, and where the caret goes after it. */
export function insertAt(
  body: string,
  selectionStart: number,
  selectionEnd: number,
  insertion: string,
): { body: string; caret: number } {
  const start = Math.max(0, Math.min(selectionStart, body.length));
  const end = Math.max(start, Math.min(selectionEnd, body.length));
  return { body: body.slice(0, start) + insertion + body.slice(end), caret: start + insertion.length };
}

/** A markdown link; brackets in the label would end it early. */
export function markdownLink(label: string, target: string): string {
  return `[${label.replace(/[[\]]/g, '')}](${target})`;
}

/** A front-matter value as one line of text, for the conflict view. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(displayValue).join(' ; ');
  return Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => `${key} : ${displayValue(item)}`)
    .join(' ; ');
}

/** The keys of two front-matters, in the order of the first then the new ones of the second. */
export function unionKeys(a: FrontMatter, b: FrontMatter): string[] {
  return [...Object.keys(a), ...Object.keys(b).filter((key) => !(key in a))];
}
