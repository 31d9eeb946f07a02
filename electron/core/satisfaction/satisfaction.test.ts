import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalFixture } from '../../../dev/test-support/journal';
import { journalFixture, NOW } from '../../../dev/test-support/journal';
import { RefusedError } from '../errors';
import { sql } from '../store/db';
import { setObjective } from '../indicateurs/objectifs';
import { NO_NAMES, tableau } from '../indicateurs/tableau';
import { recordRating } from './record';
import { importSurvey } from './survey-import';

let f: JournalFixture;
beforeEach(async () => {
  f = await journalFixture();
});
afterEach(async () => {
  await f.store.close();
});

const NOVEMBER = { du: '2026-11-01', au: '2026-11-30', granularite: 'mois' } as const;

async function code(): Promise<string> {
  return (await f.db.value<string>(sql`SELECT code FROM points WHERE id = ${f.pointId}`))!;
}

describe('satisfaction', () => {
  it('counts one-tap ratings by day, point and channel, without identity, as indicators with objectives', async () => {
    for (const note of ['tres_satisfait', 'tres_satisfait', 'satisfait', 'insatisfait'] as const)
      await recordRating(f.db, { note, source: 'comptoir' }, NOW);
    await recordRating(f.db, { note: 'satisfait', source: 'tablette', canal: 'telephone' }, NOW);
    const rows = await f.db.all(sql`SELECT * FROM satisfaction_jour ORDER BY note, source`);
    // Nothing but codes and counts: no account, no time of day.
    expect(Object.keys(rows[0] as object).sort()).toEqual([
      'canal',
      'jour',
      'nombre',
      'note',
      'point_id',
      'source',
    ]);
    await setObjective(
      f.db,
      f.alice,
      { indicateur: 'taux_satisfaction', cible: 85, sens: 'au_moins', marge: 5 },
      NOW,
    );

    const board = await tableau(f.db, NOVEMBER, NO_NAMES, NOW);
    const taux = board.indicateurs.find((i) => i.code === 'taux_satisfaction');
    expect(taux).toMatchObject({ valeur: 80, statut: 'proche' }); // 4 satisfied of 5
    // Net: 2 « très satisfait » − 1 dissatisfied, of 5 answers.
    expect(board.indicateurs.find((i) => i.code === 'satisfaction_nette')?.valeur).toBe(20);
    expect(board.qualite.satisfaction).toMatchObject({
      reponses: 5,
      parNote: { tres_satisfait: 2, satisfait: 2, insatisfait: 1, tres_insatisfait: 0 },
      parSource: { comptoir: 4, tablette: 1 },
    });
    const byPhone = await tableau(f.db, { ...NOVEMBER, canal: 'telephone' }, NO_NAMES, NOW);
    expect(byPhone.indicateurs.find((i) => i.code === 'taux_satisfaction')?.valeur).toBe(100);
    const otherPoint = await tableau(f.db, { ...NOVEMBER, pointId: f.pointId + 100 }, NO_NAMES, NOW);
    expect(otherPoint.indicateurs.find((i) => i.code === 'taux_satisfaction')?.valeur).toBeNull();
  });

  it('imports survey answers, explaining every rejected line with its number', async () => {
    const pointCode = await code();
    const csv = [
      'Date;Point;Canal;Note;Nombre',
      `02/11/2026;${pointCode};Téléphone;Très satisfait;3`,
      `2026-11-03;;web;2;1`,
      '',
      `31/02/2026;${pointCode};téléphone;satisfait;1`,
      `2026-11-04;inconnu;fax;ravi;-2`,
      `2026-12-25;${pointCode};courriel;satisfait;1`,
    ].join('\r\n');
    const dry = await importSurvey(f.db, f.alice, { csv, source: 'enquete_web', dryRun: true }, NOW);
    expect(dry).toMatchObject({ dryRun: true, lignes: 5, reponses: 4 });
    expect(await f.db.value(sql`SELECT count(*) FROM satisfaction_jour`)).toBe(0);

    const report = await importSurvey(f.db, f.alice, { csv, source: 'enquete_web', dryRun: false }, NOW);
    expect(report.rejets.map((r) => r.ligne)).toEqual([5, 6, 7]);
    expect(report.rejets[0]?.raisons).toEqual([
      'la date « 31/02/2026 » n’est pas une date réelle (JJ/MM/AAAA ou AAAA-MM-JJ)',
    ]);
    expect(report.rejets[1]?.raisons).toEqual([
      'aucun point d’accueil n’a le code « inconnu »',
      expect.stringMatching(/^canal « fax » inconnu/),
      expect.stringMatching(/^note « ravi » inconnue/),
      'le nombre « -2 » n’est pas un entier de 1 à 100 000',
    ]);
    expect(report.rejets[2]?.raisons).toEqual(['la date 2026-12-25 est dans le futur']);
    const city = (await tableau(f.db, NOVEMBER, NO_NAMES, NOW)).qualite.satisfaction;
    expect(city).toMatchObject({ reponses: 4, parSource: { enquete_web: 4 } });
    // The unattached answer counts for the city, not for the point.
    expect(
      (await tableau(f.db, { ...NOVEMBER, pointId: f.pointId }, NO_NAMES, NOW)).qualite.satisfaction.reponses,
    ).toBe(3);
  });

  it('imports nothing from an unusable file', async () => {
    await expect(
      importSurvey(f.db, f.alice, { csv: '', source: 'enquete_papier', dryRun: false }, NOW),
    ).rejects.toThrow(RefusedError);
    await expect(
      importSurvey(f.db, f.alice, { csv: 'nom;avis\nx;y', source: 'enquete_papier', dryRun: false }, NOW),
    ).rejects.toThrow(/au moins les colonnes « date » et « note »/);
    expect(await f.db.value(sql`SELECT count(*) FROM satisfaction_jour`)).toBe(0);
  });
});
