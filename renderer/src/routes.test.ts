import { describe, expect, it } from 'vitest';
import type { Role } from '../../common/roles';
import type { Route } from './router';
import { formatRoute, parseHash } from './router';
import type { RouteName } from './routes';
import { MENU_GROUPS, ROUTES, mayOpen, menuFor, sectionOf, titleOf } from './routes';
import { groupMenu } from './ui/Header';

const names = Object.keys(ROUTES) as RouteName[];

/** Each menu group's entries, in order (href, test id, label). */
const ACCUEIL = [
  ['#/', 'nav-search', 'Recherche'],
  ['#/annuaire', 'nav-annuaire', 'Annuaire'],
];
const FLASH = [['#/flash', 'nav-flash', 'Flash info']];
const MES_CONTACTS = [['#/mes-contacts', 'nav-mesContacts', 'Mes contacts du jour']];
const REDACTION = [
  ['#/redaction', 'nav-redaction', 'Rédaction'],
  ['#/a-revoir', 'nav-revision', 'À revoir'],
  ['#/manques', 'nav-manques', 'Non trouvé'],
  ['#/vocabulaire', 'nav-vocabulaire', 'Synonymes et thèmes'],
  ['#/import', 'nav-import', 'Import national'],
  ['#/problemes', 'nav-problemes', 'Problèmes de contenu'],
];
const LABEL_REGISTRIES = [
  ['#/points', 'nav-points', "Points d'accueil"],
  ['#/agents', 'nav-agents', 'Agents'],
  ['#/formations', 'nav-formations', 'Formations'],
  ['#/a-traiter', 'nav-aTraiter', 'À traiter'],
];
const REGISTRE = [['#/registre', 'nav-registre', 'Registre du label']];
const PILOTAGE = [
  ['#/tableau', 'nav-tableau', 'Tableau de bord'],
  ['#/bilan', 'nav-bilan', 'Bilan annuel'],
];
const ADMINISTRATION = [
  ['#/comptes', 'nav-comptes', 'Comptes'],
  ['#/audit', 'nav-audit', "Journal d'audit"],
  ['#/reglages', 'nav-reglages', 'Réglages'],
];

function menuOf(roles: Role[]): string[][] {
  return menuFor(roles).map((entry) => [entry.href, `nav-${entry.section}`, entry.label]);
}

describe('the route table', () => {
  it('gives every route a title and an access', () => {
    expect(names).toHaveLength(36);
    for (const name of names) {
      expect(ROUTES[name].title, name).not.toBe('');
      const access = ROUTES[name].access;
      // A list of roles: any one of them opens the page (flash info, for editors and label managers).
      for (const one of typeof access === 'string' ? [access] : access)
        expect(['public', 'connecte', 'agent', 'redacteur', 'gestionnaire', 'administrateur']).toContain(one);
    }
    expect(titleOf({ name: 'fiche', id: 'pacs' })).toBe("Fiche – Info'Cité");
    expect(titleOf({ name: 'notFound', hash: '#/x' })).toBe("Page introuvable – Info'Cité");
  });

  it('lights a section that has a menu entry, open to whoever may open the page', () => {
    for (const name of names) {
      const section = ROUTES[name].section;
      if (section === null) continue;
      expect(ROUTES[section].menu, `${name} → ${section}`).toBeDefined();
      // Everyone who may open the page may open its section's list (labelReglages is the gestionnaire's).
      expect(['connecte', ROUTES[name].access]).toContain(ROUTES[section].access);
    }
    expect(sectionOf(parseHash('#/points/3/modifier'))).toBe('points');
    expect(sectionOf(parseHash('#/label/reglages'))).toBe('points');
    expect(sectionOf(parseHash('#/redaction/fiche/pacs'))).toBe('redaction');
    expect(sectionOf(parseHash('#/comptes/nouveau'))).toBe('comptes');
    expect(sectionOf(parseHash('#/fiche/pacs'))).toBe('search');
    expect(sectionOf(parseHash('#/nulle-part'))).toBeNull();
  });

  it('opens each menu entry on its own page', () => {
    for (const name of names) {
      const menu = ROUTES[name].menu;
      if (!menu) continue;
      expect(menu.route.name).toBe(name);
      expect(ROUTES[name].section).toBe(name);
      expect(parseHash(formatRoute(menu.route))).toEqual(menu.route);
    }
  });

  it('lists for each role the entries it uses, group after group', () => {
    expect(menuOf(['agent'])).toEqual([...ACCUEIL, ...MES_CONTACTS, ...REGISTRE]);
    expect(menuOf(['redacteur'])).toEqual([...ACCUEIL, ...FLASH, ...REDACTION, ...REGISTRE]);
    expect(menuOf(['gestionnaire'])).toEqual([
      ...ACCUEIL,
      ...FLASH,
      ...LABEL_REGISTRIES,
      ...REGISTRE,
      ...PILOTAGE,
    ]);
    expect(menuOf(['agent', 'redacteur'])).toEqual([
      ...ACCUEIL,
      ...FLASH,
      ...MES_CONTACTS,
      ...REDACTION,
      ...REGISTRE,
    ]);
    expect(menuOf(['administrateur'])).toEqual([
      ...ACCUEIL,
      ...FLASH,
      ...MES_CONTACTS,
      ...REDACTION,
      ...LABEL_REGISTRIES,
      ...REGISTRE,
      ...PILOTAGE,
      ...ADMINISTRATION,
    ]);
    expect(menuFor(null)).toEqual([]);
  });

  it('puts each entry in its group, the groups in the menu’s order', () => {
    const groups = groupMenu(menuFor(['administrateur'])).map((group) => [
      group.label,
      group.entries.map((entry) => entry.section),
    ]);
    expect(groups).toEqual([
      ['Accueil', ['search', 'annuaire', 'flash', 'mesContacts']],
      ['Rédaction', ['redaction', 'revision', 'manques', 'vocabulaire', 'import', 'problemes']],
      ['Label', ['points', 'agents', 'formations', 'aTraiter', 'registre']],
      ['Pilotage', ['tableau', 'bilan']],
      ['Administration', ['comptes', 'audit', 'reglages']],
    ]);
    expect(Object.values(MENU_GROUPS)).toEqual(groups.map(([label]) => label));
  });

  it('keeps each page to its role', () => {
    const comptes: Route = { name: 'comptes' };
    expect(mayOpen(['agent'], comptes)).toBe(false);
    expect(mayOpen(['administrateur'], comptes)).toBe(true);
    expect(mayOpen(['agent'], { name: 'mesContacts' })).toBe(true);
    expect(mayOpen(['redacteur'], { name: 'mesContacts' })).toBe(false);
    expect(mayOpen(['redacteur'], { name: 'editeur', kind: 'fiche', id: null, params: {} })).toBe(true);
    expect(mayOpen(['agent'], { name: 'registre' })).toBe(true);
    // The content problems are the rédaction's work, not the desk's.
    expect(mayOpen(['agent'], { name: 'problemes' })).toBe(false);
    expect(mayOpen(['redacteur'], { name: 'problemes' })).toBe(true);
    expect(mayOpen(['gestionnaire'], { name: 'labelReglages' })).toBe(true);
    // Flash info: written by editors and label managers, not by the desk's agents.
    expect(mayOpen(['redacteur'], { name: 'flashForm', id: null })).toBe(true);
    expect(mayOpen(['gestionnaire'], { name: 'flash' })).toBe(true);
    expect(mayOpen(['agent'], { name: 'flashArchives' })).toBe(false);
  });
});
