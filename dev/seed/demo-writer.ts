// The SQL side of the demo seed: straight inserts, one method per table (the seed runs in one transaction with
// a single audit row, written by seedDemoRegistry).
import { slug } from '../../common/text';
import { sql, type Db, type RawBuilder } from '../../electron/core/store/db';
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

  constructor(
    private readonly db: Db,
    private readonly random: Random,
    /** The ISO instant written in every `cree_le`. */
    private readonly createdAt: string,
  ) {}

  private async insert(query: RawBuilder<unknown>): Promise<number> {
    return Number(await this.db.value<number>(query));
  }

  async point(spec: DemoPoint): Promise<number> {
    return this.insert(
      sql`INSERT INTO points (code, nom, entite, type, voie, code_postal, commune, horaires, contact_id, ouvert, cree_le)
          VALUES (${spec.code}, ${spec.nom}, ${spec.entite}, ${spec.type}, ${spec.voie}, '99150', 'Montrouval',
                  ${spec.horaires}, ${spec.contact ?? null}, ${spec.ouvert === false ? 0 : 1}, ${this.createdAt})
          RETURNING id`,
    );
  }

  /** A new person with a name not used yet, and a unique address at their entité's domain. */
  async agent(entite: Entite, service: string, actif = true): Promise<number> {
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
    return this.insert(
      sql`INSERT INTO agents (nom, prenom, service, courriel, actif, cree_le)
          VALUES (${nom}, ${prenom}, ${service}, ${courriel}, ${actif ? 1 : 0}, ${this.createdAt})
          RETURNING id`,
    );
  }

  async assign(agentId: number, pointId: number, debut: string, fin: string | null = null): Promise<void> {
    await this.db.run(
      sql`INSERT INTO affectations (agent_id, point_id, debut, fin) VALUES (${agentId}, ${pointId}, ${debut}, ${fin})`,
    );
  }

  async session(type: string, date: string, formateur: string, lieu: string): Promise<number> {
    return this.insert(
      sql`INSERT INTO sessions_formation (type, date, formateur, lieu, cree_le)
          VALUES (${type}, ${date}, ${formateur}, ${lieu}, ${this.createdAt})
          RETURNING id`,
    );
  }

  /** An attendance; a second one for the same session and agent is ignored (the first says what happened). */
  async attend(sessionId: number, agentId: number, statut: 'inscrit' | 'present' | 'absent'): Promise<void> {
    await this.db.run(
      sql`INSERT INTO presences (session_id, agent_id, statut) VALUES (${sessionId}, ${agentId}, ${statut})
          ON CONFLICT DO NOTHING`,
    );
  }

  async event(pointId: number, event: DemoEvent): Promise<void> {
    await this.db.run(
      sql`INSERT INTO label_evenements
            (point_id, action, statut, date, expire_le, motif, decide_par, decide_par_nom, evaluation, enregistre_le)
          VALUES (${pointId}, ${event.action}, ${event.statut}, ${event.date}, ${event.expireLe}, ${event.motif},
                  NULL, ${IMPORTED_DECIDER}, NULL, ${this.createdAt})`,
    );
  }
}
