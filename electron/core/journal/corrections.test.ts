import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../audit/record';
import { ForbiddenError, NotFoundError, RefusedError } from '../errors';
import { sql } from '../store/db';
import { cancelEntry, myEntries, updateEntry } from './corrections';
import type { RecordInput } from './record';
import { recordEntry } from './record';
import { recordSearch } from './searches';
import type { JournalFixture } from '../../../dev/test-support/journal';
import { journalFixture, NOW } from '../../../dev/test-support/journal';

const YESTERDAY = new Date('2026-11-22T14:00:00Z');
const LATER = new Date('2026-11-23T16:00:00Z');

let fixture: JournalFixture;
afterEach(async () => {
  await fixture?.store.close();
});

function record(actor: Actor, input: Partial<RecordInput> = {}, now = NOW) {
  return recordEntry(fixture.db, fixture.refs, actor, { issue: 'repondu', fiches: [], ...input }, now);
}

describe('an agent’s own entries of the day', () => {
  it('lists the agent’s entries of today only, the latest first', async () => {
    fixture = await journalFixture();
    const early = await record(fixture.alice, {}, new Date('2026-11-23T08:00:00Z'));
    const late = await record(fixture.alice, { theme: 'logement' });
    await record(fixture.alice, {}, YESTERDAY);
    await record(fixture.bruno);
    expect((await myEntries(fixture.db, fixture.alice, LATER)).map((entry) => entry.id)).toEqual([
      late.id,
      early.id,
    ]);
    expect(await myEntries(fixture.db, { compteId: null, identifiant: 'système' }, LATER)).toEqual([]);
  });

  it('cancels an own entry of today with its fiches; its searches stay, unlinked', async () => {
    fixture = await journalFixture();
    const search = (await recordSearch(fixture.db, { q: 'passeport', resultats: 2 }, NOW)).id;
    const entry = await record(fixture.alice, { fiches: ['passeport', 'cni'], rechercheIds: [search] });
    const kept = await record(fixture.alice, { fiches: ['acte'] });
    expect(await cancelEntry(fixture.db, fixture.alice, entry.id, LATER)).toEqual({ id: entry.id });
    expect((await fixture.db.all<{ id: number }>(sql`SELECT id FROM journal`)).map((row) => row.id)).toEqual([
      kept.id,
    ]);
    expect(await fixture.db.all(sql`SELECT entree_id, fiche_id FROM journal_fiches`)).toEqual([
      { entree_id: kept.id, fiche_id: 'acte' },
    ]);
    expect(await fixture.db.value(sql`SELECT entree_id FROM recherches WHERE id = ${search}`)).toBeNull();
    await expect(cancelEntry(fixture.db, fixture.alice, entry.id, LATER)).rejects.toThrow(NotFoundError);
  });

  it('forbids cancelling a colleague’s entry or yesterday’s, and leaves them', async () => {
    fixture = await journalFixture();
    const colleagues = await record(fixture.bruno);
    const yesterdays = await record(fixture.alice, {}, YESTERDAY);
    await expect(cancelEntry(fixture.db, fixture.alice, colleagues.id, LATER)).rejects.toThrow(
      ForbiddenError,
    );
    await expect(cancelEntry(fixture.db, fixture.alice, colleagues.id, LATER)).rejects.toThrow(
      /que vous avez enregistrés/,
    );
    await expect(cancelEntry(fixture.db, fixture.alice, yesterdays.id, LATER)).rejects.toThrow(
      /Seuls les contacts du jour/,
    );
    expect(await fixture.db.value(sql`SELECT count(*) FROM journal`)).toBe(2);
  });

  it('corrects the outcome, keeping the fiches, the time, the duration and (when none is given) the thème', async () => {
    fixture = await journalFixture();
    const entry = await record(fixture.alice, {
      fiches: ['passeport'],
      debut: new Date(NOW.getTime() - 60_000).toISOString(),
    });
    const corrected = await updateEntry(
      fixture.db,
      fixture.refs,
      fixture.alice,
      { id: entry.id, issue: 'oriente_fiche', canal: 'telephone', serviceId: 'mairie' },
      LATER,
    );
    expect(corrected).toEqual({ ...entry, issue: 'oriente_fiche', canal: 'telephone', serviceId: 'mairie' });
    const unresolved = await updateEntry(
      fixture.db,
      fixture.refs,
      fixture.alice,
      { id: entry.id, issue: 'non_resolu', canal: 'telephone', motif: 'fiche_incomplete', theme: 'logement' },
      LATER,
    );
    expect(unresolved).toMatchObject({
      issue: 'non_resolu',
      motif: 'fiche_incomplete',
      serviceId: null,
      theme: 'logement',
    });
  });

  it('applies the same rules to a correction, and changes nothing when refused', async () => {
    fixture = await journalFixture();
    const entry = await record(fixture.alice, { fiches: ['passeport'] });
    const update = (input: Partial<Parameters<typeof updateEntry>[3]>) =>
      updateEntry(
        fixture.db,
        fixture.refs,
        fixture.alice,
        { id: entry.id, issue: 'repondu', canal: 'telephone', ...input },
        LATER,
      );
    await expect(update({ issue: 'non_resolu' })).rejects.toThrow(RefusedError);
    await expect(update({ issue: 'oriente_fiche', serviceId: 'dechets-service' })).rejects.toThrow(
      /pas celui d’une fiche/,
    );
    await expect(update({ theme: 'astronomie' })).rejects.toThrow(/thème « astronomie »/);
    await expect(update({ id: 424242 })).rejects.toThrow(NotFoundError);
    expect(await fixture.db.one(sql`SELECT issue, canal FROM journal`)).toEqual({
      issue: 'repondu',
      canal: 'accueil_physique',
    });
  });

  it('forbids correcting a colleague’s entry or yesterday’s', async () => {
    fixture = await journalFixture();
    const colleagues = await record(fixture.bruno);
    const yesterdays = await record(fixture.alice, {}, YESTERDAY);
    for (const [id, message] of [
      [colleagues.id, /que vous avez enregistrés/],
      [yesterdays.id, /Seuls les contacts du jour/],
    ] as const) {
      await expect(
        updateEntry(
          fixture.db,
          fixture.refs,
          fixture.alice,
          { id, issue: 'transmis', canal: 'courriel' },
          LATER,
        ),
      ).rejects.toThrow(message);
    }
    expect(await fixture.db.value(sql`SELECT count(*) FROM journal WHERE issue = 'transmis'`)).toBe(0);
  });
});
