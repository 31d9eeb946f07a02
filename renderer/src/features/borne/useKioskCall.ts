import { useEffect, useState } from 'react';
import type { InputOf, OutputOf } from '../../../../common/contract';
import type { KioskMethod } from '../../../../common/borne/methods';
import { call, toApiError, type ApiError } from '../../api';

export type KioskCallState<T> =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ok'; data: T };

/**
 * Calls a kiosk method whenever its input changes. Unlike the agents' useCall, it keeps no cache: nothing a
 * citizen looked at may be shown again to the next one.
 */
export function useKioskCall<M extends KioskMethod>(
  method: M,
  input: InputOf<M>,
  /** Changing it calls again, keeping the current answer on screen meanwhile (the home at each new visit). */
  refresh = 0,
): KioskCallState<OutputOf<M>> {
  const inputJson = JSON.stringify(input);
  const [state, setState] = useState<KioskCallState<OutputOf<M>>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState((current) => (current.status === 'ok' && refresh > 0 ? current : { status: 'loading' }));
    call(method, JSON.parse(inputJson) as InputOf<M>).then(
      (data) => live && setState({ status: 'ok', data }),
      (error: unknown) => live && setState({ status: 'error', error: toApiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [method, inputJson, refresh]);
  return state;
}
