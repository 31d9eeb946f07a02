// Flash info in the core: who sees an announcement (its points, its days), read confirmations counted among
// the agents expected to read it, the archive, the fiche links checked, every change audited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlashFields } from '../../../common/flash/methods';
import { auditRows, assign, freshDb, insertAgent, insertPoint } from '../../../dev/test-support/registres';
import type { Store } from '../store/store';
import { sql, type Db } from '../store/db';
import { objectName } from '../../../common/audit/format';
import { listAudit } from '../audit/query';
import { NotFoundError, RefusedError } from '../errors';
import type { FlashContext, Reader } from './flash';
import { confirmFlash, createFlash, currentFlash, etatOn, getFlash, listFlash, updateFlash } from './flash';

const FICHES: Record<string, { titre: string }> = {
  passeport: { titre: 'Passeport : première demande' },
  cni: { titre: 'Carte d’identité perdue' },
};
const fiches = (id: string) => FICHES[id];
const render = (markdown: string) => `<p>${markdown}</p>`;
const NOW = new Date('2026-11-23T09:00:00Z');
const TODAY = '2026-11-23';
const context: FlashContext = { fiches, render, now: NOW, today: TODAY };

let store: Store;
let db: Db;
let nord: number;
let sud: number;
let auteur: { compteId: number; identifiant: string; nom: string };

/** An account holding `roles`, linked to an agent assigned to `pointId` from 1 November (when given). */
async function compte(nom: string, roles: string[], pointId?: number): Promise<number> {
  const agentId = pointId === undefined ? null : await insertAgent(db, { nom });
  if (agentId !== null && pointId !== undefined) await assign(db, agentId, pointId, '2026-11-01');
  const id = Number(
    await db.value<number>(
      sql`INSERT INTO comptes (identifiant, nom, mot_de_passe, cree_le, agent_id)
          VALUES (${nom.toLowerCase()}, ${nom}, 'x', ${NOW.toISOString()}, ${agentId}) RETURNING id`,
    ),
  );
  for (const role of roles)
    await db.run(sql`INSERT INTO compte_roles (compte_id, role) VALUES (${id}, ${role})`);
  return id;
}

function fields(overrides: Partial<FlashFields> = {}): FlashFields {
  return {
    titre: 'Grève jeudi',
    texte: 'La mairie annexe **ferme** à midi.',
    debut: '2026-11-20',
    fin: '2026-11-27',
    tousPoints: false,
    pointIds: [nord],
    ficheIds: [],
    ...overrides,
  };
}

function readerAt(compteId: number, pointId: number | null, today = TODAY): Reader {
  return { compteId, pointId, today };
}

beforeEach(async () => {
  ({ store, db } = await freshDb());
  nord = await insertPoint(db, { nom: 'Mairie annexe Nord' });
  sud = await insertPoint(db, { nom: 'Mairie annexe Sud' });
  auteur = {
    compteId: await compte('Rédactrice', ['redacteur']),
    identifiant: 'rédactrice',
    nom: 'Rédactrice',
  };
});

afterEach(async () => {
  await store.close();
});

