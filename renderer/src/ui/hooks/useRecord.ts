// One record of a registry page: loaded once, then replaced by what each change returns (the core answers a
// change with the record as it now is), so the page never shows a stale state after a save.
import { useEffect, useState } from 'react';
import type { InputOf, MethodName, OutputOf } from '../../../../common/contract';
import type { ApiError } from '../../api';
import { call, toApiError } from '../../api';

export type RecordState<T> =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ok'; data: T };

export function useRecord<M extends MethodName>(
  method: M,
  input: InputOf<M>,
): [RecordState<OutputOf<M>>, (data: OutputOf<M>) => void] {
  const [state, setState] = useState<RecordState<OutputOf<M>>>({ status: 'loading' });
  const inputJson = JSON.stringify(input);
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    call(method, JSON.parse(inputJson) as InputOf<M>).then(
      (data) => live && setState({ status: 'ok', data }),
      (error: unknown) => live && setState({ status: 'error', error: toApiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [method, inputJson]);
  return [state, (data) => setState({ status: 'ok', data })];
}
