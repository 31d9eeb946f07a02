import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../audit/record';
import { ForbiddenError, NotFoundError, RefusedError } from '../errors';
import { cancelEntry, myEntries, updateEntry } from './corrections';
import type { RecordInput } from './record';
import { recordEntry } from './record';
import { recordSearch } from './searches';
import type { JournalFixture } from '../../../dev/test-support/journal';
import { journalFixture, NOW } from '../../../dev/test-support/journal';

const YESTERDAY = new Date('2026-11-22T14:00:00Z');
const LATER = new Date('2026-11-23T16:00:00Z');

let fixture: JournalFixture;
afterEach(() => fixture?.store.close());

function record(actor: Actor, input: Partial<RecordInput> = {}, now = NOW) {
  return recordEntry(fixture.db, fixture.refs, actor, { issue: 'repondu', fiches: [], ...input }, now);
}

describe('an agent’s own entries of the day', () => {
  it('lists the agent’s entries of today only, the latest first', () => {
    fixture = journalFixture();
    const early = record(fixture.alice, {}, new Date('2026-11-23T08:00:00Z'));
    const late = record(fixture.alice, { theme: 'logement' });
    record(fixture.alice, {}, YESTERDAY);
    record(fixture.bruno);
    expect(myEntries(fixture.db, fixture.alice, LATER).map((entry) => entry.id)).toEqual([late.id, early.id]);
    expect(myEntries(fixture.db, { compteId: null, identifiant: 'système' }, LATER)).toEqual([]);
  });

  it('cancels an own entry of today with its fiches; its searches stay, unlinked', () => {
    fixture = journalFixture();
    const search = recordSearch(fixture.db, { q: 'passeport', resultats: 2 }, NOW).id;
    const entry = record(fixture.alice, { fiches: ['passeport', 'cni'], rechercheIds: [search] });
    const kept = record(fixture.alice, { fiches: ['acte'] });
    expect(cancelEntry(fixture.db, fixture.alice, entry.id, LATER)).toEqual({ id: entry.id });
    expect(fixture.db.prepare('SELECT id FROM journal').pluck().all()).toEqual([kept.id]);
    expect(fixture.db.prepare('SELECT entree_id, fiche_id FROM journal_fiches').all()).toEqual([
      { entree_id: kept.id, fiche_id: 'acte' },
    ]);
    expect(
      fixture.db.prepare('SELECT entree_id FROM recherches WHERE id = ?').pluck().get(search),
    ).toBeNull();
    expect(() => cancelEntry(fixture.db, fixture.alice, entry.id, LATER)).toThrow(NotFoundError);
  });

  it('forbids cancelling a colleague’s entry or yesterday’s, and leaves them', () => {
    fixture = journalFixture();
    const colleagues = record(fixture.bruno);
    const yesterdays = record(fixture.alice, {}, YESTERDAY);
    expect(() => cancelEntry(fixture.db, fixture.alice, colleagues.id, LATER)).toThrow(ForbiddenError);
    expect(() => cancelEntry(fixture.db, fixture.alice, colleagues.id, LATER)).toThrow(
      /que vous avez enregistrés/,
    );
    expect(() => cancelEntry(fixture.db, fixture.alice, yesterdays.id, LATER)).toThrow(
      /Seuls les contacts du jour/,
    );
    expect(fixture.db.prepare('SELECT count(*) FROM journal').pluck().get()).toBe(2);
  });

  it('corrects the outcome, keeping the fiches, the time, the duration and (when none is given) the thème', () => {
    fixture = journalFixture();
    const entry = record(fixture.alice, {
      fiches: ['passeport'],
      debut: new Date(NOW.getTime() - 60_000).toISOString(),
    });
    const corrected = updateEntry(
      fixture.db,
      fixture.refs,
      fixture.alice,
      { id: entry.id, issue: 'oriente_fiche', canal: 'telephone', serviceId: 'mairie' },
      LATER,
    );
    expect(corrected).toEqual({ ...entry, issue: 'oriente_fiche', canal: 'telephone', serviceId: 'mairie' });
    const unresolved = updateEntry(
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

  it('applies the same rules to a correction, and changes nothing when refused', () => {
    fixture = journalFixture();
    const entry = record(fixture.alice, { fiches: ['passeport'] });
    const update = (input: Partial<Parameters<typeof updateEntry>[3]>) => () =>
      updateEntry(
        fixture.db,
        fixture.refs,
        fixture.alice,
        { id: entry.id, issue: 'repondu', canal: 'telephone', ...input },
        LATER,
      );
    expect(update({ issue: 'non_resolu' })).toThrow(RefusedError);
    expect(update({ issue: 'oriente_fiche', serviceId: 'dechets-service' })).toThrow(/pas celui d’une fiche/);
    expect(update({ theme: 'astronomie' })).toThrow(/thème « astronomie »/);
    expect(update({ id: 424242 })).toThrow(NotFoundError);
    expect(fixture.db.prepare('SELECT issue, canal FROM journal').get()).toEqual({
      issue: 'repondu',
      canal: 'accueil_physique',
    });
  });

  it('forbids correcting a colleague’s entry or yesterday’s', () => {
    fixture = journalFixture();
    const colleagues = record(fixture.bruno);
    const yesterdays = record(fixture.alice, {}, YESTERDAY);
    for (const [id, message] of [
      [colleagues.id, /que vous avez enregistrés/],
      [yesterdays.id, /Seuls les contacts du jour/],
    ] as const) {
      expect(() =>
        updateEntry(
          fixture.db,
          fixture.refs,
          fixture.alice,
          { id, issue: 'transmis', canal: 'courriel' },
          LATER,
        ),
      ).toThrow(message);
    }
    expect(fixture.db.prepare("SELECT count(*) FROM journal WHERE issue = 'transmis'").pluck().get()).toBe(0);
  });
});
