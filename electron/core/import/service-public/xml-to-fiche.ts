// One fiche of DILA's `vosdroits` archive (Publication.xsd 3.3) → one national fiche of the knowledge base:
// the front-matter the schema accepts (origine: national) and a markdown body.
import { slug } from '../../../../common/text';
import YAML from 'yaml';
import { normalizeKeys } from '../../knowledge/schema';
import type { LinkTargets } from './markdown';
import { plainOrdinals, publicationToMarkdown } from './markdown';
import type { XmlElement } from './xml-tree';
import { XmlSyntaxError, childElements, descendants, firstChild, parseXml, textOf } from './xml-tree';

/** The front-matter of an imported fiche, keys in the order they are written. */
export interface NationalFrontMatter {
  id: string;
  titre: string;
  resume: string;
  themes: string[];
  mots_cles: string[];
  mise_a_jour: string;
  source: string;
  statut: 'publiee';
  origine: 'national';
  pivots: string[];
}

export interface ImportedFiche {
  id: string;
  frontMatter: NationalFrontMatter;
  body: string;
}

export type Conversion = { ok: true; fiche: ImportedFiche } | { ok: false; reason: string };

/** A fiche's file name in the archive: F followed by digits. The N files are dossiers, not fiches. */
export const FICHE_FILE = /^(F\d+)\.xml$/i;
export const DOSSIER_FILE = /^(N\d+)\.xml$/i;

const VOSDROITS = 'https://www.service-public.fr/particuliers/vosdroits/';
const AUDIENCE_HOMES = new Set(['particuliers', 'professionnels', 'associations']);

/** A problem with one file; the import reports it (in French) and goes on with the others. */
class FicheProblem extends Error {}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** "modified 2020-08-26" (dc:date) → 2020-08-26. */
export function parseDcDate(text: string): string | undefined {
  const match = /(\d{4}-\d{2}-\d{2})/.exec(text);
  return match?.[1] && isRealDate(match[1]) ? match[1] : undefined;
}

/** A pivot code as the schema wants it: « Sécurité sociale des indépendants » → securite_sociale_des_independants. */
export function normalizePivot(code: string): string | undefined {
  const folded = slug(code, '_').replace(/^[_0-9]+/, '');
  return folded || undefined;
}

/** The thème: the breadcrumb level right under the audience's home (« Particuliers »). */
function themeOf(publication: XmlElement, id: string): string | undefined {
  const levels = childElements(firstChild(publication, 'FilDAriane') ?? publication, 'Niveau');
  const home = levels.findIndex((level) => AUDIENCE_HOMES.has((level.attrs.ID ?? '').toLowerCase()));
  const level = levels[home + 1];
  if (level && level.attrs.ID !== id) {
    const label = textOf(level);
    if (label) return label;
  }
  return textOf(firstChild(firstChild(publication, 'Theme') ?? publication, 'Titre')) || undefined;
}

/** The first sentence of a text (for a fiche without description). */
function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s|$)/.exec(text);
  return (match?.[0] ?? text).trim();
}

/** Keywords: the subject, the sub-theme and dossier the fiche belongs to, and the abbreviations it uses. */
function keywordsOf(publication: XmlElement): string[] {
  const candidates = [
    ...childElements(publication, 'dc:subject').flatMap((subject) => textOf(subject).split(/\s*[,;]\s*/)),
    textOf(firstChild(publication, 'SousThemePere')),
    textOf(firstChild(firstChild(publication, 'DossierPere') ?? publication, 'Titre')),
    textOf(firstChild(publication, 'SousDossierPere')),
    ...childElements(publication, 'Abreviation').map((abbreviation) =>
      textOf(firstChild(abbreviation, 'Titre')),
    ),
  ];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const candidate of candidates) {
    const keyword = collapse(candidate);
    const key = keyword.toLowerCase();
    if (!keyword || seen.has(key)) continue;
    seen.add(key);
    out.push(keyword);
  }
  return out;
}

/**
 * Places that DILA lists without a PivotLocal although they plainly are a kind of local service: R45972
 * « Mairie délivrant des cartes d'identité » (8 fiches) and R30 « Tribunal judiciaire ou de proximité » (600+
 * fiches; the annuaire still knows the former tribunaux de grande instance and d'instance).
 */
const PLACE_PIVOTS: Readonly<Record<string, readonly string[]>> = {
  R45972: ['mairie'],
  R30: ['tgi', 'ti'],
};

/** The pivot codes of the places (OuSAdresser) the fiche sends people to, in order of first mention. */
function pivotsOf(publication: XmlElement): string[] {
  const pivots = new Set<string>();
  for (const place of descendants(publication, 'OuSAdresser')) {
    for (const code of PLACE_PIVOTS[place.attrs.ID ?? ''] ?? []) pivots.add(code);
    for (const pivot of childElements(place, 'PivotLocal')) {
      const code = normalizePivot(textOf(pivot));
      if (code) pivots.add(code);
    }
  }
  return [...pivots];
}

