// The audit trail made readable: which fields a change touched, from what to what, in French. Pure, so it is
// unit-tested under Node.

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
  actif: 'actif',
  motDePasse: 'mot de passe',
  pin: 'code PIN',
  echecs: 'échecs',
  verrouilleJusqu: 'verrouillé jusqu’au',
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
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/_/g, ' ');
}

/** « creation » → « Création »; an action of another domain (« lever_suspension ») → « Lever suspension ». */
export function actionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const text = action.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A value as a person reads it: « oui », « — » for nothing, lists joined. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(formatValue).join(', ');
  return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields a row changed. A creation lists what was set; a deletion what was there; a change only what
 * differs, or everything it wrote when nothing visibly differs (a new password is « (modifié) » both sides).
 */
export function changesOf(avant: unknown, apres: unknown): FieldChange[] {
  const none = (value: unknown) => value === null || value === undefined;
  if (none(avant) && none(apres)) return [];
  if (!isRecord(avant) && !isRecord(apres)) {
    const change: FieldChange = { field: 'valeur' };
    if (!none(avant)) change.before = formatValue(avant);
    if (!none(apres)) change.after = formatValue(apres);
    return [change];
  }
  const before = isRecord(avant) ? avant : {};
  const after = isRecord(apres) ? apres : {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const describe = (key: string): FieldChange => {
    const change: FieldChange = { field: fieldLabel(key) };
    if (isRecord(avant) && key in before) change.before = formatValue(before[key]);
    if (isRecord(apres) && key in after) change.after = formatValue(after[key]);
    return change;
  };
  const differing = keys.filter(
    (key) => !same(before[key], after[key]) || !(key in before) || !(key in after),
  );
  return (differing.length > 0 ? differing : Object.keys(after)).map(describe);
}

const INSTANT = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An ISO instant as « 23 novembre 2026 à 10:00 », in Paris. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : INSTANT.format(date);
}
