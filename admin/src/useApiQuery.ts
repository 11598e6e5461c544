import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { QueryFn } from './dataProvider';

/** Runs one GraphQL query through the data provider's client, for screens that span resources. */
export function useApiQuery<T>(query: string): { data?: T; error?: Error } {
  const dataProvider = useDataProvider() as unknown as { query: QueryFn };
  const [state, setState] = useState<{ data?: T; error?: Error }>({});
  useEffect(() => {
    let live = true;
    dataProvider.query(query).then((data) => live && setState({ data }), (error) => live && setState({ error }));
    return () => { live = false; };
  }, [dataProvider, query]);
  return state;
}
