// Which services of the export a commune's reception desk needs. The export says where a service is, not
// which communes it serves, so the rule is:
//   1. every service located in the commune (its `codeinsee`);
//   2. for each kind of service that serves a whole territory (TERRITORIAL_KINDS) and that the commune does
//      not host, the nearest service of that kind in the same département, by straight-line distance from
//      the commune (its mairie, else the middle of its services).
// « Nearest » approximates the real competence (a sous-préfecture serves its arrondissement, a trésorerie its
// list of communes): the agent checks the service's own site before sending someone far away.
import type { AnnuaireRecord, Coordinates } from './records';

export interface TerritorialKind {
  /** French label, for the report. */
  label: string;
  /** Pivot codes that satisfy this need; the nearest service of any of them is taken. */
  types: readonly string[];
}

/**
 * Kinds of services competent for a whole territory (département, arrondissement, bassin d'emploi…), that a
 * reception desk sends people to. Left out on purpose:
 * - `epci`: a commune belongs to one intercommunalité, which is not necessarily the nearest seat;
 * - `mairie`, `ccas`, `cij`, `mjd`… : they serve their own commune or neighbourhood;
 * - regional and national bodies (rectorat, DREAL, cour administrative d'appel…), rarely open to the public;
 * - prisons and specialised courts.
 * A type listed after the first one stands in for it: the préfecture serves the arrondissement of the
 * chef-lieu, a DDCSPP merges the DDCS and the DDPP, police and gendarmerie share the territory.
 */
export const TERRITORIAL_KINDS: readonly TerritorialKind[] = [
  { label: 'Préfecture', types: ['prefecture'] },
  { label: 'Sous-préfecture', types: ['sous_pref', 'prefecture'] },
  { label: 'Greffe des associations', types: ['prefecture_greffe_associations'] },
  { label: 'Conseil départemental', types: ['cg'] },
  { label: 'Caisse d’allocations familiales (CAF)', types: ['caf'] },
  { label: 'Caisse primaire d’assurance maladie (CPAM)', types: ['cpam'] },
  { label: 'CARSAT (retraite)', types: ['carsat'] },
  { label: 'CICAS (retraite complémentaire)', types: ['cicas'] },
  { label: 'Urssaf', types: ['urssaf'] },
  { label: 'Mutualité sociale agricole (MSA)', types: ['msa'] },
  { label: 'Pôle emploi', types: ['pole_emploi'] },
  { label: 'Mission locale', types: ['mission_locale'] },
  { label: 'Maison départementale des personnes handicapées (MDPH)', types: ['maison_handicapees'] },
  { label: 'Action sociale départementale', types: ['mds', 'cdas', 'edas', 'sdsei'] },
  { label: 'Protection maternelle et infantile (PMI)', types: ['pmi'] },
  { label: 'Point d’information pour les personnes âgées (CLIC)', types: ['clic'] },
  { label: 'Agence régionale de santé (ARS)', types: ['ars_antenne', 'ars'] },
  { label: 'Information sur le logement (ADIL)', types: ['adil'] },
  { label: 'Direction départementale des territoires (DDT)', types: ['ddt'] },
  { label: 'Direction départementale des finances publiques (DDFiP)', types: ['dd_fip'] },
  { label: 'Protection des populations (DDPP)', types: ['ddpp', 'ddcspp'] },
  { label: 'Cohésion sociale (DDCS)', types: ['ddcs', 'ddcspp'] },
  { label: 'Impôts des particuliers (SIP)', types: ['sip'] },
  { label: 'Impôts des entreprises (SIE)', types: ['sie'] },
  { label: 'Trésorerie', types: ['tresorerie'] },
  { label: 'Cadastre (centre des impôts foncier)', types: ['centre_impots_fonciers'] },
  { label: 'Police ou gendarmerie', types: ['commissariat_police', 'gendarmerie'] },
  { label: 'Tribunal d’instance', types: ['ti'] },
  { label: 'Tribunal de grande instance', types: ['tgi'] },
  { label: 'Tribunal pour enfants', types: ['te'] },
  { label: 'Conseil de prud’hommes', types: ['prudhommes'] },
  { label: 'Tribunal de commerce', types: ['tribunal_commerce'] },
  { label: 'Tribunal administratif', types: ['ta'] },
  { label: 'Défenseur des droits', types: ['defenseur_droits'] },
  { label: 'Centre d’information et d’orientation (CIO)', types: ['cio'] },
  { label: 'Services départementaux de l’Éducation nationale', types: ['inspection_academique'] },
  { label: 'Anciens combattants (ONAC)', types: ['onac'] },
];

