import type { ComponentChildren } from 'preact';
import type { Loaded } from '../use-load.js';
import { ErrorNotice } from './notice.js';

/** Something loaded from the server: while it loads, why it failed, or what `children` make of it. */
export function Part<T>({
  loaded,
  children,
}: {
  loaded: Loaded<T>;
  children: (value: T) => ComponentChildren;
}) {
  if (loaded.state === 'loading') return <p aria-busy="true">Loading…</p>;
  if (loaded.state === 'failed') return <ErrorNotice reason={loaded.reason} />;
  return <>{children(loaded.value)}</>;
}
