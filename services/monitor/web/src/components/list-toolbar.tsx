import type { ComponentChildren } from 'preact';
import { downloadCsv } from '../api.js';
import type { useAction } from '../use-action.js';
import type { Loaded } from '../use-load.js';
import { ErrorNotice } from './notice.js';
import { SearchBox } from './search-box.js';

/** Above each admin list: the filter over its rows and the export of the whole list as CSV. */
export function ListToolbar({
  label,
  query,
  onQuery,
  csv,
  action,
}: {
  label: string;
  query: string;
  onQuery: (query: string) => void;
  /** The route answering the CSV, and the file name the dashboard saves it as. */
  csv: { url: string; file: string };
  action: ReturnType<typeof useAction>;
}) {
  return (
    <div class="toolbar">
      <SearchBox label={label} value={query} onInput={onQuery} />
      <button
        type="button"
        class="secondary"
        onClick={() => void action.run(() => downloadCsv(csv.url, csv.file).then(() => undefined))}
      >
        Export CSV
      </button>
    </div>
  );
}

/** A list while it loads, why it failed, or its table once it is there (scrolling sideways if it must). */
export function LoadedTable<T>({
  list,
  children,
}: {
  list: Loaded<T>;
  children: (value: T) => ComponentChildren;
}) {
  if (list.state === 'failed') return <ErrorNotice reason={list.reason} />;
  if (list.state === 'loading') return <p aria-busy="true">Loading…</p>;
  return <div class="overflow-auto">{children(list.value)}</div>;
}
