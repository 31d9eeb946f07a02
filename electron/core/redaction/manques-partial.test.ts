import { describe, expect, it } from 'vitest';
import { isPartialQuery } from './manques';

describe('queries cut mid-typing', () => {
  it('leaves out a query too short, ending on a separator or on a dropped short word', () => {
    for (const text of ['bonjour, je', 'ca', 'carte d', 'permis de', 'acte de naissance,', 'a b'])
      expect(isPartialQuery(text), text).toBe(true);
  });

  it('keeps complete queries, one word or several', () => {
    for (const text of [
      'piscine',
      'permis de louer',
      "carte d'identité",
      'bonjour je voudrais un passeport',
      'pacs',
    ])
      expect(isPartialQuery(text), text).toBe(false);
  });
});
