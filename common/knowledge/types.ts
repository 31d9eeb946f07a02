// Domain types of the knowledge base. Kept free of Node imports: the renderer imports them as types.

export const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const ENTITES = ['ville', 'metropole', 'ccas', 'partenaire'] as const;
export type Entite = (typeof ENTITES)[number];

export const CANAUX = ['accueil_physique', 'telephone', 'courriel', 'en_ligne'] as const;
export type Canal = (typeof CANAUX)[number];

export type Statut = 'publiee' | 'brouillon';

/** Where a fiche comes from: written by the commune, or imported from Service-Public.fr (read-only). */
export const ORIGINES = ['local', 'national'] as const;
export type Origine = (typeof ORIGINES)[number];

export interface Fiche {
  id: string;
  titre: string;
  resume: string;
  themes: string[];
  mots_cles: string[];
  public_concerne: string[];
  pieces_a_fournir: string[];
  cout?: string;
  delai?: string;
  services: string[];
  mise_a_jour: string;
  a_revoir?: string;
  responsable?: string;
  /** When the fiche was last reread (« Marquer comme vérifiée »), and by whom. */
  verifie_le?: string;
  verifie_par?: string;
  statut: Statut;
  source?: string;
  /** Id of the national fiche this local fiche completes. */
  complete?: string;
  origine: Origine;
  /**
   * DILA pivot codes (mairie, caf, prefecture…) of the kinds of local service that handle it: resolved at run
   * time to the contacts of that `type`, so a new contact needs no re-import.
   */
  pivots: string[];
  /** Markdown body. */
  body: string;
  /** Path relative to the content folder, with forward slashes. */
  path: string;
}

export interface Adresse {
  voie: string;
  complement?: string;
  code_postal: string;
  commune: string;
}

export interface Fermeture {
  du: string;
  au: string;
  motif?: string;
}

export type Horaires = Partial<Record<Weekday, string[]>>;

export interface Contact {
  id: string;
  nom: string;
  type?: string;
  entite: Entite;
  adresse: Adresse;
  telephone?: string;
  courriel?: string;
  site?: string;
  horaires: Horaires;
  horaires_note?: string;
  fermetures: Fermeture[];
  accessibilite?: string;
  canaux: Canal[];
  body: string;
  path: string;
}

export interface Theme {
  id: string;
  libelle: string;
  description?: string;
}

/** One group of equivalent expressions, as editors write them in synonymes.yml. */
export type SynonymGroup = string[];

export type Severity = 'erreur' | 'avertissement';

/** A problem found in the content folder, reported to editors in French. */
export interface ContentProblem {
  path: string;
  severity: Severity;
  /** Front-matter field concerned, when there is one. */
  field?: string;
  /** Line in the file, when the parser knows it. */
  line?: number;
  message: string;
}

export interface KnowledgeBase {
  fiches: Fiche[];
  contacts: Contact[];
  themes: Theme[];
  synonyms: SynonymGroup[];
  problems: ContentProblem[];
}
