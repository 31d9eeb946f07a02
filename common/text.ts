// Text compared as people mean it: « Hélène » finds « helene », « Prénom » is the column « prenom ».

/** Lower case, accents and ligatures off, spaces collapsed. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/\s+/g, ' ')
    .trim();
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