describe('flash info', () => {
  it('shows an announcement at its points only, from its first to its last day', async () => {
    const lea = await compte('Léa', ['agent'], nord);
    const flash = await createFlash(db, auteur, fields(), context);
    expect(flash).toMatchObject({ etat: 'en_cours', tousPoints: false, points: [{ id: nord }] });
    expect(flash.html).toContain('<p>');

    expect((await currentFlash(db, fiches, render, readerAt(lea, nord))).map((f) => f.titre)).toEqual([
      'Grève jeudi',
    ]);
    expect(await currentFlash(db, fiches, render, readerAt(lea, sud))).toEqual([]);
    // No known point: only announcements for every point.
    expect(await currentFlash(db, fiches, render, readerAt(lea, null))).toEqual([]);
    // The first and the last day count; the days around do not.
    expect(await currentFlash(db, fiches, render, readerAt(lea, nord, '2026-11-20'))).toHaveLength(1);
    expect(await currentFlash(db, fiches, render, readerAt(lea, nord, '2026-11-27'))).toHaveLength(1);
    expect(await currentFlash(db, fiches, render, readerAt(lea, nord, '2026-11-19'))).toEqual([]);
    expect(await currentFlash(db, fiches, render, readerAt(lea, nord, '2026-11-28'))).toEqual([]);

    await createFlash(db, auteur, fields({ titre: 'Pour tous', tousPoints: true, pointIds: [] }), context);
    expect((await currentFlash(db, fiches, render, readerAt(lea, sud))).map((f) => f.titre)).toEqual([
      'Pour tous',
    ]);
    expect((await currentFlash(db, fiches, render, readerAt(lea, null))).map((f) => f.titre)).toEqual([
      'Pour tous',
    ]);
  });

  it('counts read confirmations among the agents of the concerned points', async () => {
    const lea = await compte('Léa', ['agent'], nord);
    const marc = await compte('Marc', ['agent'], nord);
    await compte('Sud', ['agent'], sud);
    const chef = await compte('Chef', ['gestionnaire']);
    const flash = await createFlash(db, auteur, fields(), context);
    expect(flash).toMatchObject({ lus: 0, attendus: 2 });

    const seen = await confirmFlash(db, fiches, render, readerAt(lea, nord), flash.id, NOW);
    expect(seen.lu).toBe(true);
    // Confirming twice changes nothing.
    await confirmFlash(db, fiches, render, readerAt(lea, nord), flash.id, new Date('2026-11-23T10:00:00Z'));
    // Someone not expected who reads it is listed too.
    await confirmFlash(db, fiches, render, readerAt(chef, nord), flash.id, NOW);

    const detail = await getFlash(db, fiches, render, flash.id, TODAY);
    expect(detail).toMatchObject({ lus: 2, attendus: 3 });
    expect(detail.lecteurs.map((l) => [l.nom, l.luLe])).toEqual([
      ['Chef', NOW.toISOString()],
      ['Léa', NOW.toISOString()],
      ['Marc', null],
    ]);
    expect((await listFlash(db, TODAY, false))[0]).toMatchObject({ id: flash.id, lus: 2, attendus: 3 });

    // Read ones come after the unread for the agent.
    await createFlash(db, auteur, fields({ titre: 'Nouvelle' }), context);
    expect((await currentFlash(db, fiches, render, readerAt(lea, nord))).map((f) => [f.titre, f.lu])).toEqual(
      [
        ['Nouvelle', false],
        ['Grève jeudi', true],
      ],
    );
    expect((await currentFlash(db, fiches, render, readerAt(marc, nord))).every((f) => !f.lu)).toBe(true);
  });

  it('refuses a confirmation for an announcement not shown at the reader’s point today', async () => {
    const lea = await compte('Léa', ['agent'], sud);
    const flash = await createFlash(db, auteur, fields(), context);
    await expect(confirmFlash(db, fiches, render, readerAt(lea, sud), flash.id, NOW)).rejects.toThrow(
      NotFoundError,
    );
    await expect(
      confirmFlash(db, fiches, render, readerAt(lea, nord, '2026-12-01'), flash.id, NOW),
    ).rejects.toThrow(NotFoundError);
  });

  it('archives announcements after their last day, and schedules future ones', async () => {
    await createFlash(
      db,
      auteur,
      fields({ titre: 'Passée', debut: '2026-11-01', fin: '2026-11-22' }),
      context,
    );
    await createFlash(db, auteur, fields({ titre: 'En cours' }), context);
    await createFlash(
      db,
      auteur,
      fields({ titre: 'À venir', debut: '2026-12-01', fin: '2026-12-02' }),
      context,
    );
    expect((await listFlash(db, TODAY, false)).map((f) => [f.titre, f.etat])).toEqual([
      ['En cours', 'en_cours'],
      ['À venir', 'programme'],
    ]);
    expect((await listFlash(db, TODAY, true)).map((f) => [f.titre, f.etat])).toEqual([['Passée', 'archive']]);
    expect(etatOn({ debut: '2026-11-01', fin: '2026-11-22' }, '2026-11-23')).toBe('archive');
  });

  it('links published fiches only, and shows the desk only those still published', async () => {
    await expect(
      createFlash(db, auteur, fields({ ficheIds: ['passeport', 'inconnue'] }), context),
    ).rejects.toThrow(RefusedError);
    expect(await listFlash(db, TODAY, false)).toEqual([]);

    const lea = await compte('Léa', ['agent'], nord);
    const flash = await createFlash(
      db,
      auteur,
      fields({ ficheIds: ['passeport', 'cni', 'passeport'] }),
      context,
    );
    expect(flash.fiches.map((f) => f.id)).toEqual(['cni', 'passeport']);
    expect(await currentFlash(db, fiches, render, readerAt(lea, nord), 'cni')).toHaveLength(1);
    expect(await currentFlash(db, fiches, render, readerAt(lea, nord), 'acte')).toEqual([]);

    // The cni fiche is removed from the knowledge base: the desk no longer offers it.
    const withoutCni = (id: string) => (id === 'cni' ? undefined : FICHES[id]);
    expect((await currentFlash(db, withoutCni, render, readerAt(lea, nord)))[0]?.fiches).toEqual([
      { id: 'passeport', titre: 'Passeport : première demande' },
    ]);
    expect((await getFlash(db, withoutCni, render, flash.id, TODAY)).fiches).toContainEqual({
      id: 'cni',
      titre: null,
    });
  });

  it('audits the creation and every change, keeping read confirmations', async () => {
    const lea = await compte('Léa', ['agent'], nord);
    const flash = await createFlash(db, auteur, fields(), context);
    await confirmFlash(db, fiches, render, readerAt(lea, nord), flash.id, NOW);
    const changed = await updateFlash(
      db,
      auteur,
      flash.id,
      fields({ titre: 'Grève jeudi et vendredi', tousPoints: true, pointIds: [] }),
      context,
    );
    expect(changed).toMatchObject({ titre: 'Grève jeudi et vendredi', tousPoints: true, points: [], lus: 1 });

    const rows = await auditRows(db, 'flash');
    expect(rows.map((r) => r.action)).toEqual(['creation', 'modification']);
    expect({
      avant: JSON.parse(rows[1]?.avant ?? 'null') as unknown,
      apres: JSON.parse(rows[1]?.apres ?? 'null') as unknown,
    }).toMatchObject({
      avant: { titre: 'Grève jeudi', points: ['Mairie annexe Nord'], tousPoints: false },
      apres: { titre: 'Grève jeudi et vendredi', points: [], tousPoints: true },
    });
    await expect(updateFlash(db, auteur, 999, fields(), context)).rejects.toThrow(NotFoundError);
    // The audit page names the announcement by its title.
    const [latest] = (await listAudit(db, { objet: 'flash', limit: 1, offset: 0 })).rows;
    expect(objectName('flash', latest?.objetId ?? null, latest?.objetNom ?? null)).toBe(
      'flash info « Grève jeudi et vendredi »',
    );
  });
});
