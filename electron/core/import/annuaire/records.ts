// Reading DILA's « Annuaire de l'administration » export: one JSON object a line (the format converted by
// cquest/annuaire-services-publics). Each record is reduced to the fields the importer uses, as clean text.
import YAML from 'yaml';

export interface Coordinates {
  lat: number;
  lon: number;
}

/** The postal address as the export gives it, before any interpretation (see address.ts). */
export interface RawAddress {
  /** `writeAddress.streetAddress`: street, building, BP/CS lines, in the export's order. */
  lines: string[];
  postalCode?: string;
  /** `writeAddress.addressLocality`, often with « Cedex ». */
  locality?: string;
  /** The commune's spelling in the Base Adresse Nationale (`geo.commune`), accents and hyphens included. */
  banCommune?: string;
}

export interface AnnuaireRecord {
  /** Line of the record in the file (1-based), for the report. */
  line: number;
  id: string;
  /** DILA pivot code: mairie, caf, prefecture… */
  type: string;
  nom: string;
  /** INSEE code of the commune where the service is located. */
  codeinsee: string;
  address: RawAddress;
  phone?: string;
  email?: string;
  websites: string[];
  coordinates?: Coordinates;
  commentaire?: string;
  /** Date of the record's last update, AAAA-MM-JJ as in the export. */
  update?: string;
  /** INSEE code of the commune found by the BAN geocoding (`geo.insee_comm`). */
  banInsee?: string;
}

/** A line of the export that could not be used. */
export interface LineProblem {
  line: number;
  message: string;
}

export interface ParsedExport {
  records: AnnuaireRecord[];
  problems: LineProblem[];
}

/** Text of a field: trimmed, inner whitespace collapsed; a list gives its first text. */
function text(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = text(item);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(/\s+/g, ' ').trim();
  return cleaned === '' ? undefined : cleaned;
}

function texts(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => text(item)).filter((item): item is string => item !== undefined);
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function coordinate(value: unknown, limit: number): number | undefined {
  const number = typeof value === 'number' ? value : Number.parseFloat(text(value) ?? '');
  return Number.isFinite(number) && Math.abs(number) <= limit ? number : undefined;
}

/** The record's own coordinates, else the geocoding of its address by the Base Adresse Nationale. */
function coordinatesOf(record: Record<string, unknown>): Coordinates | undefined {
  const geo = asObject(record.geo) ?? {};
  for (const source of [record, geo]) {
    const lat = coordinate(source.latitude, 90);
    const lon = coordinate(source.longitude, 180);
    // 0,0 is the usual placeholder of a missing geocoding, in the Gulf of Guinea.
    if (lat !== undefined && lon !== undefined && (lat !== 0 || lon !== 0)) return { lat, lon };
  }
  return undefined;
}

/**
 * Records without a geocoding get the BAN spelling of their commune from another record of the same INSEE
 * code, so that « Besancon Cedex » becomes « Besançon » too (address.ts uses it only when the names fold alike).
 */
function fillBanCommunes(records: AnnuaireRecord[]): void {
  const spelling = new Map<string, string>();
  for (const record of records) {
    if (
      record.address.banCommune &&
      record.banInsee === record.codeinsee &&
      !spelling.has(record.codeinsee)
    ) {
      spelling.set(record.codeinsee, record.address.banCommune);
    }
  }
  for (const record of records) {
    record.address.banCommune ??= spelling.get(record.codeinsee);
  }
}

const REQUIRED_FIELDS = ['id', 'type', 'nom', 'codeinsee'] as const;

function toRecord(data: Record<string, unknown>, line: number): AnnuaireRecord | string {
  const missing = REQUIRED_FIELDS.filter((field) => text(data[field]) === undefined);
  if (missing.length > 0) {
    const list = missing.join(', ');
    return missing.length === 1
      ? `champ obligatoire absent : ${list}`
      : `champs obligatoires absents : ${list}`;
  }
  const address = asObject(data.writeAddress) ?? {};
  const geo = asObject(data.geo) ?? {};
  return {
    line,
    // The four texts were just checked.
    id: text(data.id) ?? '',
    type: text(data.type) ?? '',
    nom: text(data.nom) ?? '',
    codeinsee: (text(data.codeinsee) ?? '').toUpperCase(),
    address: {
      lines: texts(address.streetAddress),
      postalCode: text(address.postalCode),
      locality: text(address.addressLocality),
      banCommune: text(geo.commune),
    },
    phone: text(data.contact_phone),
    email: text(data.contact_email),
    websites: texts(data.website),
    coordinates: coordinatesOf(data),
    commentaire: text(data.commentaire),
    update: text(data.update),
    banInsee: text(geo.insee_comm)?.toUpperCase(),
  };
}

/**
 * Parses the export. A line that is not a JSON object, or lacks id/type/nom/codeinsee, is reported with its
 * number and skipped; so is a second record with an id already seen. Blank lines are ignored.
 */
export function parseAnnuaireLines(content: string): ParsedExport {
  const records: AnnuaireRecord[] = [];
  const problems: LineProblem[] = [];
  const seen = new Map<string, number>();
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      problems.push({ line, message: `JSON illisible (${detail})` });
      return;
    }
    const object = asObject(data);
    if (!object) {
      problems.push({ line, message: "la ligne n'est pas un objet JSON { … }" });
      return;
    }
    const record = toRecord(object, line);
    if (typeof record === 'string') {
      problems.push({ line, message: record });
      return;
    }
    const first = seen.get(record.id);
    if (first !== undefined) {
      problems.push({
        line,
        message: `identifiant « ${record.id} » déjà lu ligne ${first} ; doublon ignoré`,
      });
      return;
    }
    seen.set(record.id, line);
    records.push(record);
  });
  fillBanCommunes(records);
  return { records, problems };
}

/** Labels of the pivot codes (types-pivot-local.yaml: `code: Libellé`), for the report. */
export function parsePivotLabels(content: string): Map<string, string> {
  const data = asObject(YAML.parse(content) as unknown) ?? {};
  const labels = new Map<string, string>();
  for (const [code, label] of Object.entries(data)) {
    const cleaned = text(label);
    if (cleaned) labels.set(code, cleaned);
  }
  return labels;
}
