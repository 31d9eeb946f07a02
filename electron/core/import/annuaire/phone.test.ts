import { describe, expect, it } from 'vitest';
import { contactFrontMatter } from '../../knowledge/schema';
import { normalizePhone } from './phone';

describe('normalizePhone', () => {
  it('turns the export’s international form into the national one, in pairs', () => {
    expect(normalizePhone('+33 3 81 61 50 50')).toBe('03 81 61 50 50');
    expect(normalizePhone('+33 9 70 27 66 00')).toBe('09 70 27 66 00');
    expect(normalizePhone('+33 (0)3 81 61 50 50')).toBe('03 81 61 50 50');
    expect(normalizePhone('0033381615050')).toBe('03 81 61 50 50');
  });

  it('regroups national numbers written otherwise', () => {
    expect(normalizePhone('0810 80 58 05')).toBe('08 10 80 58 05');
    expect(normalizePhone('08 10 25 25 30')).toBe('08 10 25 25 30');
    expect(normalizePhone('03.81.61.50.50')).toBe('03 81 61 50 50');
    expect(normalizePhone('0381615050')).toBe('03 81 61 50 50');
  });

  it('keeps four-digit short numbers', () => {
    expect(normalizePhone('3949')).toBe('3949');
    expect(normalizePhone('3646')).toBe('3646');
  });

  it('writes overseas numbers in their national form', () => {
    expect(normalizePhone('+262 262 40 00 00')).toBe('02 62 40 00 00');
    expect(normalizePhone('+590 590 99 39 00')).toBe('05 90 99 39 00');
  });

  it('refuses what is not one French number', () => {
    expect(normalizePhone('03 81 61 50')).toBeUndefined();
    expect(normalizePhone('+41 22 123 45 67')).toBeUndefined();
    expect(normalizePhone('03 81 61 50 50 ou 03 81 61 50 51')).toBeUndefined();
    expect(normalizePhone('00 00 00 00 00')).toBeUndefined();
    expect(normalizePhone('standard')).toBeUndefined();
  });

  it('produces numbers the contact schema accepts', () => {
    for (const raw of ['+33 3 81 61 50 50', '0810 80 58 05', '3949', '+262 262 40 00 00']) {
      const telephone = normalizePhone(raw);
      expect(contactFrontMatter.shape.telephone.safeParse(telephone).success, raw).toBe(true);
    }
  });
});
