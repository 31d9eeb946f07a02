import { describe, expect, it } from 'vitest';
import type { AssignedAgent } from './rule';
import { evaluateRule } from './rule';
import { DEFAULT_LABEL_SETTINGS } from '../../../common/label/settings';
import type { LabelSettings } from '../../../common/label/types';

const DAY = '2026-11-23';
const LIBELLE = "Utilisation de la base Info'Cité";
let next = 0;

function agent(affecteDepuis: string, trainedOn: string | null, nom = `Agent${++next}`): AssignedAgent {
  return {
    agentId: ++next,
    nom,
    prenom: 'Camille',
    service: 'Accueil',
    affecteDepuis,
    trainings: trainedOn === null ? [] : [{ date: trainedOn, validiteMois: 24 }],
  };
}

function rule(agents: AssignedAgent[], settings: LabelSettings = DEFAULT_LABEL_SETTINGS) {
  return evaluateRule(1, DAY, agents, settings, LIBELLE);
}

describe('the label rule', () => {
  it('is met when every agent assigned for more than three months is trained, and at least two are', () => {
    const evaluation = rule([agent('2024-01-01', '2025-06-01'), agent('2023-05-10', '2026-01-15')]);
    expect(evaluation).toMatchObject({
      total: 2,
      formes: 2,
      anciens: 2,
      anciensFormes: 2,
      proportionAtteinte: true,
      minimumAtteint: true,
      respectee: true,
      manques: [],
    });
    expect(evaluation.agents.map((a) => a.verdict)).toEqual(['forme', 'forme']);
  });

  it('needs at least two trained agents, however few work at the point', () => {
    const evaluation = rule([agent('2024-01-01', '2025-06-01')]);
    expect(evaluation.proportionAtteinte).toBe(true);
    expect(evaluation.minimumAtteint).toBe(false);
    expect(evaluation.respectee).toBe(false);
    expect(evaluation.manques).toEqual([
      `Il faut au moins 2 agents formés à la formation « ${LIBELLE} » en cours de validité ; le point en compte 1.`,
    ]);
    expect(rule([]).respectee).toBe(false);
    // The minimum is a setting.
    const one = { ...DEFAULT_LABEL_SETTINGS, regle: { ...DEFAULT_LABEL_SETTINGS.regle, minimum: 1 } };
    expect(rule([agent('2024-01-01', '2025-06-01')], one).respectee).toBe(true);
  });

  it('does not count agents in their integration period in the proportion, but counts them trained', () => {
    // Arrived on 2026-09-01: less than three months before 2026-11-23.
    const newcomer = agent('2026-09-01', null, 'Nouveau');
    const evaluation = rule([agent('2024-01-01', '2025-06-01'), agent('2024-01-01', '2025-06-01'), newcomer]);
    expect(evaluation).toMatchObject({ total: 3, anciens: 2, anciensFormes: 2, formes: 2, respectee: true });
    expect(evaluation.agents.find((a) => a.nom === 'Nouveau')).toMatchObject({
      compte: false,
      verdict: 'integration',
      verdictLibelle: 'En intégration (arrivé il y a moins de 3 mois)',
    });
    // Exactly three months (2026-08-23) is no longer an integration period.
    const senior = rule([
      agent('2024-01-01', '2025-06-01'),
      agent('2024-01-01', '2025-06-01'),
      agent('2026-08-23', null),
    ]);
    expect(senior).toMatchObject({
      anciens: 3,
      anciensFormes: 2,
      proportionAtteinte: false,
      respectee: false,
    });
    // A trained newcomer counts towards the minimum.
    const trainedNewcomer = rule([agent('2024-01-01', '2025-06-01'), agent('2026-10-01', '2026-10-15')]);
    expect(trainedNewcomer).toMatchObject({ anciens: 1, formes: 2, respectee: true });
  });

  it('does not count an expired training, and names the agents who lack one', () => {
    // 24 months of validity: a session on 2024-11-22 counts until 2026-11-21.
    const evaluation = rule([
      agent('2024-01-01', '2025-06-01'),
      agent('2024-01-01', '2026-01-10'),
      agent('2020-01-01', '2024-11-22', 'Durand'),
      agent('2022-03-01', null, 'Martin'),
    ]);
    expect(evaluation.agents.find((a) => a.nom === 'Durand')).toMatchObject({
      verdict: 'non_forme',
      formation: { etat: 'expiree', date: '2024-11-22', valideJusquau: '2026-11-21' },
    });
    expect(evaluation.agents.find((a) => a.nom === 'Martin')?.formation.etat).toBe('jamais');
    expect(evaluation).toMatchObject({ formes: 2, anciens: 4, anciensFormes: 2, respectee: false });
    expect(evaluation.manques[0]).toContain('2 sur 4');
    expect(evaluation.manques[0]).toContain('il en manque 2');
    expect(evaluation.manques[0]).toContain(
      "Camille Durand (formation expirée, valable jusqu'au 21 novembre 2026), Camille Martin (jamais formé)",
    );
  });

  it('applies a partial proportion without rounding errors', () => {
    const twoThirds = { ...DEFAULT_LABEL_SETTINGS, regle: { ancienneteMois: 3, proportion: 66, minimum: 2 } };
    const agents = [
      agent('2024-01-01', '2025-06-01'),
      agent('2024-01-01', '2025-06-01'),
      agent('2024-01-01', null),
    ];
    expect(rule(agents, twoThirds).respectee).toBe(true);
    const seventy = { ...twoThirds, regle: { ...twoThirds.regle, proportion: 70 } };
    expect(rule(agents, seventy).respectee).toBe(false);
  });
});
