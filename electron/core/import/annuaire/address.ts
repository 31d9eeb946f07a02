// From the export's `writeAddress` (street lines, postal code, locality) to a contact's `adresse`.
// The street lines come in any order: « 2 rue Mégevand » ; « BP 1169 », « Direction départementale… »,
// « 6 rue du Roussillon » ; « Palais de Justice », « 1 rue Mégevand BP 159 ». The locality often ends with
// « Cedex 6 » and is sometimes in capitals without accents (« BESANCON CEDEX »).
import { slug } from '../../../../common/text';
import type { Adresse } from '../../../../common/knowledge/types';
import type { RawAddress } from './records';

export type AddressResult = { ok: true; adresse: Adresse } | { ok: false; reason: string };

/** Postal boxes and routing codes: they say where mail goes, not where to go. */
const POSTAL_BOX = /^(?:B\.?\s?P\.?|C\.?S\.?|TSA|Cidex)\s*\d+/i;
/** A postal box written after the street on the same line: « 1 rue Mégevand BP 159 ». */
const TRAILING_BOX = /^(.*\S)[\s,]+((?:B\.?\s?P\.?|CS|TSA)\s*\d+.*)$/i;
/** A care-of line: « Chez M. le Maire », « À l'attention de … ». */
const CARE_OF = /^(?:chez|[àa] l['’]attention|c\/o)(?=[\s.]|$)/i;
/** A line that starts with a street number: « 12 rue… », « 11 bis, rue… », « 69-71, rue… », « 1A rue… ». */
const NUMBERED_STREET = /^\d+(?:\s?-\s?\d+)?(?:\s?(?:bis|ter|quater|[a-z]))?(?![\p{L}\d]),?\s+\p{L}/iu;
/** Words that open a line naming a way: « Rue Principale », « Grande rue », « Le Bourg », « Lieu-dit … ». */
const WAY_WORDS = [
  'rue',
  'ruelle',
  'avenue',
  'av\\.',
  'boulevard',
  'bd',
  'place',
  'placette',
  'chemin',
  'route',
  'impasse',
  'all[ée]e',
  'quai',
  'cours',
  'square',
  'esplanade',
  'faubourg',
  "grande?['’]?\\s?rue",
  'passage',
  'sentier',
  'promenade',
  'rond-point',
  'parvis',
  'mont[ée]e',
  'voie',
  'lieu[\\s-]dit',
  'le bourg',
  'hameau',
];
const STREET_WORD = new RegExp(`^(?:${WAY_WORDS.join('|')})(?=[\\s,'’-]|$)`, 'iu');
const CEDEX = /(?:^|\s+)c[ée]dex(?:\s*\d{1,2})?$/i;
/** Words left in lower case inside a commune's name rebuilt from capitals. */
const SMALL_WORDS = new Set([
  'le',
  'la',
  'les',
  'lès',
  'lez',
  'de',
  'du',
  'des',
  'sur',
  'sous',
  'en',
  'et',
  'aux',
  'au',
]);

/** Folds a name for comparison: « BESANCON » = « Besançon », « PONT LES MOULINS » = « Pont-les-Moulins ». */
function fold(name: string): string {
  return slug(name, ' ');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** « VELLEROT LES BELVOIR » → « Vellerot les Belvoir », « L'ISLE SUR LE DOUBS » → « L'Isle sur le Doubs ». */
function titleCase(name: string): string {
  return name
    .toLowerCase()
    .split(/([\s-]+)/)
    .map((word, index) => {
      if (/^[\s-]*$/.test(word)) return word;
      const elided = /^([dl])(['’])(.+)$/.exec(word);
      if (elided) {
        const [, article = '', apostrophe = '', rest = ''] = elided;
        return `${index === 0 ? article.toUpperCase() : article}${apostrophe}${capitalize(rest)}`;
      }
      return index > 0 && SMALL_WORDS.has(word) ? word : capitalize(word);
    })
    .join('');
}

/** Name of the commune, without its postal code nor « Cedex », spelt as the Base Adresse Nationale does. */
function communeName(locality: string, banCommune: string | undefined): string {
  const name = locality
    .replace(/^\d{5}\s+/, '')
    .replace(CEDEX, '')
    .trim();
  if (name === '') return '';
  if (banCommune && fold(banCommune) === fold(name)) return banCommune;
  return /\p{Ll}/u.test(name) ? name : titleCase(name);
}

/** « 64, rue Bersot » → « 64 rue Bersot » ; « rue Mozart » → « Rue Mozart ». */
function cleanStreet(line: string): string {
  return capitalize(line.replace(/^(\d+(?:\s?-\s?\d+)?(?:\s?(?:bis|ter|quater|[a-z]))?)\s*,\s*/i, '$1 '));
}

/** « BP3 » → « BP 3 », « B.P. 12 » → « BP 12 ». */
function cleanBox(line: string): string {
  return line.replace(/^B\.?\s?P\.?\s*(?=\d)/i, 'BP ').replace(/^(CS|TSA)(?=\d)/i, '$1 ');
}

/**
 * Reads an address of the export. `voie` is the line with a street number, else the first line naming a way
 * (« Rue Principale », « Le Bourg »), else the first place name (« Hôtel de ville »); the other lines, postal
 * boxes last, make the `complement`. An address with no code postal, no commune, or nothing but postal boxes
 * is refused with a French reason.
 */
export function parseAddress(raw: RawAddress): AddressResult {
  const lines: string[] = [];
  for (const line of raw.lines) {
    const box = POSTAL_BOX.test(line) ? undefined : TRAILING_BOX.exec(line);
    if (box?.[1] && box[2]) lines.push(box[1], box[2]);
    else lines.push(line);
  }
  const boxes = lines.filter((line) => POSTAL_BOX.test(line));
  const places = lines.filter((line) => !POSTAL_BOX.test(line));
  const voie =
    places.find((line) => NUMBERED_STREET.test(line)) ??
    places.find((line) => STREET_WORD.test(line)) ??
    places.find((line) => !CARE_OF.test(line));

  const locality = raw.locality ?? '';
  const postal = raw.postalCode ?? /^(\d{5})\s/.exec(locality)?.[1];
  if (!postal || !/^\d{5}$/.test(postal)) {
    return {
      ok: false,
      reason: postal ? `code postal invalide (« ${postal} »)` : 'code postal absent',
    };
  }
  const commune = communeName(locality, raw.banCommune);
  if (commune === '') return { ok: false, reason: 'commune absente' };
  if (!voie) {
    return {
      ok: false,
      reason:
        lines.length === 0 ? 'adresse sans voie' : `adresse sans voie (seulement « ${lines.join(', ')} »)`,
    };
  }
  const complement = [...places.filter((line) => line !== voie), ...boxes.map(cleanBox)].join(', ');
  return {
    ok: true,
    adresse: {
      voie: cleanStreet(voie),
      ...(complement ? { complement } : {}),
      code_postal: postal,
      commune,
    },
  };
}
