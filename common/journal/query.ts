// How a settled search is kept: normalised so the same question typed twice counts once, and cut short so a
// pasted email cannot turn the table into a store of citizens' messages (CNIL minimisation). Import-free: the
// window applies the very same rule to settle each question once per contact.

export const MAX_REQUETE = 200;

/** Trimmed, lower-case, spaces collapsed, at most MAX_REQUETE characters. */
export function normaliseQuery(q: string): string {
  return q.trim().toLowerCase().replace(/\s+/g, ' ').slice(0, MAX_REQUETE).trimEnd();
}
