// Records of the export for tests, shaped like the real ones (annuaire-doubs-2016.jsonl).
import type { AnnuaireRecord } from '../../electron/core/import/annuaire/records';
import { parseAnnuaireLines } from '../../electron/core/import/annuaire/records';

export interface RecordFields {
  id: string;
  type?: string;
  nom?: string;
  codeinsee?: string;
  lat?: number;
  lon?: number;
  street?: string[];
  postalCode?: string;
  locality?: string;
  [field: string]: unknown;
}

/** One line of the export: `id` is required, the type and the commune come from it (`caf-25056-01`). */
export function recordLine(fields: RecordFields): string {
  const { id, lat, lon, street, postalCode, locality, ...rest } = fields;
  const [type = 'mairie', codeinsee = '25056'] = id.split('-');
  return JSON.stringify({
    codeinsee,
    contact_phone: '+33 3 81 61 50 50',
    editeursource: "La Direction de l'information légale et administrative (Premier ministre)",
    id,
    ...(lat !== undefined ? { latitude: String(lat) } : {}),
    ...(lon !== undefined ? { longitude: String(lon) } : {}),
    nom: `Service ${id}`,
    type,
    update: '2015-07-08',
    website: ['http://www.example.fr'],
    writeAddress: {
      addressLocality: locality ?? 'Besançon Cedex',
      postalCode: postalCode ?? '25034',
      streetAddress: street ?? ['2 rue Mégevand'],
    },
    ...rest,
  });
}

/** The parsed record of `recordLine(fields)`. */
export function record(fields: RecordFields): AnnuaireRecord {
  const [parsed] = parseAnnuaireLines(recordLine(fields)).records;
  if (!parsed) throw new Error(`record ${fields.id} not parsed`);
  return parsed;
}
