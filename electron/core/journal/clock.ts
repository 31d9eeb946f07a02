// The hour of an instant in Paris: the log counts affluence by the desk's hour, whatever the machine's zone.
const PARIS_HOUR = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** 0 to 23. */
export function parisHour(instant: Date): number {
  return Number(PARIS_HOUR.format(instant));
}
