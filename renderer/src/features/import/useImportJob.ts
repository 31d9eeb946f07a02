import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportJobStatus } from '../../../../common/contract';
import type { ApiError } from '../../api';
import { call, toApiError } from '../../api';
import { IMPORT_POLL_MS } from './imports';

export interface ImportJobState {
  /** The core's last answer; null until the first one. */
  status: ImportJobStatus | null;
  /** The status could not be read (on entering the page, or while polling). */
  readError: ApiError | null;
  /** The last start was refused (an import already running, an invalid path…). */
  startError: ApiError | null;
  /** A start request is on its way. */
  starting: boolean;
  /** Resolves true when the import started. */
  start: (from: string) => Promise<boolean>;
}

/**
 * The Service-Public.fr import seen from the window: reads its status on mount (one started earlier may still
 * be running), starts it, and polls it every 500 ms while it runs. The import itself runs in the core, so
 * leaving the page stops only the polling.
 */
export function useImportJob(): ImportJobState {
  const [status, setStatus] = useState<ImportJobStatus | null>(null);
  const [readError, setReadError] = useState<ApiError | null>(null);
  const [startError, setStartError] = useState<ApiError | null>(null);
  const [starting, setStarting] = useState(false);
  // Bumped by every start: an older status answer must not overwrite a newer one.
  const generation = useRef(0);
  const mounted = useRef(true);

  const read = useCallback(async (): Promise<void> => {
    const asked = generation.current;
    try {
      const next = await call('import.servicePublic.status', {});
      if (!mounted.current || asked !== generation.current) return;
      setStatus(next);
      setReadError(null);
    } catch (error) {
      if (!mounted.current || asked !== generation.current) return;
      setReadError(toApiError(error));
    }
  }, []);

  useEffect(() => {
    mounted.current = true;
    void read();
    return () => {
      mounted.current = false;
    };
  }, [read]);

  const running = status?.state === 'running';
  useEffect(() => {
    if (!running) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      await read();
      if (!stopped) timer = setTimeout(() => void tick(), IMPORT_POLL_MS);
    };
    timer = setTimeout(() => void tick(), IMPORT_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [running, read]);

  const busy = useRef(false);
  const start = useCallback(
    async (from: string): Promise<boolean> => {
      if (busy.current) return false;
      busy.current = true;
      generation.current++;
      setStarting(true);
      setStartError(null);
      try {
        const next = await call('import.servicePublic.start', { from });
        if (!mounted.current) return false;
        setStatus(next);
        setReadError(null);
        return true;
      } catch (error) {
        if (!mounted.current) return false;
        setStartError(toApiError(error));
        // Refused because an import is already running (from another window?): show where that one is.
        void read();
        return false;
      } finally {
        busy.current = false;
        if (mounted.current) setStarting(false);
      }
    },
    [read],
  );

  return { status, readError, startError, starting, start };
}
