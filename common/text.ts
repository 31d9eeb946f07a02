// Text compared as people mean it: « Hélène » finds « helene », « Prénom » is the column « prenom ». The one
// place accents are folded, for every layer (search, imports, registries, file names, the window's slugs).

/** Accents and other combining marks off, ligatures spelled out; case kept: « Œuvre Été » → « Oeuvre Ete ». */
export function stripAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'Oe')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'Ae');
}

/** Lower case, accents and ligatures off, spaces collapsed: « État  Civil Œuvre » → « etat civil oeuvre ». */
export function fold(text: string): string {
  return stripAccents(text.toLowerCase()).replace(/\s+/g, ' ').trim();
}

/**
 * Folded, every run of other characters than a-z and 0-9 turned into `separator`, none at either end:
 * « Carte d'identité : perte » → « carte-d-identite-perte ».
 */
export function slug(text: string, separator = '-'): string {
  const runs = fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return runs.join(separator);
}

/** Whether every word of the query appears in one of the texts (folded both sides). */
export function matchesQuery(query: string | undefined, ...texts: Array<string | null>): boolean {
  const words = fold(query ?? '')
    .split(' ')
    .filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(texts.filter((t): t is string => Boolean(t)).join(' '));
  return words.every((word) => haystack.includes(word));
}
