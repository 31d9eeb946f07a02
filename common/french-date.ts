// French dates as a desk reads them out. Pure: the window uses it too.

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** « 2015-07-08 » → « 8 juillet 2015 », « 2015-07-01 » → « 1er juillet 2015 »; undefined if not a date. */
export function frenchDate(iso: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return undefined;
  const [, year, month = '', day = ''] = match;
  const monthName = MONTHS[Number(month) - 1];
  const dayNumber = Number(day);
  if (!monthName || dayNumber < 1 || dayNumber > 31) return undefined;
  return `${dayNumber === 1 ? '1er' : dayNumber} ${monthName} ${year}`;
}
