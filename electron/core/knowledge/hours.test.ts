import { describe, expect, it } from 'vitest';
import { hoursToday, localMoment, weekHours } from './hours';

const contact = {
  horaires: { lundi: ['08:30-12:00', '13:30-17:00'], samedi: ['09:00-12:00'] },
  fermetures: [{ du: '2026-12-24', au: '2026-12-26', motif: 'Fêtes de fin d’année' }],
};

describe('opening hours', () => {
  it('uses Paris time whatever the machine zone', () => {
    // 23:30 UTC on Sunday 22 November 2026 is already Monday in Paris.
    expect(localMoment(new Date('2026-11-22T23:30:00Z'))).toEqual({
      date: '2026-11-23',
      weekday: 'lundi',
      time: '00:30',
    });
  });

  it('says open until the end of the current slot', () => {
    const today = hoursToday(contact, new Date('2026-11-23T09:00:00Z')); // Monday 10:00 in Paris
    expect(today).toMatchObject({ weekday: 'lundi', openNow: true, label: "Ouvert jusqu'à 12:00" });
  });

  it('says when it opens again between two slots, and closed after the last one', () => {
    expect(hoursToday(contact, new Date('2026-11-23T11:45:00Z')).label).toBe('Fermé, ouvre à 13:30');
    expect(hoursToday(contact, new Date('2026-11-23T17:00:00Z')).label).toBe("Fermé pour aujourd'hui");
    expect(hoursToday(contact, new Date('2026-11-24T09:00:00Z'))).toMatchObject({
      openNow: false,
      label: "Fermé aujourd'hui",
    });
  });

  it('honours exceptional closures over the weekly hours', () => {
    const closed = hoursToday(contact, new Date('2026-12-26T09:00:00Z')); // a Saturday, normally open
    expect(closed.openNow).toBe(false);
    expect(closed.label).toBe("Fermeture exceptionnelle aujourd'hui (Fêtes de fin d’année)");
    expect(hoursToday(contact, new Date('2026-12-24T09:00:00Z')).label).toContain(
      "jusqu'au 26 décembre inclus",
    );
  });

  it('lists the whole week from Monday', () => {
    const week = weekHours(contact);
    expect(week.map((d) => d.day)).toEqual([
      'lundi',
      'mardi',
      'mercredi',
      'jeudi',
      'vendredi',
      'samedi',
      'dimanche',
    ]);
    expect(week[1]?.slots).toEqual([]);
  });
});
