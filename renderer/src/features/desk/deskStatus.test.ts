import { describe, expect, it } from 'vitest';
import type { DeskRelie } from '../../../../common/desk/methods';
import { modeLabel, syncLabel } from './deskStatus';

const relie: DeskRelie = {
  mode: 'relie',
  serveur: 'https://infocite.ville.fr/',
  inscrit: true,
  poste: { id: 1, nom: 'Accueil 1' },
  point: { id: 2, nom: 'Mairie annexe Nord' },
  enLigne: true,
  enAttente: 0,
  dernierEnvoi: null,
};

describe('the desk’s status line', () => {
  it('says « à jour », what waits, and « hors ligne »', () => {
    expect(syncLabel(relie)).toBe('à jour');
    expect(syncLabel({ ...relie, enAttente: 1 })).toBe('1 contact en attente');
    expect(syncLabel({ ...relie, enLigne: false, enAttente: 12 })).toBe(
      'hors ligne — 12 contacts en attente',
    );
    expect(syncLabel({ ...relie, enLigne: false })).toBe('hors ligne');
    expect(syncLabel({ mode: 'autonome' })).toBeNull();
  });

  it('names the mode in Réglages', () => {
    expect(modeLabel({ mode: 'autonome' })).toBe('Poste autonome');
    expect(modeLabel({ mode: 'serveur' })).toMatch(/^Serveur de la ville/);
    expect(modeLabel(relie)).toBe(
      'Poste relié à https://infocite.ville.fr/ (poste Accueil 1, point Mairie annexe Nord)',
    );
    expect(modeLabel({ ...relie, inscrit: false, poste: null, point: null })).toBe(
      'Poste relié à https://infocite.ville.fr/ (non inscrit)',
    );
  });
});
