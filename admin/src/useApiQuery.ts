import { useCallback, useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { QueryFn } from './dataProvider';

/** Runs one GraphQL query through the data provider's client, for screens that span resources. */
export function useApiQuery<T>(
  query: string,
  variables?: Record<string, unknown>,
  skip = false,
): { data?: T; error?: Error; reload: () => void } {
  const dataProvider = useDataProvider() as unknown as { query: QueryFn };
  const [state, setState] = useState<{ data?: T; error?: Error; key?: string }>({});
  // Reading again after a write keeps the answer shown until the new one arrives.
  const [reads, setReads] = useState(0);
  const key = JSON.stringify(variables ?? {});
  useEffect(() => {
    if (skip) return undefined;
    let live = true;
    dataProvider.query(query, JSON.parse(key)).then(
      (data) => live && setState({ data, key }),
      (error) => live && setState({ error, key }),
    );
    return () => {
      live = false;
    };
  }, [dataProvider, query, key, reads, skip]);
  const reload = useCallback(() => setReads((n) => n + 1), []);
  // What was read for other variables (another day) is not shown while the new answer loads.
  return state.key === key ? { ...state, reload } : { reload };
}
