import { useCallback, useEffect, useState } from 'react';
import type { OperationName } from '../../../backend/api/contract/index';
import type { RequestOf, ResponseOf } from '../../../backend/api/types';
import { getClient } from './client';

/** Calls an API operation on mount (and on `reload`), tracking loading and error state. */
export function useQuery<N extends OperationName>(name: N, request: RequestOf<N>, deps: unknown[] = []) {
  const [data, setData] = useState<ResponseOf<N> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(request);
  const reload = useCallback(() => {
    setLoading(true);
    getClient()
      .call(name, JSON.parse(key) as RequestOf<N>)
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => setLoading(false));
  }, [name, key, ...deps]);
  useEffect(reload, [reload]);
  return { data, error, loading, reload };
}
