import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from './api.js';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'failed'; reason: string }
  | { state: 'ready'; value: T };

export const reasonOf = (error: unknown) =>
  error instanceof ApiError ? error.reason : error instanceof Error ? error.message : String(error);

/** Runs `load` on mount and on `reload()`, keeping the last value while it reloads. */
export function useLoad<T>(load: () => Promise<T>): [Loaded<T>, () => Promise<void>] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  // `load` is a new closure each render: the first one is kept, and reload() runs it again.
  const reload = useCallback(async () => {
    try {
      setLoaded({ state: 'ready', value: await load() });
    } catch (error) {
      setLoaded({ state: 'failed', reason: reasonOf(error) });
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return [loaded, reload];
}
