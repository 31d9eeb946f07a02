// Telephone numbers of the export (« +33 3 81 61 50 50 », « 0810 80 58 05 », « 3949 ») in the knowledge
// base's format: ten digits in pairs, « 03 81 61 50 50 », or a four-digit short number.

/** Country codes of metropolitan France and the overseas départements: their national form is 0 + 9 digits. */
const NATIONAL_COUNTRY_CODES = ['33', '262', '269', '590', '594', '596'];
const INTERNATIONAL = new RegExp(`^(?:\\+|00)(?:${NATIONAL_COUNTRY_CODES.join('|')})(\\d{9})$`);

/** The number in the schema's format, or undefined when it is not a single French number. */
export function normalizePhone(raw: string): string | undefined {
  const compact = raw.replace(/\(0\)/g, '').replace(/[\s.\-/\u00a0]/g, '');
  // Short service numbers: 3949 (Pôle emploi), 3646 (Assurance maladie), 1xxx…
  if (/^[13]\d{3}$/.test(compact)) return compact;
  const international = INTERNATIONAL.exec(compact);
  const national = international ? `0${international[1]}` : compact;
  if (!/^0[1-9]\d{8}$/.test(national)) return undefined;
  return national.replace(/(\d\d)(?=\d)/g, '$1 ');
}
