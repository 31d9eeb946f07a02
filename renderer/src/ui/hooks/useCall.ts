import { useEffect, useState } from 'react';
import type { InputOf, MethodName, OutputOf } from '../../../../common/contract';
import type { ApiError } from '../../api';
import { call, toApiError } from '../../api';

export type CallState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  /** `key` identifies the input the data answers; `stale` when it answers an older input. */
  | { status: 'ok'; data: T; key: string; stale: boolean };

export interface CallOptions {
  /** Changing it (the index's build time) fetches again, keeping the current data on screen meanwhile. */
  refresh?: string | null;
  /** Keep showing the previous answer while the new one is on its way (search as you type). */
  keepPrevious?: boolean;
  /** False: no call (an empty query). */
  enabled?: boolean;
}

interface Stored {
  key: string;
  state: CallState<unknown>;
}

// Recent answers, so that coming back to a page shows it at once (and it is fetched again behind the scenes).
const CACHE_SIZE = 40;
const cache = new Map<string, unknown>();

function remember(key: string, data: unknown): void {
  cache.delete(key);
  cache.set(key, data);
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
}

function cached(key: string): Stored | null {
  return cache.has(key) ? { key, state: { status: 'ok', data: cache.get(key), key, stale: false } } : null;
}

/** Calls a method whenever its input changes; answers to older inputs are discarded. */
export function useCall<M extends MethodName>(
  method: M,
  input: InputOf<M>,
  options: CallOptions = {},
): CallState<OutputOf<M>> {
  const { refresh = null, keepPrevious = false, enabled = true } = options;
  const inputJson = JSON.stringify(input);
  const key = `${method} ${inputJson}`;
  const [stored, setStored] = useState<Stored | null>(() => cached(key));

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const parsed = JSON.parse(inputJson) as InputOf<M>;
    call(method, parsed).then(
      (data) => {
        remember(key, data);
        if (live) setStored({ key, state: { status: 'ok', data, key, stale: false } });
      },
      (error: unknown) => {
        if (live) setStored({ key, state: { status: 'error', error: toApiError(error) } });
      },
    );
    return () => {
      live = false;
    };
  }, [method, inputJson, key, refresh, enabled]);

  const current = stored?.key === key ? stored : cached(key);
  // The stored value is only ever set from this method's answers.
  if (current) return current.state as CallState<OutputOf<M>>;
  if (keepPrevious && stored?.state.status === 'ok') {
    return { ...(stored.state as Extract<CallState<OutputOf<M>>, { status: 'ok' }>), stale: true };
  }
  return { status: 'loading' };
}
