import { createContext, useContext, useEffect, useState } from 'react';
import type { IndexStatus } from '../../../../common/contract';
import type { ApiError } from '../../api';
import { call, toApiError } from '../../api';

export interface IndexStatusState {
  status: IndexStatus | null;
  /** Set when the status itself could not be read (service unreachable…). */
  error: ApiError | null;
  /**
   * Changes when the pages should fetch their data again: a new index was built, or the service answers again
   * after an error.
   */
  refreshKey: string;
}

const INITIAL: IndexStatusState = { status: null, error: null, refreshKey: '' };

export const IndexStatusContext = createContext<IndexStatusState>(INITIAL);

export function useIndexStatus(): IndexStatusState {
  return useContext(IndexStatusContext);
}

const FAST_MS = 1000;
const SLOW_MS = 5000;

/**
 * Polls search.status: every second while the index is building, every five seconds otherwise so that a rebuild
 * triggered by a change in the content folder is noticed. Only real changes re-render the window.
 */
export function usePolledIndexStatus(): IndexStatusState {
  const [state, setState] = useState<IndexStatusState>(INITIAL);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = '';
    let lastStatus: IndexStatus | null = null;
    let recoveries = 0;
    let failing = false;

    const update = (status: IndexStatus | null, error: ApiError | null) => {
      if (failing && !error) recoveries++;
      failing = error !== null;
      const next = { status, error, refreshKey: `${status?.builtAt ?? ''}#${recoveries}` };
      const fingerprint = JSON.stringify([
        next.status,
        next.error?.code,
        next.error?.message,
        next.refreshKey,
      ]);
      if (fingerprint === last) return;
      last = fingerprint;
      setState(next);
    };

    const tick = async () => {
      let delay = SLOW_MS;
      try {
        const status = await call('search.status', {});
        if (stopped) return;
        lastStatus = status;
        update(status, null);
        if (status.state === 'building') delay = FAST_MS;
      } catch (error) {
        if (stopped) return;
        // Keep the last known counts on screen next to the error.
        update(lastStatus, toApiError(error));
      }
      timer = setTimeout(() => void tick(), delay);
    };

    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  return state;
}