/** An INSEE commune code: five digits, or 2A/2B and three digits in Corsica. */
export function isInseeCode(code: string): boolean {
  return /^(?:\d{5}|2[AB]\d{3})$/i.test(code);
}

/** Département of an INSEE code: two characters, three overseas (971…976). */
export function departementOf(code: string): string {
  return code.toUpperCase().slice(0, code.startsWith('97') ? 3 : 2);
}

/** Straight-line distance in kilometres (haversine). */
export function distanceKm(a: Coordinates, b: Coordinates): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface CompetentService {
  record: AnnuaireRecord;
  /** Labels of the kinds it was chosen for (one service may stand for two kinds). */
  kinds: string[];
  distanceKm: number;
}

export interface Selection {
  /** Services located in the commune. */
  local: AnnuaireRecord[];
  /** Nearest competent services located elsewhere, in the order of TERRITORIAL_KINDS. */
  competent: CompetentService[];
  /** Kinds the commune lacks and for which the département has no usable service in the export. */
  missing: string[];
  /** Where distances are measured from; undefined when none of the commune's services has coordinates. */
  reference?: Coordinates;
}

export interface SelectOptions {
  kinds?: readonly TerritorialKind[];
  /** Whether a candidate can be imported (its address parses); the nearest usable one is chosen. */
  isUsable?: (record: AnnuaireRecord) => boolean;
}

function referencePoint(local: AnnuaireRecord[]): Coordinates | undefined {
  const mairie = local.find((record) => record.type === 'mairie' && record.coordinates);
  if (mairie?.coordinates) return mairie.coordinates;
  const points = local.flatMap((record) => (record.coordinates ? [record.coordinates] : []));
  if (points.length === 0) return undefined;
  return {
    lat: points.reduce((sum, point) => sum + point.lat, 0) / points.length,
    lon: points.reduce((sum, point) => sum + point.lon, 0) / points.length,
  };
}

/** Applies the rule above. `local` is empty when the commune is not in the export. */
export function selectForCommune(
  records: readonly AnnuaireRecord[],
  insee: string,
  options: SelectOptions = {},
): Selection {
  const { kinds = TERRITORIAL_KINDS, isUsable = () => true } = options;
  const code = insee.toUpperCase();
  const byId = (a: AnnuaireRecord, b: AnnuaireRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const local = records.filter((record) => record.codeinsee === code).sort(byId);
  const reference = referencePoint(local);
  const localTypes = new Set(local.map((record) => record.type));
  const departement = departementOf(code);
  const competent: CompetentService[] = [];
  const missing: string[] = [];
  if (local.length === 0 || !reference) return { local, competent, missing, reference };

  for (const kind of kinds) {
    if (kind.types.some((type) => localTypes.has(type))) continue;
    let best: { record: AnnuaireRecord; distance: number } | undefined;
    for (const record of records) {
      if (!kind.types.includes(record.type) || !record.coordinates) continue;
      if (departementOf(record.codeinsee) !== departement || !isUsable(record)) continue;
      const distance = distanceKm(reference, record.coordinates);
      // Ties go to the smaller id, so that two runs on the same file choose the same service.
      if (
        !best ||
        distance < best.distance ||
        (distance === best.distance && byId(record, best.record) < 0)
      ) {
        best = { record, distance };
      }
    }
    if (!best) {
      missing.push(kind.label);
      continue;
    }
    const chosen = best;
    const already = competent.find((entry) => entry.record.id === chosen.record.id);
    if (already) already.kinds.push(kind.label);
    else competent.push({ record: chosen.record, kinds: [kind.label], distanceKm: chosen.distance });
  }
  return { local, competent, missing, reference };
}
