import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ListToolbar } from '../components/list-toolbar.js';
import { ActionNotices } from '../components/notice.js';
import { Part } from '../components/part.js';
import { matches } from '../components/search-box.js';
import { useAction } from '../use-action.js';
import { useLoad } from '../use-load.js';

interface Tag {
  _id: number;
  name: string;
  num_clubs: number;
}

const formValue = (event: Event, name: string) =>
  String(new FormData(event.currentTarget as HTMLFormElement).get(name) ?? '').trim();

interface RenameFormProps {
  tag: Tag;
  busy: boolean;
  onSubmit: (event: SubmitEvent) => void;
  onCancel: () => void;
}

function RenameForm({ tag, busy, onSubmit, onCancel }: RenameFormProps) {
  // Its own state, so that a re-render while saving does not put the old name back.
  const [name, setName] = useState(tag.name);
  return (
    <form onSubmit={onSubmit} class="toolbar" aria-label={`Rename ${tag.name}`}>
      <input
        name="name"
        required
        maxLength={100}
        value={name}
        onInput={(event) => setName((event.currentTarget as HTMLInputElement).value)}
        aria-label="New name"
      />
      <button type="submit" disabled={busy}>
        Save
      </button>
      <button type="button" class="secondary outline" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

export function TagsPage() {
  const [list, reload] = useLoad(() => api<Tag[]>('/api/monitor/tags/list'));
  const [query, setQuery] = useState('');
  const [renaming, setRenaming] = useState<number>();
  const [toDelete, setToDelete] = useState<Tag>();
  const action = useAction();

  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = formValue(event, 'name');
    void action.run(async () => {
      await api('/api/monitor/tags', { method: 'POST', body: { name } });
      form.reset();
      await reload();
      return `Added the tag ${name}.`;
    });
  };

  const rename = (tag: Tag) => (event: SubmitEvent) => {
    event.preventDefault();
    const name = formValue(event, 'name');
    void action.run(async () => {
      await api(`/api/monitor/tags/${tag._id}`, { method: 'PUT', body: { name } });
      setRenaming(undefined);
      await reload();
      return `Renamed ${tag.name} to ${name}.`;
    });
  };

  const confirmDelete = () => {
    const tag = toDelete;
    if (!tag) return;
    void action
      .run(async () => {
        await api(`/api/monitor/tags/${tag._id}`, { method: 'DELETE' });
        await reload();
        return `Deleted the tag ${tag.name}.`;
      })
      .then(() => setToDelete(undefined));
  };

  return (
    <>
      <h1>Tags</h1>
      <form onSubmit={add} class="toolbar" aria-label="Add a tag">
        <input name="name" required maxLength={100} placeholder="New tag" aria-label="Tag to add" />
        <button type="submit" disabled={action.busy}>
          Add
        </button>
      </form>
      <ActionNotices action={action} />
      <ListToolbar
        label="Search tags"
        query={query}
        onQuery={setQuery}
        csv={{ url: '/api/monitor/tags/download', file: 'tags.csv' }}
        action={action}
      />
      <Part loaded={list}>
        {(value) => (
          <div class="overflow-auto">
            <table>
              <thead>
                <tr>
                  <th scope="col">Tag</th>
                  <th scope="col">Clubs</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {value
                  .filter((tag) => matches(query, tag.name))
                  .map((tag) => (
                    <tr key={tag._id}>
                      {renaming === tag._id ? (
                        <td colSpan={3}>
                          <RenameForm
                            tag={tag}
                            busy={action.busy}
                            onSubmit={rename(tag)}
                            onCancel={() => setRenaming(undefined)}
                          />
                        </td>
                      ) : (
                        <>
                          <td>{tag.name}</td>
                          <td>{tag.num_clubs}</td>
                          <td>
                            <div class="row-actions">
                              <button
                                type="button"
                                class="secondary outline"
                                aria-label={`Rename ${tag.name}`}
                                onClick={() => setRenaming(tag._id)}
                              >
                                Rename
                              </button>
                              <button
                                type="button"
                                class="contrast outline"
                                aria-label={`Delete ${tag.name}`}
                                onClick={() => setToDelete(tag)}
                              >
                                Delete
                              </button>
                            </div>
                          </td>
                        </>
                      )}
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </Part>
      {toDelete && (
        <ConfirmDialog
          title={`Delete the tag ${toDelete.name}?`}
          confirmLabel="Delete tag"
          busy={action.busy}
          onConfirm={confirmDelete}
          onCancel={() => setToDelete(undefined)}
        >
          <p>A tag that clubs use cannot be deleted; rename it instead.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
