import { describe, expect, it } from 'vitest';
import { MAX_FICHES } from '../../../../common/journal/codes';
import type { Demande, FicheSeen } from './demande-state';
import {
  EMPTY_DEMANDE,
  isCompleteQuery,
  isOpen,
  recordInput,
  demandeReducer,
  demandeTheme,
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

const run = (...actions: Parameters<typeof demandeReducer>[1][]): Demande =>
  actions.reduce(demandeReducer, EMPTY_DEMANDE);

describe('the demande', () => {
  it('starts at the first keystroke and keeps that instant', () => {
    const demande = run({ type: 'touch', at: T1 }, { type: 'touch', at: T2 });
    expect(isOpen(demande)).toBe(true);
    expect(demande.debut).toBe(T1);
    expect(isOpen(EMPTY_DEMANDE)).toBe(false);
  });

  it('starts when a fiche is opened, and collects each fiche once with the first one’s thème', () => {
    const demande = run(
      { type: 'fiche', fiche: fiche('passeport', 'identite', ['mairie']), at: T1 },
      { type: 'fiche', fiche: fiche('pacs', 'etat-civil', ['etat-civil']), at: T2 },
      { type: 'fiche', fiche: fiche('passeport', 'identite', ['mairie']), at: T2 },
    );
    expect(demande.debut).toBe(T1);
    expect(demande.fiches).toEqual(['passeport', 'pacs']);
    expect(demandeTheme(demande)).toBe('identite');
    // The last fiche opened is the one whose service the second key names.
    expect(demande.lastFiche?.id).toBe('passeport');
  });

  it('prefers a thème facet chosen to the fiches’ thème', () => {
    const demande = run(
      { type: 'fiche', fiche: fiche('passeport', 'identite'), at: T1 },
      { type: 'theme', theme: 'etat-civil', at: T2 },
    );
    expect(demandeTheme(demande)).toBe('etat-civil');
  });

  it('keeps at most the core’s number of fiches', () => {
    const actions = Array.from({ length: MAX_FICHES + 5 }, (_, index) => ({
      type: 'fiche' as const,
      fiche: fiche(`f${index}`, null),
      at: T1,
    }));
    const demande = run(...actions);
    expect(demande.fiches).toHaveLength(MAX_FICHES);
    expect(demande.fiches[0]).toBe('f0');
  });

  it('records each settled query once per contact, and none outside a contact', () => {
    expect(shouldRecordSearch(EMPTY_DEMANDE, 'passeport')).toBe(false);
    const open = run({ type: 'touch', at: T1 });
    expect(shouldRecordSearch(open, 'passeport')).toBe(true);
    expect(shouldRecordSearch(open, '   ')).toBe(false);
    const recorded = demandeReducer(open, { type: 'search-recorded', id: 7, requete: 'passeport' });
    expect(recorded.rechercheIds).toEqual([7]);
    expect(shouldRecordSearch(recorded, '  Passeport ')).toBe(false);
  });

  it('drops a search answered after its contact was logged', () => {
    const after = demandeReducer(EMPTY_DEMANDE, { type: 'search-recorded', id: 9, requete: 'x' });
    expect(after).toBe(EMPTY_DEMANDE);
  });

  it('forgets everything on reset, and comes back whole on restore (« Annuler »)', () => {
    const demande = run(
      { type: 'touch', at: T1 },
      { type: 'canal', canal: 'telephone' },
      { type: 'fiche', fiche: fiche('passeport', 'identite'), at: T2 },
    );
    expect(demandeReducer(demande, { type: 'reset' })).toEqual(EMPTY_DEMANDE);
    expect(demandeReducer(EMPTY_DEMANDE, { type: 'restore', demande })).toBe(demande);
  });
});

describe('recordInput', () => {
  it('builds journal.record from the demande: fiches, start, searches, thème and channel', () => {
    const demande = run(
      { type: 'touch', at: T1 },
      { type: 'fiche', fiche: fiche('passeport', 'identite', ['mairie']), at: T2 },
      { type: 'search-recorded', id: 3, requete: 'passeport' },
      { type: 'canal', canal: 'telephone' },
    );
    expect(recordInput(demande, { issue: 'oriente_fiche', serviceId: 'mairie' })).toEqual({
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
    expect(recordInput(EMPTY_DEMANDE, { issue: 'repondu', theme: 'elections' })).toEqual({
      issue: 'repondu',
      theme: 'elections',
      fiches: [],
    });
    expect(recordInput(EMPTY_DEMANDE, { issue: 'non_resolu', motif: 'autre' })).toEqual({
      issue: 'non_resolu',
      motif: 'autre',
      fiches: [],
    });
  });
});

describe('which queries settle on a pause alone', () => {
  it('refuses typing still in progress', () => {
    for (const q of ['bonjour, je', 'ca', 'carte d', 'bonjour,', 'acte de', '  pa  '])
      expect(isCompleteQuery(q), q).toBe(false);
  });

  it('accepts a complete word or question', () => {
    for (const q of ['passeport', 'carte grise', "carte d'identité", 'bonjour je voudrais un passeport'])
      expect(isCompleteQuery(q), q).toBe(true);
  });
});
