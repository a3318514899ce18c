import { downloadCsv } from '../api.js';
import type { useAction } from '../use-action.js';
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