function convertPublication(publication: XmlElement, fileId: string, targets: LinkTargets): ImportedFiche {
  if (publication.name !== 'Publication') {
    throw new FicheProblem(`l'élément racine est <${publication.name}>, <Publication> attendu`);
  }
  const id = publication.attrs.ID;
  if (!id) throw new FicheProblem("l'attribut ID de <Publication> est absent");
  if (id.toUpperCase() !== fileId.toUpperCase()) {
    throw new FicheProblem(`l'identifiant ${id} ne correspond pas au nom du fichier`);
  }
  const titre = plainOrdinals(textOf(firstChild(publication, 'dc:title')));
  if (!titre) throw new FicheProblem('le titre (dc:title) est absent ou vide');
  const dateText = textOf(firstChild(publication, 'dc:date'));
  const miseAJour =
    parseDcDate(dateText) ?? parseDcDate(publication.attrs.dateDerniereModificationImportante ?? '');
  if (!miseAJour) {
    throw new FicheProblem(
      dateText
        ? `date de mise à jour illisible (dc:date « ${dateText} »)`
        : 'la date de mise à jour (dc:date) est absente',
    );
  }
  const introduction = textOf(firstChild(publication, 'Introduction'));
  const resume = plainOrdinals(
    textOf(firstChild(publication, 'dc:description')) ||
      firstSentence(introduction || textOf(firstChild(publication, 'Texte'))) ||
      titre,
  );
  const spUrl = publication.attrs.spUrl?.trim();
  const frontMatter: NationalFrontMatter = {
    id,
    titre,
    resume,
    themes: [themeOf(publication, id) ?? 'Service-Public.fr'],
    mots_cles: keywordsOf(publication),
    mise_a_jour: miseAJour,
    source: spUrl && /^https:\/\//.test(spUrl) ? spUrl : `${VOSDROITS}${id}`,
    statut: 'publiee',
    origine: 'national',
    pivots: pivotsOf(publication),
  };
  return { id, frontMatter, body: publicationToMarkdown(publication, targets) };
}

/** Converts one F*.xml file. Never throws: a broken file comes back with its reason, in French. */
export function xmlToFiche(file: { name: string; text: string }, targets: LinkTargets): Conversion {
  const fileId = FICHE_FILE.exec(file.name)?.[1];
  if (!fileId) return { ok: false, reason: "le nom du fichier n'est pas celui d'une fiche (F123.xml)" };
  try {
    return { ok: true, fiche: convertPublication(parseXml(file.text), fileId, targets) };
  } catch (error) {
    if (error instanceof XmlSyntaxError || error instanceof FicheProblem)
      return { ok: false, reason: error.message };
    return {
      ok: false,
      reason: `conversion impossible (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

/** Texts written double-quoted, as in content/README.md; codes and dates stay plain. */
const QUOTED_KEYS = new Set(['titre', 'resume', 'themes', 'mots_cles']);

/** The whole `.md` file of a fiche: YAML front-matter (written by the `yaml` package) and body. */
export function renderFicheFile(fiche: ImportedFiche): string {
  const doc = new YAML.Document(fiche.frontMatter);
  YAML.visit(doc, {
    Pair(_, pair) {
      const key = YAML.isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value;
      if (YAML.isSeq(value)) value.flow = true;
      if (!QUOTED_KEYS.has(key)) return;
      const scalars = YAML.isSeq(value) ? value.items : [value];
      for (const scalar of scalars) if (YAML.isScalar(scalar)) scalar.type = 'QUOTE_DOUBLE';
    },
  });
  const head = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${head}---\n${fiche.body ? `${fiche.body}\n` : ''}`;
}

/** Whether a file's front-matter says it is a national fiche (so the importer may rewrite or delete it). */
export function isNationalFile(text: string): boolean {
  const head = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  if (head === undefined || !/origine/i.test(head)) return false;
  try {
    const data: unknown = YAML.parse(head);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
    return normalizeKeys(data as Record<string, unknown>).origine === 'national';
  } catch {
    return false;
  }
}

function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity: string, name: string) => {
    const lower = name.toLowerCase();
    const code = lower.startsWith('#x')
      ? Number.parseInt(lower.slice(2), 16)
      : lower.startsWith('#')
        ? Number.parseInt(lower.slice(1), 10)
        : undefined;
    if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? entity;
  });
}

const RESOURCE_TITLE =
  /<(?:ServiceEnLigne|PourEnSavoirPlus)\b[^>]*?\bID="(R\d+)"[^>]*>(?:<Condition>[\s\S]*?<\/Condition>)?<Titre>([^<]*)<\/Titre>/g;

/**
 * Titles read from a file without parsing it, for links written without text: the publication's own title
 * (under `ownId`) and those of the online services and resources (R…) it describes.
 */
export function scanTitles(text: string, ownId: string): Array<[id: string, title: string]> {
  const found: Array<[string, string]> = [];
  const own = /<dc:title>([\s\S]*?)<\/dc:title>/.exec(text)?.[1];
  if (own !== undefined) found.push([ownId, collapse(decodeEntities(own))]);
  for (const match of text.matchAll(RESOURCE_TITLE)) {
    found.push([match[1] ?? '', collapse(decodeEntities(match[2] ?? ''))]);
  }
  return found.filter(([id, title]) => id && title);
}
