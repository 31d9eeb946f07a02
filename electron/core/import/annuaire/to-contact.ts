import { slug } from '../../../../common/text';
import { frenchDate } from '../../../../common/french-date';
// One record of the export → one contact file of the knowledge base (content/README.md § 4).
import YAML from 'yaml';
import { contactFrontMatter } from '../../knowledge/schema';
import type { Canal, Entite } from '../../../../common/knowledge/types';
import { parseAddress } from './address';
import { normalizePhone } from './phone';
import type { AnnuaireRecord } from './records';

/** Every imported contact's id starts with this, so that it never collides with a hand-written contact. */
export const ID_PREFIX = 'annuaire-';

/**
 * First line of every file the importer writes (a YAML comment, invisible to the application). The importer
 * only rewrites or deletes files that carry it: a hand-written `annuaire-….md` is never touched.
 */
export const GENERATED_MARKER =
  '# Fichier généré par « npm run import:annuaire » : ne pas modifier, il est réécrit ou supprimé à chaque import.';
/** The part of the marker that names the importer; the rest of the sentence may change between versions. */
const GENERATED_TAG = '# Fichier généré par « npm run import:annuaire »';

export const HORAIRES_NOTE =
  "Horaires non fournis par l'Annuaire de l'administration ; vérifiez sur le site du service.";

/** Pivot codes of a town hall and its annexes. */
const MAIRIE_TYPES = new Set([
  'mairie',
  'mairie_com',
  'mairie_mobile',
  'paris_mairie',
  'paris_mairie_arrondissement',
]);

/** `mairie-25056-01` → `annuaire-mairie-25056-01`, `commissariat_police-…` → `annuaire-commissariat-police-…` */
export function contactId(recordId: string): string | undefined {
  const id = slug(recordId);
  return id === '' ? undefined : `${ID_PREFIX}${id}`;
}

/**
 * Who runs the service, seen from the commune: its own mairie (and annexes) is `ville`, its own CCAS `ccas`,
 * an intercommunalité `metropole`; everything else, the mairies of other communes included, is `partenaire`.
 */
export function entiteFor(record: AnnuaireRecord, insee: string): Entite {
  const own = record.codeinsee === insee.toUpperCase();
  if (own && MAIRIE_TYPES.has(record.type)) return 'ville';
  if (own && record.type === 'ccas') return 'ccas';
  if (record.type === 'epci') return 'metropole';
  return 'partenaire';
}

export interface LeftOut {
  /** « site en http:// », « courriel non valide »… */
  what: string;
  value: string;
}

export interface ImportedContact {
  id: string;
  /** File name in the output folder: the id, then `.md`. */
  fileName: string;
  frontMatter: Record<string, unknown>;
  body: string;
  /** Data of the record left out: what (in French) and the value. */
  notes: LeftOut[];
}

export type ContactResult = { ok: true; contact: ImportedContact } | { ok: false; reason: string };

const siteField = contactFrontMatter.shape.site;
const courrielField = contactFrontMatter.shape.courriel;

/** Builds the contact of a record, checked against the schema; a record that cannot be one gets a reason. */
export function toContact(record: AnnuaireRecord, insee: string): ContactResult {
  const id = contactId(record.id);
  if (!id) return { ok: false, reason: `identifiant inutilisable (« ${record.id} »)` };
  const address = parseAddress(record.address);
  if (!address.ok) return { ok: false, reason: address.reason };
  const notes: LeftOut[] = [];

  let telephone: string | undefined;
  if (record.phone) {
    telephone = normalizePhone(record.phone);
    if (!telephone) notes.push({ what: 'téléphone non reconnu', value: record.phone });
  }
  let courriel: string | undefined;
  if (record.email) {
    const email = record.email.replace(/^mailto:/i, '');
    if (courrielField.safeParse(email).success) courriel = email;
    else notes.push({ what: 'courriel non valide', value: record.email });
  }
  const site = record.websites.find((url) => siteField.safeParse(url).success);
  if (!site) {
    for (const url of record.websites) {
      notes.push({
        what: /^http:\/\//i.test(url) ? 'site en http:// (seul https:// est accepté)' : 'site non valide',
        value: url,
      });
    }
  }
  const type = /^[a-z][a-z0-9_]*$/.test(record.type) ? record.type : undefined;
  if (!type) notes.push({ what: 'code pivot non conforme', value: record.type });

  const canaux: Canal[] = ['accueil_physique'];
  if (telephone) canaux.push('telephone');
  if (courriel) canaux.push('courriel');
  if (site) canaux.push('en_ligne');

  // Key order is the one of content/README.md; absent values are left out rather than written empty.
  const frontMatter: Record<string, unknown> = {
    id,
    nom: record.nom,
    ...(type ? { type } : {}),
    entite: entiteFor(record, insee),
    adresse: address.adresse,
    ...(telephone ? { telephone } : {}),
    ...(courriel ? { courriel } : {}),
    ...(site ? { site } : {}),
    horaires_note: HORAIRES_NOTE,
    canaux,
  };
  const checked = contactFrontMatter.safeParse(frontMatter);
  if (!checked.success) {
    const reasons = checked.error.issues.map((issue) => `${issue.path.join('.')} : ${issue.message}`);
    return { ok: false, reason: `contact refusé par le schéma (${reasons.join(' ; ')})` };
  }

  const date = record.update ? frenchDate(record.update) : undefined;
  const source = `Source : Annuaire de l'administration (DILA)${date ? `, données du ${date}` : ''}, Licence Ouverte.`;
  const body = [record.commentaire, source].filter(Boolean).join('\n\n');
  return { ok: true, contact: { id, fileName: `${id}.md`, frontMatter, body, notes } };
}

/** The file's text: the marker, the front-matter, the body. Same contact, same bytes. */
export function renderContactFile(contact: ImportedContact): string {
  const yaml = YAML.stringify(contact.frontMatter, { lineWidth: 0 });
  return `---\n${GENERATED_MARKER}\n${yaml}---\n${contact.body}\n`;
}

/** Whether a file of the output folder was written by this importer, so that it may rewrite or delete it. */
export function isGeneratedFile(fileName: string, text: string): boolean {
  if (!fileName.startsWith(ID_PREFIX) || !fileName.endsWith('.md')) return false;
  const lines = text.split(/\r?\n/, 2);
  if (lines[0] !== '---' || !lines[1]?.startsWith(GENERATED_TAG)) return false;
  const id = /^id:\s*['"]?([^'"\s]+)/m.exec(text)?.[1];
  return id !== undefined && id.startsWith(ID_PREFIX);
}
