import { useCallback, useState } from 'react';

/**
 * State that starts over from `initial` whenever `key` changes (a new day shown, a form edited):
 * derived while rendering, so there is no effect and no extra render with the stale value.
 */
export function useStateFor<T>(key: string, initial: T): [T, (value: T) => void] {
  const [state, setState] = useState<{ key: string; value: T } | null>(null);
  const set = useCallback((value: T) => setState({ key, value }), [key]);
  return [state && state.key === key ? state.value : initial, set];
}
