import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/roles';
import type { Actor } from '../audit/record';
import { RefusedError } from '../errors';
import { INSTALLATION_POINT_KEY } from '../points/installation-point';
import { writeSetting } from '../store/settings';
import { Store } from '../store/store';
import {
  agentOptions,
  getCompte,
  insertCompte,
  listComptes,
  unlockCompte,
  updateCompte,
  writePassword,
  writePin,
} from './comptes';

const NOW = new Date('2026-11-23T09:00:00Z');
const ADMIN: Actor = { compteId: 1, identifiant: 'admin' };

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'comptes-'));
  store = new Store(dir);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const create = (identifiant: string, roles: Role[], extra: { agentId?: number; pinHash?: string } = {}) =>
  insertCompte(
    store.db,
    ADMIN,
    { identifiant, nom: `Nom ${identifiant}`, roles, motDePasseHash: 'scrypt$hash-de-test', ...extra },
    NOW,
  );

const auditRows = () =>
  store.db
    .prepare('SELECT auteur, action, objet, objet_id, avant, apres FROM audit ORDER BY id')
    .all() as Array<Record<string, string | null>>;

describe('the accounts register', () => {
  it('creates an account with its roles in order, audited without its secrets', () => {
    const id = create('bea', ['redacteur', 'agent'], { pinHash: 'scrypt$pin-de-test' });
    expect(getCompte(store.db, id)).toMatchObject({
      identifiant: 'bea',
      roles: ['agent', 'redacteur'],
      actif: true,
      hasPin: true,
      agent: null,
      derniereConnexion: null,
    });
    const [row] = auditRows();
    expect(row).toMatchObject({ auteur: 'admin', action: 'creation', objet: 'compte', objet_id: String(id) });
    expect(JSON.parse(row?.apres ?? '')).toEqual({
      identifiant: 'bea',
      nom: 'Nom bea',
      roles: ['agent', 'redacteur'],
      agentId: null,
      actif: true,
      motDePasse: '(modifié)',
      pin: '(modifié)',
    });
    expect(JSON.stringify(auditRows())).not.toContain('scrypt');
  });

  it('refuses an account without a role, and an unknown person, leaving no row and no audit', () => {
    expect(() => create('sans', [])).toThrow(RefusedError);
    expect(() => create('fantome', ['agent'], { agentId: 999 })).toThrow(/n'existe pas/);
    expect(listComptes(store.db)).toEqual([]);
    expect(auditRows()).toEqual([]);
  });

  it('a duplicate identifiant (whatever its case) fails as a unique violation', () => {
    create('bea', ['agent']);
    expect(() => create('BEA', ['agent'])).toThrow(
      expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' }),
    );
    expect(auditRows()).toHaveLength(1);
  });

  it('links an account to a person of the agents register', () => {
    const agentId = Number(
      store.db
        .prepare(
          "INSERT INTO agents (nom, prenom, service, cree_le) VALUES ('Durand', 'Léa', 'État civil', ?)",
        )
        .run(NOW.toISOString()).lastInsertRowid,
    );
    expect(agentOptions(store.db)).toEqual([
      { id: agentId, prenom: 'Léa', nom: 'Durand', service: 'État civil', compteId: null },
    ]);
    const id = create('lea', ['agent'], { agentId });
    expect(getCompte(store.db, id).agent).toEqual({ id: agentId, nom: 'Léa Durand' });
    expect(agentOptions(store.db)[0]?.compteId).toBe(id);
  });

  it('offers only the agents assigned today to the installation’s point once it is bound to one', () => {
    const point = (code: string) =>
      Number(
        store.db
          .prepare(
            "INSERT INTO points (code, nom, entite, type, cree_le) VALUES (?, ?, 'ville', 'physique', ?)",
          )
          .run(code, `Accueil ${code}`, NOW.toISOString()).lastInsertRowid,
      );
    const person = (nom: string, pointId: number, debut: string, fin: string | null = null) => {
      const id = Number(
        store.db
          .prepare("INSERT INTO agents (nom, prenom, cree_le) VALUES (?, 'Test', ?)")
          .run(nom, NOW.toISOString()).lastInsertRowid,
      );
      store.db
        .prepare('INSERT INTO affectations (agent_id, point_id, debut, fin) VALUES (?, ?, ?, ?)')
        .run(id, pointId, debut, fin);
      return id;
    };
    const here = point('ici');
    const there = point('ailleurs');
    const ici = person('Ici', here, '2025-01-01');
    person('Ailleurs', there, '2025-01-01');
    person('Partie', here, '2025-01-01', '2026-11-22');
    person('Future', here, '2026-12-01');
    const names = () => agentOptions(store.db, NOW).map((agent) => agent.nom);

    // Unbound, the whole register.
    expect(names()).toEqual(['Ailleurs', 'Future', 'Ici', 'Partie']);
    store.db.legacyTransaction(() => writeSetting(store.db, INSTALLATION_POINT_KEY, here))();
    expect(agentOptions(store.db, NOW)).toEqual([
      { id: ici, prenom: 'Test', nom: 'Ici', service: '', compteId: null },
    ]);
  });

  it('audits a change with before and after, and says when sessions must close', () => {
    const id = create('bea', ['agent']);
    const base = { id, nom: 'Béatrice', roles: ['agent'] as Role[], agentId: null, actif: true };
    expect(updateCompte(store.db, ADMIN, base, NOW)).toEqual({ closeSessions: false });
    expect(updateCompte(store.db, ADMIN, { ...base, roles: ['agent', 'redacteur'] }, NOW)).toEqual({
      closeSessions: true,
    });
    expect(
      updateCompte(store.db, ADMIN, { ...base, roles: ['redacteur', 'agent'], actif: false }, NOW),
    ).toEqual({
      closeSessions: true,
    });
    const last = auditRows().at(-1);
    expect(JSON.parse(last?.avant ?? '')).toMatchObject({ actif: true, roles: ['agent', 'redacteur'] });
    expect(JSON.parse(last?.apres ?? '')).toMatchObject({ actif: false, nom: 'Béatrice' });
  });

  it('never removes or deactivates the last active administrator', () => {
    const first = create('admin', ['administrateur']);
    const keep = { id: first, nom: 'Admin', roles: ['administrateur'] as Role[], agentId: null, actif: true };
    expect(() => updateCompte(store.db, ADMIN, { ...keep, roles: ['agent'] }, NOW)).toThrow(
      /dernier compte administrateur actif/,
    );
    expect(() => updateCompte(store.db, ADMIN, { ...keep, actif: false }, NOW)).toThrow(RefusedError);
    expect(getCompte(store.db, first)).toMatchObject({ roles: ['administrateur'], actif: true });

    // An inactive second administrator does not count; an active one does.
    const second = create('admin2', ['administrateur']);
    const other = { ...keep, id: second, nom: 'Admin 2' };
    updateCompte(store.db, ADMIN, { ...other, actif: false }, NOW);
    expect(() => updateCompte(store.db, ADMIN, { ...keep, actif: false }, NOW)).toThrow(RefusedError);
    updateCompte(store.db, ADMIN, other, NOW);
    updateCompte(store.db, ADMIN, { ...keep, roles: ['agent'] }, NOW);
    expect(getCompte(store.db, first).roles).toEqual(['agent']);
  });

  it('writes passwords and PINs as « (modifié) » in the trail, and unlocks', () => {
    const id = create('bea', ['agent']);
    store.db
      .prepare("UPDATE comptes SET echecs = 6, verrouille_jusqu = '2026-11-23T10:00:00.000Z' WHERE id = ?")
      .run(id);
    unlockCompte(store.db, ADMIN, id, NOW);
    expect(getCompte(store.db, id)).toMatchObject({ echecs: 0, verrouilleJusqu: null });
    writePassword(store.db, ADMIN, id, 'scrypt$nouveau', NOW);
    writePin(store.db, ADMIN, id, 'scrypt$pin', NOW);
    writePin(store.db, ADMIN, id, null, NOW);
    expect(getCompte(store.db, id).hasPin).toBe(false);
    const rows = auditRows().slice(1);
    expect(rows.map((row) => row.action)).toEqual(['deverrouillage', 'mot_de_passe', 'pin', 'retrait_pin']);
    expect(rows.map((row) => [row.avant, row.apres])).toEqual([
      ['{"echecs":6,"verrouilleJusqu":"2026-11-23T10:00:00.000Z"}', '{"echecs":0,"verrouilleJusqu":null}'],
      ['{"motDePasse":"(modifié)"}', '{"motDePasse":"(modifié)"}'],
      ['{"pin":null}', '{"pin":"(modifié)"}'],
      ['{"pin":"(modifié)"}', '{"pin":null}'],
    ]);
  });

  it('answers « not found » in French for an unknown account', () => {
    expect(() => getCompte(store.db, 42)).toThrow("Le compte n° 42 n'existe pas.");
    expect(() => unlockCompte(store.db, ADMIN, 42, NOW)).toThrow(/n'existe pas/);
    expect(auditRows()).toEqual([]);
  });
});
