import type { Db } from '../store/database';

/** Placeholder until the demo registries land: Montrouval's reception points, agents, training, labels. */
export function seedDemoRegistry(_db: Db, _now: Date): void {}
