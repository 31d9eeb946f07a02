import { describe, expect, it } from 'vitest';
import { MAX_FICHES } from '../../../../common/journal/codes';
import type { ContactSession, FicheSeen } from './demande-state';
import {
  EMPTY_SESSION,
  isOpen,
  recordInput,
  sessionReducer,
  sessionTheme,
  shouldRecordSearch,
} from './demande-state';

const T1 = '2026-03-02T09:00:00.000Z';
const T2 = '2026-03-02T09:00:30.000Z';

const fiche = (id: string, theme: string | null, services: string[] = []): FicheSeen => ({
  id,
  titre: id,
  theme,
  services: services.map((service) => ({ id: service, nom: service.toUpperCase() })),
});

const run = (...actions: Parameters<typeof sessionReducer>[1][]): ContactSession =>
  actions.reduce(sessionReducer, EMPTY_SESSION);

describe('the contact session', () => {
  it('starts at the first keystroke and keeps that instant', () => {
    const session = run({ type: 'touch', at: T1 }, { type: 'touch', at: T2 });
    expect(isOpen(session)).toBe(true);
    expect(session.debut).toBe(T1);
    expect(isOpen(EMPTY_SESSION)).toBe(false);
  });

  it('starts when a fiche is opened, and collects each fiche once with the first one’s thème', () => {
    const session = run(
      { type: 'fiche', fiche: fiche('passeport', 'identite', ['mairie']), at: T1 },
      { type: 'fiche', fiche: fiche('pacs', 'etat-civil', ['etat-civil']), at: T2 },
      { type: 'fiche', fiche: fiche('passeport', 'identite', ['mairie']), at: T2 },
    );
    expect(session.debut).toBe(T1);
    expect(session.fiches).toEqual(['passeport', 'pacs']);
    expect(sessionTheme(session)).toBe('identite');
    // The last fiche opened is the one whose service the second key names.
    expect(session.lastFiche?.id).toBe('passeport');
  });

  it('prefers a thème facet chosen to the fiches’ thème', () => {
    const session = run(
      { type: 'fiche', fiche: fiche('passeport', 'identite'), at: T1 },
      { type: 'theme', theme: 'etat-civil', at: T2 },
    );
    expect(sessionTheme(session)).toBe('etat-civil');
  });

  it('keeps at most the core’s number of fiches', () => {
    const actions = Array.from({ length: MAX_FICHES + 5 }, (_, index) => ({
      type: 'fiche' as const,
      fiche: fiche(`f${index}`, null),
      at: T1,
    }));
    const session = run(...actions);
    expect(session.fiches).toHaveLength(MAX_FICHES);
    expect(session.fiches[0]).toBe('f0');
  });

  it('records each settled query once per contact, and none outside a contact', () => {
    expect(shouldRecordSearch(EMPTY_SESSION, 'passeport')).toBe(false);
    const open = run({ type: 'touch', at: T1 });
    expect(shouldRecordSearch(open, 'passeport')).toBe(true);
    expect(shouldRecordSearch(open, '   ')).toBe(false);
    const recorded = sessionReducer(open, { type: 'search-recorded', id: 7, requete: 'passeport' });
    expect(recorded.rechercheIds).toEqual([7]);
    expect(shouldRecordSearch(recorded, '  Passeport ')).toBe(false);
  });

  it('drops a search answered after its contact was logged', () => {
    const after = sessionReducer(EMPTY_SESSION, { type: 'search-recorded', id: 9, requete: 'x' });
    expect(after).toBe(EMPTY_SESSION);
  });

  it('forgets everything on reset, and comes back whole on restore (« Annuler »)', () => {
    const session = run(
      { type: 'touch', at: T1 },
      { type: 'canal', canal: 'telephone' },
      { type: 'fiche', fiche: fiche('passeport', 'identite'), at: T2 },
    );
    expect(sessionReducer(session, { type: 'reset' })).toEqual(EMPTY_SESSION);
    expect(sessionReducer(EMPTY_SESSION, { type: 'restore', session })).toBe(session);
  });
});

describe('recordInput', () => {
  it('builds journal.record from the session: fiches, start, searches, thème and channel', () => {
    const session = run(
      { type: 'touch', at: T1 },
      { type: 'fiche', fiche: fiche('passeport', 'identite', ['mairie']), at: T2 },
      { type: 'search-recorded', id: 3, requete: 'passeport' },
      { type: 'canal', canal: 'telephone' },
    );
    expect(recordInput(session, { issue: 'oriente_fiche', serviceId: 'mairie' })).toEqual({
      issue: 'oriente_fiche',
      canal: 'telephone',
      serviceId: 'mairie',
      theme: 'identite',
      fiches: ['passeport'],
      debut: T1,
      rechercheIds: [3],
    });
  });

  it('leaves the channel to the core when none was chosen, and takes the quick button’s thème', () => {
    expect(recordInput(EMPTY_SESSION, { issue: 'repondu', theme: 'elections' })).toEqual({
      issue: 'repondu',
      theme: 'elections',
      fiches: [],
    });
    expect(recordInput(EMPTY_SESSION, { issue: 'non_resolu', motif: 'autre' })).toEqual({
      issue: 'non_resolu',
      motif: 'autre',
      fiches: [],
    });
  });
});
