import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { QueryFn } from './dataProvider';

/** Runs one GraphQL query through the data provider's client, for screens that span resources. */
export function useApiQuery<T>(query: string, variables?: Record<string, unknown>): { data?: T; error?: Error } {
  const dataProvider = useDataProvider() as unknown as { query: QueryFn };
  const [state, setState] = useState<{ data?: T; error?: Error; key?: string }>({});
  const key = JSON.stringify(variables ?? {});
  useEffect(() => {
    let live = true;
    dataProvider.query(query, JSON.parse(key)).then((data) => live && setState({ data, key }), (error) => live && setState({ error, key }));
    return () => { live = false; };
  }, [dataProvider, query, key]);
  // What was read for other variables (another day) is not shown while the new answer loads.
  return state.key === key ? state : {};
}
