// The SQL side of the demo seed: one prepared statement per table, straight inserts (the seed runs in one
// transaction with a single audit row, written by seedDemoRegistry).
import { slug } from '../../common/text';
import type { Db } from '../../electron/core/store/db';
import { COURRIEL_DOMAINS, NOMS, PRENOMS } from './demo-people';
import type { DemoEvent } from './demo-labels';
import type { DemoPoint, Entite } from './demo-points';
import type { Random } from './random';

/** Who signs the decisions taken before Info'Cité: they come from the label managers' spreadsheets. */
export const IMPORTED_DECIDER = 'Reprise des tableurs';

/** « Élodie » → « elodie », « Lefèvre » → « lefevre »: for e-mail addresses. */
function mailPart(text: string): string {
  return slug(text);
}

export class DemoWriter {
  private readonly names = new Set<string>();
  private readonly mails = new Set<string>();
  private readonly statements;

  constructor(
    db: Db,
    private readonly random: Random,
    /** The ISO instant written in every `cree_le`. */
    private readonly createdAt: string,
  ) {
    this.statements = {
      point: db.prepare(
        `INSERT INTO points (code, nom, entite, type, voie, code_postal, commune, horaires, contact_id, ouvert, cree_le)
         VALUES (?, ?, ?, ?, ?, '99150', 'Montrouval', ?, ?, ?, ?)`,
      ),
      agent: db.prepare(
        'INSERT INTO agents (nom, prenom, service, courriel, actif, cree_le) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      assign: db.prepare('INSERT INTO affectations (agent_id, point_id, debut, fin) VALUES (?, ?, ?, ?)'),
      session: db.prepare(
        'INSERT INTO sessions_formation (type, date, formateur, lieu, cree_le) VALUES (?, ?, ?, ?, ?)',
      ),
      attend: db.prepare('INSERT OR IGNORE INTO presences (session_id, agent_id, statut) VALUES (?, ?, ?)'),
      event: db.prepare(
        `INSERT INTO label_evenements
           (point_id, action, statut, date, expire_le, motif, decide_par, decide_par_nom, evaluation, enregistre_le)
         VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?)`,
      ),
    };
  }

  point(spec: DemoPoint): number {
    return Number(
      this.statements.point.run(
        spec.code,
        spec.nom,
        spec.entite,
        spec.type,
        spec.voie,
        spec.horaires,
        spec.contact ?? null,
        spec.ouvert === false ? 0 : 1,
        this.createdAt,
      ).lastInsertRowid,
    );
  }

  /** A new person with a name not used yet, and a unique address at their entité's domain. */
  agent(entite: Entite, service: string, actif = true): number {
    let prenom: string;
    let nom: string;
    do {
      prenom = this.random.pick(PRENOMS);
      nom = this.random.pick(NOMS);
    } while (this.names.has(`${prenom} ${nom}`));
    this.names.add(`${prenom} ${nom}`);
    const local = `${mailPart(prenom)}.${mailPart(nom)}`;
    let courriel = `${local}@${COURRIEL_DOMAINS[entite]}`;
    for (let n = 2; this.mails.has(courriel); n++) courriel = `${local}${n}@${COURRIEL_DOMAINS[entite]}`;
    this.mails.add(courriel);
    return Number(
      this.statements.agent.run(nom, prenom, service, courriel, actif ? 1 : 0, this.createdAt)
        .lastInsertRowid,
    );
  }

  assign(agentId: number, pointId: number, debut: string, fin: string | null = null): void {
    this.statements.assign.run(agentId, pointId, debut, fin);
  }

  session(type: string, date: string, formateur: string, lieu: string): number {
    return Number(this.statements.session.run(type, date, formateur, lieu, this.createdAt).lastInsertRowid);
  }

  /** An attendance; a second one for the same session and agent is ignored (the first says what happened). */
  attend(sessionId: number, agentId: number, statut: 'inscrit' | 'present' | 'absent'): void {
    this.statements.attend.run(sessionId, agentId, statut);
  }

  event(pointId: number, event: DemoEvent): void {
    this.statements.event.run(
      pointId,
      event.action,
      event.statut,
      event.date,
      event.expireLe,
      event.motif,
      IMPORTED_DECIDER,
      this.createdAt,
    );
  }
}
