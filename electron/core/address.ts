// A postal address as it is printed: a service's (knowledge base) or a reception point's (label register).

interface PostalAddress {
  voie: string;
  complement?: string | null;
  code_postal: string;
  commune: string;
}

const given = (part: string | null | undefined): part is string => !!part && part.trim() !== '';

/** « 1 place de la Mairie », « Bât. B », « 99150 Montrouval »: the lines given, the empty ones left out. */
export function addressLines(address: PostalAddress): string[] {
  const town = [address.code_postal, address.commune].filter(given).join(' ');
  return [address.voie, address.complement, town].filter(given);
}

/** « 1 place de la Mairie, Bât. B, 99150 Montrouval ». */
export function oneLineAddress(address: PostalAddress): string {
  return addressLines(address).join(', ');
}
