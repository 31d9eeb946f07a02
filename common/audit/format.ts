// The audit trail made readable, once for the window and the CSV export: what a row changed (field by field,
// nested values flattened), the record named (« compte de Marie Dupont », « label de la Mairie annexe »), codes
// in French with their accents (« Labellisé »), dates and instants in Paris time. Pure: tested under Node.
import { frenchDate } from '../french-date';
import { DECISION_NAMES, STATUT_LABELS } from '../label/types';
import { ENTITE_NAMES } from '../points/methods';
import { ROLE_LABELS } from '../roles';

export interface FieldChange {
  field: string;
  /** Absent when the field did not exist before (a creation). */
  before?: string;
  /** Absent when the field is gone (a deletion). */
  after?: string;
}

const FIELD_LABELS: Record<string, string> = {
  identifiant: 'identifiant',
  nom: 'nom',
  prenom: 'prénom',
  roles: 'rôles',
  agentId: 'agent (n°)',
  pointId: 'point (n°)',
  actif: 'actif',
  motDePasse: 'mot de passe',
  pin: 'code PIN',
  echecs: 'échecs',
  verrouilleJusqu: 'verrouillé jusqu’au',
  statut: 'statut',
  expireLe: 'expire le',
  motif: 'motif',
  date: 'date',
  debut: 'début',
  fin: 'fin',
  entite: 'entité',
  courriel: 'courriel',
  telephone: 'téléphone',
  libelle: 'libellé',
  duree: 'durée',
  validite_mois: 'validité (mois)',
  texte: 'texte',
  actions: 'actions',
  constat: 'constat',
  action: 'action',
  responsable: 'responsable',
  echeance: 'échéance',
  suivi: 'indicateur de suivi',
  cible: 'cible',
  sens: 'sens',
  marge: 'marge',
  formateur: 'formateur',
  lieu: 'lieu',
  presents: 'présents',
  cree_le: 'créé le',
  creeLe: 'créé le',
  ferme_le: 'fermé le',
  fermeLe: 'fermé le',
  titre: 'titre',
  tousPoints: 'tous les points',
  points: 'points',
  fiches: 'fiches liées',
};

const ACTION_LABELS: Record<string, string> = {
  creation: 'Création',
  modification: 'Modification',
  suppression: 'Suppression',
  mot_de_passe: 'Mot de passe défini',
  changement_mot_de_passe: 'Mot de passe changé par son titulaire',
  pin: 'Code PIN défini',
  retrait_pin: 'Code PIN retiré',
  deverrouillage: 'Déverrouillage',
  fin: 'Fin',
  ...DECISION_NAMES,
};

/** The kinds of record, as the filter and the CSV name them. */
export const OBJET_LABELS: Record<string, string> = {
  compte: 'Compte',
  point: 'Point d’accueil',
  label: 'Label',
  agent: 'Agent',
  affectation: 'Affectation',
  type_formation: 'Type de formation',
  session_formation: 'Session de formation',
  presence: 'Présence',
  objectif: 'Objectif',
  reglage: 'Réglage',
  synonymes: 'Synonymes',
  themes: 'Thèmes',
  base: 'Base de données',
  fiche: 'Fiche',
  contact: 'Service',
  plan_action: 'Plan d’action',
  manque: 'Recherche non trouvée',
  flash: 'Flash info',
};

/** Codes stored in the trail, in French: the label's states, attendance, the backlog's statuses. */
const VALUE_LABELS: Record<string, string> = {
  ...STATUT_LABELS,
  ...ROLE_LABELS,
  ...ENTITE_NAMES,
  inscrit: 'Inscrit',
  present: 'Présent',
  absent: 'Absent',
  a_traiter: 'À traiter',
  traite: 'Traité',
  ignore: 'Ignoré',
  au_moins: 'au moins',
  au_plus: 'au plus',
};

/** Fields whose values are codes of a vocabulary (others, like names, are shown as typed). */
const CODED_FIELDS = new Set(['statut', 'sens', 'roles', 'entite']);

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/_/g, ' ');
}

/** « creation » → « Création », « accorder » → « Label accordé »; another code → « Lever suspension ». */
export function actionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const text = action.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function objetLabel(objet: string): string {
  return OBJET_LABELS[objet] ?? objet.replace(/_/g, ' ');
}

const FEMININE =
  /^(mairie|maison|médiathèque|bibliothèque|mission|direction|agence|antenne|permanence|salle|régie|police)\b/i;

/** « de la Mairie annexe », « de l’Hôtel de ville », « du CCAS ». */
function ofName(name: string): string {
  if (/^[aeiouyhàâéèêëîïôûü]/i.test(name)) return `de l’${name}`;
  if (FEMININE.test(name)) return `de la ${name}`;
  return `du ${name}`;
}

