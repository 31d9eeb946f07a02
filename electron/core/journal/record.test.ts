import { afterEach, describe, expect, it } from 'vitest';
import { RefusedError } from '../errors';
import { sql } from '../store/db';
import { insertPoint } from '../../../dev/test-support/registres';
import type { RecordInput } from './record';
import { durationSince, recordEntry } from './record';
import { normaliseQuery } from '../../../common/journal/query';
import { recordSearch } from './searches';
import type { JournalFixture } from '../../../dev/test-support/journal';
import { bindInstallation, journalFixture, NOW } from '../../../dev/test-support/journal';

let fixture: JournalFixture;
afterEach(async () => {
  await fixture?.store.close();
});

function record(input: Partial<RecordInput>, now = NOW) {
  return recordEntry(
    fixture.db,
    fixture.refs,
    fixture.alice,
    { issue: 'repondu', fiches: [], ...input },
    now,
  );
}

async function count(table: 'journal' | 'journal_fiches'): Promise<number> {
  return (await fixture.db.value<number>(sql`SELECT count(*) FROM ${sql.ref(table)}`)) ?? 0;
}

describe('recordEntry', () => {
  it('stores the outcome with the Paris day and hour, the point, the account and the fiches', async () => {
    fixture = await journalFixture();
    const entry = await record({
      issue: 'oriente_fiche',
      serviceId: 'mairie',
      fiches: ['passeport', 'cni', 'passeport'],
      debut: new Date(NOW.getTime() - 154_400).toISOString(),
    });
    expect(entry).toEqual({
      id: expect.any(Number),
      horodatage: '2026-11-23T09:00:00.000Z',
      jour: '2026-11-23',
      heure: 10,
      pointId: fixture.pointId,
      compteId: fixture.alice.compteId,
      canal: 'accueil_physique',
      issue: 'oriente_fiche',
      serviceId: 'mairie',
      motif: null,
      // The first fiche's main thème, since the window named none.
      theme: 'identite',
      dureeS: 154,
      fiches: ['cni', 'passeport'],
    });
    expect(await count('journal_fiches')).toBe(2);
  });

  it('takes the Paris day, not UTC’s, just after midnight in summer', async () => {
    fixture = await journalFixture();
    const entry = await record({}, new Date('2026-07-01T22:30:00Z'));
    expect([entry.jour, entry.heure]).toEqual(['2026-07-02', 0]);
  });

  it.each([
    ['physique', 'accueil_physique'],
    ['mixte', 'accueil_physique'],
    ['telephonique', 'telephone'],
    ['numerique', 'courriel'],
  ] as const)('defaults the channel of a %s point to %s, and keeps the one chosen', async (type, canal) => {
    fixture = await journalFixture({ type });
    expect((await record({})).canal).toBe(canal);
    expect((await record({ canal: 'reseaux_sociaux' })).canal).toBe('reseaux_sociaux');
  });

  it('keeps the thème chosen, and none without a fiche', async () => {
    fixture = await journalFixture();
    expect((await record({ fiches: ['passeport'], theme: 'logement' })).theme).toBe('logement');
    expect((await record({})).theme).toBeNull();
  });

  it('measures the duration only when it is plausible', async () => {
    expect(durationSince(undefined, NOW)).toBeNull();
    expect(durationSince('pas une date', NOW)).toBeNull();
    expect(durationSince('2026-11-23T08:58:00Z', NOW)).toBe(120);
    expect(durationSince('2026-11-23T10:00:00+01:00', NOW)).toBe(0);
    expect(durationSince('2026-11-23T09:00:05Z', NOW)).toBeNull(); // in the future: a wrong clock
    expect(durationSince('2026-11-23T05:00:00Z', NOW)).toBe(4 * 3600);
    expect(durationSince('2026-11-23T04:59:59Z', NOW)).toBeNull(); // a window left open
  });

  it('refuses, in French, while the installation is bound to no point, and writes nothing', async () => {
    fixture = await journalFixture({ bound: false });
    await expect(record({})).rejects.toThrow(RefusedError);
    await expect(record({})).rejects.toThrow(/rattaché à aucun point d’accueil/);
    expect(await count('journal')).toBe(0);
  });

  it.each<[string, Partial<RecordInput>, RegExp]>([
    ['non résolu without a reason', { issue: 'non_resolu' }, /pourquoi le contact n’est pas résolu/],
    ['a reason on another outcome', { issue: 'transmis', motif: 'autre' }, /que pour un contact non résolu/],
    ['an orientation without a service', { issue: 'oriente_autre' }, /Indiquez le service/],
    ['a service on an answered contact', { serviceId: 'mairie' }, /n’est orienté vers aucun service/],
    ['an unknown service', { issue: 'oriente_autre', serviceId: 'nasa' }, /service « nasa » n’existe pas/],
    ['an unknown thème', { theme: 'astronomie' }, /thème « astronomie » n’existe pas/],
    ['an unknown fiche', { fiches: ['passeport', 'inconnue'] }, /fiche « inconnue » n’existe pas/],
    ['a draft fiche', { fiches: ['brouillon'] }, /fiche « brouillon » n’existe pas ou n’est pas publiée/],
    [
      'the fiche’s service without a fiche',
      { issue: 'oriente_fiche', serviceId: 'mairie' },
      /Aucune fiche n’a été consultée/,
    ],
    [
      'a service that is not the fiche’s',
      { issue: 'oriente_fiche', serviceId: 'dechets-service', fiches: ['passeport'] },
      /n’est pas celui d’une fiche consultée/,
    ],
    ['more than 20 fiches', { fiches: Array.from({ length: 21 }, (_, n) => `f${n}`) }, /Au plus 20 fiches/],
  ])('refuses %s and writes nothing', async (_case, input, message) => {
    fixture = await journalFixture();
    await expect(record(input)).rejects.toThrow(RefusedError);
    await expect(record(input)).rejects.toThrow(message);
    expect((await count('journal')) + (await count('journal_fiches'))).toBe(0);
  });

  it('accepts every outcome in its valid form', async () => {
    fixture = await journalFixture();
    const entries = [
      await record({ issue: 'repondu', theme: 'identite' }),
      await record({ issue: 'oriente_fiche', serviceId: 'dechets-service', fiches: ['encombrants'] }),
      await record({ issue: 'oriente_autre', serviceId: 'dechets-service', fiches: ['passeport'] }),
      await record({ issue: 'rendez_vous', serviceId: 'mairie' }),
      await record({ issue: 'transmis' }),
      await record({ issue: 'non_resolu', motif: 'pas_de_fiche', theme: 'logement' }),
    ];
    expect(entries.map((entry) => entry.issue)).toEqual([
      'repondu',
      'oriente_fiche',
      'oriente_autre',
      'rendez_vous',
      'transmis',
      'non_resolu',
    ]);
    expect(entries[5]?.motif).toBe('pas_de_fiche');
  });

  it('links the desk’s searches of the day that are not linked yet, and only those', async () => {
    fixture = await journalFixture();
    const first = (await recordSearch(fixture.db, { q: 'passeport', resultats: 3 }, NOW)).id;
    const second = (await recordSearch(fixture.db, { q: 'passeport perdu', resultats: 2 }, NOW)).id;
    const yesterday = (
      await recordSearch(fixture.db, { q: 'hier', resultats: 1 }, new Date('2026-11-22T15:00:00Z'))
    ).id;
    // Another point's search (the installation was bound elsewhere when it was made).
    await bindInstallation(fixture.db, await insertPoint(fixture.db));
    const foreign = (await recordSearch(fixture.db, { q: 'ailleurs', resultats: 1 }, NOW)).id;
    await bindInstallation(fixture.db, fixture.pointId);

    const entry = await record({
      fiches: ['passeport'],
      rechercheIds: [first, second, yesterday, foreign, 9999],
    });
    const again = await record({ fiches: ['passeport'], rechercheIds: [first] });
    const links = await fixture.db.all(sql`SELECT id, entree_id FROM recherches ORDER BY id`);
    expect(links).toEqual([
      { id: first, entree_id: entry.id },
      { id: second, entree_id: entry.id },
      { id: yesterday, entree_id: null },
      { id: foreign, entree_id: null },
    ]);
    expect(again.id).not.toBe(entry.id);
  });

  it('is held by the schema too: a reason goes with « non résolu » only, hours and durations in range', async () => {
    fixture = await journalFixture();
    const insert = (
      heure: number,
      pointId: number,
      issue: string,
      motif: string | null,
      duree: number | null,
    ) =>
      fixture.db.run(
        sql`INSERT INTO journal (horodatage, jour, heure, point_id, canal, issue, motif, duree_s)
            VALUES ('2026-11-23T09:00:00Z', '2026-11-23', ${heure}, ${pointId}, 'telephone', ${issue}, ${motif},
              ${duree})`,
      );
    await expect(insert(10, fixture.pointId, 'non_resolu', null, 10)).rejects.toThrow(/CHECK/);
    await expect(insert(10, fixture.pointId, 'repondu', 'autre', 10)).rejects.toThrow(/CHECK/);
    await expect(insert(24, fixture.pointId, 'repondu', null, 10)).rejects.toThrow(/CHECK/);
    await expect(insert(10, fixture.pointId, 'repondu', null, -1)).rejects.toThrow(/CHECK/);
    await expect(insert(10, 999, 'repondu', null, 10)).rejects.toThrow(/FOREIGN KEY/);
    expect((await insert(10, fixture.pointId, 'non_resolu', 'hors_competence', null)).changes).toBe(1);
  });
});

