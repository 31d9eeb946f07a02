// How this desk runs, for the header's discreet line and Réglages: asked at start, then every few seconds on a
// connected desk only (a standalone desk never changes mode). One poll for the whole window, however many
// components show the status (the header and Réglages are on screen together).
import { useSyncExternalStore } from 'react';
import type { DeskStatus } from '../../../../common/desk/methods';
import { call } from '../../api';

export const DESK_POLL_MS = 5_000;

let latest: DeskStatus | null = null;
let timer: number | undefined;
let polling = false;
const listeners = new Set<() => void>();

function poll(): void {
  call('desk.status', {})
    .then((fresh) => {
      if (!polling) return;
      latest = fresh;
      for (const listener of listeners) listener();
      if (fresh.mode === 'relie') timer = window.setTimeout(poll, DESK_POLL_MS);
    })
    .catch(() => {
      if (polling) timer = window.setTimeout(poll, DESK_POLL_MS);
    });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!polling) {
    polling = true;
    poll();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    polling = false;
    window.clearTimeout(timer);
  };
}

export function useDeskStatus(): DeskStatus | null {
  return useSyncExternalStore(subscribe, () => latest);
}

/** The header's line: « hors ligne — N contacts en attente », « N contacts en attente », « à jour ». */
export function syncLabel(status: DeskStatus): string | null {
  if (status.mode !== 'relie' || !status.inscrit) return null;
  const waiting =
    status.enAttente === 0
      ? null
      : `${status.enAttente} contact${status.enAttente > 1 ? 's' : ''} en attente`;
  if (!status.enLigne) return waiting ? `hors ligne — ${waiting}` : 'hors ligne';
  return waiting ?? 'à jour';
}

/** Réglages: « Poste autonome », or « Poste relié à <URL> (poste <nom>, point <nom>) ». */
export function modeLabel(status: DeskStatus): string {
  if (status.mode === 'autonome') return 'Poste autonome';
  if (status.mode === 'serveur') return 'Serveur de la ville (les postes de la ville s’y relient)';
  const where = [
    status.poste ? `poste ${status.poste.nom}` : null,
    status.point ? `point ${status.point.nom}` : null,
  ].filter(Boolean);
  return `Poste relié à ${status.serveur}${where.length > 0 ? ` (${where.join(', ')})` : ' (non inscrit)'}`;
}
