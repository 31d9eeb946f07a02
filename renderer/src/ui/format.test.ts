import { describe, expect, it } from 'vitest';
import {
  formatBuiltAt,
  formatDate,
  formatDateRange,
  formatSlot,
  formatSlots,
  isHttpsUrl,
  isoDay,
  plural,
  telHref,
  upcomingClosures,
} from './format';

describe('formatDate', () => {
  it('writes French dates', () => {
    expect(formatDate('2026-09-15')).toBe('15 septembre 2026');
    expect(formatDate('2026-02-20')).toBe('20 février 2026');
    expect(formatDate('2027-12-31')).toBe('31 décembre 2027');
    expect(formatDate('2026-08-09')).toBe('9 août 2026');
  });

  it('writes « 1er » for the first of the month', () => {
    expect(formatDate('2026-03-01')).toBe('1er mars 2026');
  });

  it('leaves what it cannot read untouched', () => {
    expect(formatDate('bientôt')).toBe('bientôt');
    expect(formatDate('2026-13-01')).toBe('2026-13-01');
  });

  it('writes ranges', () => {
    expect(formatDateRange('2026-12-26', '2026-12-26')).toBe('le 26 décembre 2026');
    expect(formatDateRange('2026-12-24', '2027-01-02')).toBe('du 24 décembre 2026 au 2 janvier 2027');
  });
});

describe('hours', () => {
  it('formats slots', () => {
    expect(formatSlot('08:30-12:00')).toBe('8h30 – 12h00');
    expect(formatSlots(['08:30-12:00', '13:30-17:00'])).toBe('8h30 – 12h00 et 13h30 – 17h00');
    expect(formatSlots([])).toBe('Fermé');
  });
});

describe('misc', () => {
  it('pluralises in French', () => {
    expect(plural(0, 'résultat')).toBe('0 résultat');
    expect(plural(1, 'résultat')).toBe('1 résultat');
    expect(plural(12, 'résultat')).toBe('12 résultats');
  });

  it('builds tel: links', () => {
    expect(telHref('01 99 00 11 10')).toBe('tel:0199001110');
    expect(telHref('+33 1 99 00 11 10')).toBe('tel:+33199001110');
  });

  it('accepts only https URLs as external links', () => {
    expect(isHttpsUrl('https://www.service-public.fr/x')).toBe(true);
    expect(isHttpsUrl('http://example.org')).toBe(false);
    expect(isHttpsUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpsUrl('service-public.fr')).toBe(false);
    expect(isHttpsUrl(undefined)).toBe(false);
  });

  it('keeps closures that are not over, soonest first', () => {
    const closures = [
      { du: '2026-12-26', au: '2026-12-26' },
      { du: '2026-01-01', au: '2026-01-02' },
      { du: '2026-08-01', au: '2026-08-20', motif: 'Été' },
    ];
    expect(upcomingClosures(closures, '2026-08-10')).toEqual([closures[2], closures[0]]);
  });

  it('writes local days and build times', () => {
    const now = new Date(2026, 8, 15, 16, 0);
    expect(isoDay(now)).toBe('2026-09-15');
    expect(formatBuiltAt(new Date(2026, 8, 15, 9, 5).toISOString(), now)).toBe("aujourd'hui à 09:05");
    expect(formatBuiltAt(new Date(2026, 8, 1, 14, 32).toISOString(), now)).toBe(
      'le 1er septembre 2026 à 14:32',
    );
  });
});