/** The record a row is about, named: « compte de Marie Dupont », « point Mairie annexe ». */
export function objectName(objet: string, objetId: string | null, nom: string | null): string {
  const id = objetId === null ? '' : ` n° ${objetId}`;
  if (nom) {
    switch (objet) {
      case 'compte':
        return `compte de ${nom}`;
      case 'point':
        return `point ${nom}`;
      case 'label':
        return `label ${ofName(nom)}`;
      case 'agent':
        return `agent ${nom}`;
      case 'affectation':
        return `affectation de ${nom}`;
      case 'type_formation':
        return `type de formation « ${nom} »`;
      case 'session_formation':
        return `session ${nom}`;
      default:
        return `${objetLabel(objet).toLowerCase()} « ${nom} »`;
    }
  }
  if (objet === 'plan_action' && objetId) return `plan d’action ${objetId}`;
  if (objet === 'manque' && objetId) return `recherche « ${objetId} »`;
  if (objet === 'reglage' && objetId) return `réglage « ${objetId} »`;
  if (objet === 'objectif' && objetId) return `objectif « ${objetId.replace(/_/g, ' ')} »`;
  return `${objetLabel(objet).toLowerCase()}${id}`;
}

const INSTANT = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO instant as « 23 novembre 2026 à 10:00 », in Paris. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : INSTANT.format(date);
}

/** A value as a person reads it: « oui », « — » for nothing, days and instants in French, codes translated. */
export function formatValue(value: unknown, field = ''): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'string') {
    if (ISO_INSTANT.test(value)) return formatInstant(value);
    if (ISO_DAY.test(value)) return frenchDate(value) ?? value;
    if (CODED_FIELDS.has(field)) return VALUE_LABELS[value] ?? value;
    return value;
  }
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value))
    return value.length === 0 ? '—' : value.map((v) => formatValue(v, field)).join(', ');
  return flatten(value, '')
    .map(([key, v]) => `${key} : ${v}`)
    .join(' ; ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasRecords(value: unknown[]): boolean {
  return value.some((item) => isRecord(item));
}

/**
 * A value as a list of readable fields: nested objects and lists of objects become « actions 1 › responsable »;
 * a flat list stays one field.
 */
export function flatten(value: unknown, prefix: string): Array<[string, string]> {
  const fieldName = prefix.split(' › ').at(-1) ?? '';
  const rawField = Object.entries(FIELD_LABELS).find(([, label]) => label === fieldName)?.[0] ?? fieldName;
  if (isRecord(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return prefix ? [[prefix, '—']] : [];
    return entries.flatMap(([key, v]) =>
      flatten(v, prefix ? `${prefix} › ${fieldLabel(key)}` : fieldLabel(key)),
    );
  }
  if (Array.isArray(value) && hasRecords(value)) {
    if (value.length === 0) return [[prefix, '—']];
    return value.flatMap((item, index) => flatten(item, `${prefix} ${index + 1}`));
  }
  return [[prefix || 'valeur', formatValue(value, rawField)]];
}

/**
 * The fields a row changed. A creation lists what was set; a deletion what was there; a change only what
 * differs, or everything it wrote when nothing visibly differs (a new password is « (modifié) » both sides).
 */
export function changesOf(avant: unknown, apres: unknown): FieldChange[] {
  const none = (value: unknown) => value === null || value === undefined;
  if (none(avant) && none(apres)) return [];
  const before = none(avant) ? null : new Map(flatten(avant, ''));
  const after = none(apres) ? null : new Map(flatten(apres, ''));
  const keys = [...new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])])];
  const describe = (key: string): FieldChange => {
    const change: FieldChange = { field: key };
    if (before?.has(key)) change.before = before.get(key);
    if (after?.has(key)) change.after = after.get(key);
    return change;
  };
  const differing = keys.filter(
    (key) => !before?.has(key) || !after?.has(key) || before.get(key) !== after.get(key),
  );
  return (differing.length > 0 ? differing : [...(after?.keys() ?? [])]).map(describe);
}

/** The changes of a row in one line, for the CSV: « statut : Demandé → Labellisé ; expire le : — → … ». */
export function changesText(avant: unknown, apres: unknown): string {
  return changesOf(avant, apres)
    .map((change) => {
      if (change.before !== undefined && change.after !== undefined && change.before !== change.after)
        return `${change.field} : ${change.before} → ${change.after}`;
      return `${change.field} : ${change.after ?? change.before ?? '—'}`;
    })
    .join(' ; ');
}
