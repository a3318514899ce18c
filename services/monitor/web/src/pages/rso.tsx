import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { ListToolbar } from '../components/list-toolbar.js';
import { ActionNotices } from '../components/notice.js';
import { Part } from '../components/part.js';
import { matches } from '../components/search-box.js';
import { useAction } from '../use-action.js';
import { useLoad } from '../use-load.js';

interface RsoEntry {
  email: string;
  registered: boolean;
  confirmed: boolean;
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
const formValue = (event: Event, name: string) =>
  String(new FormData(event.currentTarget as HTMLFormElement).get(name) ?? '');

/** The allow-list of emails that may register a club. */
export function RsoPage() {
  const [list, reload] = useLoad(() => api<RsoEntry[]>('/api/monitor/rso/list'));
  const [query, setQuery] = useState('');
  const action = useAction();

  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const email = formValue(event, 'email').trim();
    void action.run(async () => {
      await api('/api/monitor/rso', { method: 'POST', body: { email } });
      form.reset();
      await reload();
      return `Added ${email}.`;
    });
  };

  const importEmails = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    const pasted = formValue(event, 'csv');
    void action.run(async () => {
      const csv = [pasted, file ? await file.text() : ''].join('\n').trim();
      if (!csv) throw new Error('Paste emails or choose a CSV file first.');
      const answer = await api<{ added: number; already_present: number }>('/api/monitor/rso/import', {
        method: 'POST',
        body: { csv },
      });
      form.reset();
      await reload();
      return `Imported: ${answer.added} added, ${answer.already_present} already on the list.`;
    });
  };

  const remove = (email: string) =>
    void action.run(async () => {
      await api(`/api/monitor/rso/${encodeURIComponent(email)}`, { method: 'DELETE' });
      await reload();
      return `Removed ${email}.`;
    });

  return (
    <>
      <h1>RSO list</h1>
      <p>Only these emails may register a club.</p>
      <form onSubmit={add} class="toolbar" aria-label="Add an RSO email">
        <input name="email" type="email" required placeholder="club@berkeley.edu" aria-label="Email to add" />
        <button type="submit" disabled={action.busy}>
          Add
        </button>
      </form>
      <details>
        <summary>Import several emails</summary>
        <form onSubmit={importEmails} aria-label="Import RSO emails">
          <label>
            Emails or CSV (one per line, or comma-separated; other columns are skipped)
            <textarea name="csv" rows={4} />
          </label>
          <label>
            Or a CSV file
            <input name="file" type="file" accept=".csv,text/csv,text/plain" />
          </label>
          <button type="submit" disabled={action.busy}>
            Import
          </button>
        </form>
      </details>
      <ActionNotices action={action} />
      <ListToolbar
        label="Search emails"
        query={query}
        onQuery={setQuery}
        csv={{ url: '/api/monitor/rso/download', file: 'rso_emails.csv' }}
        action={action}
      />
      <Part loaded={list}>
        {(value) => (
          <div class="overflow-auto">
            <table>
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Registered</th>
                  <th scope="col">Confirmed</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {value
                  .filter((entry) => matches(query, entry.email))
                  .map((entry) => (
                    <tr key={entry.email}>
                      <td class="email">{entry.email}</td>
                      <td>{yesNo(entry.registered)}</td>
                      <td>{yesNo(entry.confirmed)}</td>
                      <td>
                        <div class="row-actions">
                          <button
                            type="button"
                            class="secondary outline"
                            aria-label={`Remove ${entry.email}`}
                            disabled={action.busy}
                            onClick={() => remove(entry.email)}
                          >
                            Remove
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
            <p>
              <small>{value.length} emails</small>
            </p>
          </div>
        )}
      </Part>
    </>
  );
}