describe('recordSearch', () => {
  it('keeps the query normalised and short, for the desk’s point and day', async () => {
    fixture = await journalFixture();
    expect(normaliseQuery('  Carte   d’IDENTITÉ\tperdue ')).toBe('carte d’identité perdue');
    expect(normaliseQuery('x'.repeat(500))).toHaveLength(200);
    const { id } = await recordSearch(fixture.db, { q: '  Passeport  URGENT ', resultats: 0 }, NOW);
    expect(await fixture.db.one(sql`SELECT * FROM recherches WHERE id = ${id}`)).toEqual({
      id,
      horodatage: NOW.toISOString(),
      jour: '2026-11-23',
      point_id: fixture.pointId,
      requete: 'passeport urgent',
      resultats: 0,
      entree_id: null,
      // Not sent by a city desk: no desk-made id, no desk.
      uid: null,
      poste_id: null,
    });
  });

  it('refuses an empty search and a desk bound to no point', async () => {
    fixture = await journalFixture();
    await expect(recordSearch(fixture.db, { q: '   ', resultats: 0 }, NOW)).rejects.toThrow(RefusedError);
    await fixture.store.close();
    fixture = await journalFixture({ bound: false });
    await expect(recordSearch(fixture.db, { q: 'passeport', resultats: 1 }, NOW)).rejects.toThrow(/rattaché/);
  });
});
