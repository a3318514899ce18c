import { useState } from 'preact/hooks';
import { api, publicApi } from '../api.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ListToolbar } from '../components/list-toolbar.js';
import { ActionNotices } from '../components/notice.js';
import { Part } from '../components/part.js';
import { matches } from '../components/search-box.js';
import { useAction } from '../use-action.js';
import { useLoad } from '../use-load.js';

interface ClubAccount {
  name: string;
  email: string;
  confirmed: boolean;
  reactivated: boolean;
  /** Hidden by an admin (`/api/monitor/club/:email/hide`). */
  hidden: boolean;
  link_name: string;
}

interface PublicClub {
  name: string;
  link_name: string;
  about_us?: string;
  tags: number[];
  app_required: boolean;
  new_members: boolean;
}

/** Why the public catalog does not show a club, or undefined when it does. */
function whyNotPublic(club: ClubAccount): string | undefined {
  if (club.hidden) return 'Hidden by an admin';
  if (!club.confirmed) return 'Hidden until its officer confirms the account';
  if (!club.reactivated) return 'Deactivated by its officer';
  return undefined;
}

/** The club's page in the public catalog, by its link name; none when the catalog does not show it. */
async function findPublicPage(club: ClubAccount): Promise<PublicClub | undefined> {
  // Not asked when it would be a 404 anyway (the browser logs every failed request).
  if (whyNotPublic(club)) return undefined;
  return publicApi<PublicClub>(`/api/catalog/organizations/${encodeURIComponent(club.link_name)}`);
}

type Opened = { club: ClubAccount; page: PublicClub | undefined };

export function ClubsPage() {
  const [list, reload] = useLoad(() => api<ClubAccount[]>('/api/monitor/club/list'));
  const [query, setQuery] = useState('');
  const [toDelete, setToDelete] = useState<ClubAccount>();
  const [opened, setOpened] = useState<Opened>();
  const action = useAction();

  const open = (club: ClubAccount) =>
    void action.run(async () => {
      setOpened({ club, page: await findPublicPage(club) });
      return undefined;
    });

  const setHidden = (club: ClubAccount, hidden: boolean) =>
    void action.run(async () => {
      const verb = hidden ? 'hide' : 'unhide';
      const path = `/api/monitor/club/${encodeURIComponent(club.email)}/${verb}`;
      const updated = await api<ClubAccount>(path, { method: 'POST' });
      await reload();
      if (opened?.club.email === club.email)
        setOpened({ club: updated, page: await findPublicPage(updated) });
      return hidden
        ? `Hid ${club.name}: it is no longer in the public catalog.`
        : `Unhid ${club.name}${whyNotPublic(updated) ? '.' : ': it is back in the public catalog.'}`;
    });

  const confirmDelete = () => {
    const club = toDelete;
    if (!club) return;
    void action
      .run(async () => {
        await api(`/api/monitor/club/${encodeURIComponent(club.email)}`, { method: 'DELETE' });
        await reload();
        if (opened?.club.email === club.email) setOpened(undefined);
        return `Deleted ${club.name}.`;
      })
      .then(() => setToDelete(undefined));
  };

  return (
    <>
      <h1>Clubs</h1>
      <p>
        <small>
          Every club, hidden ones too. A hidden club leaves the public catalog, search and recommendations;
          its officer still signs in and edits it, and unhiding brings it back.
        </small>
      </p>
      <ActionNotices action={action} />
      {opened && (
        <article aria-label={`Public page of ${opened.club.name}`}>
          <header>
            <strong>{opened.club.name}</strong> in the public catalog
          </header>
          {opened.page ? (
            <>
              <p>{opened.page.about_us || <em>No description yet.</em>}</p>
              <p>
                {opened.page.app_required ? 'Application required' : 'No application'} ·{' '}
                {opened.page.new_members ? 'taking new members' : 'not taking new members'}
              </p>
              <a
                href={`/api/catalog/organizations/${encodeURIComponent(opened.page.link_name)}`}
                target="_blank"
                rel="noopener"
              >
                Open its public page (JSON)
              </a>
            </>
          ) : (
            <p>Not in the public catalog: {whyNotPublic(opened.club)?.toLowerCase() ?? 'not found'}.</p>
          )}
          <footer>
            <button type="button" class="secondary outline" onClick={() => setOpened(undefined)}>
              Close
            </button>
          </footer>
        </article>
      )}
      <ListToolbar
        label="Search clubs"
        query={query}
        onQuery={setQuery}
        csv={{ url: '/api/monitor/club/download', file: 'clubs.csv' }}
        action={action}
      />
      <Part loaded={list}>
        {(value) => (
          <div class="overflow-auto">
            <table>
              <thead>
                <tr>
                  <th scope="col">Club</th>
                  <th scope="col">Officer email</th>
                  <th scope="col">Confirmed</th>
                  <th scope="col">Public</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {value
                  .filter((club) => matches(query, club.name, club.email))
                  .map((club) => (
                    <tr key={club.email}>
                      <td>{club.name}</td>
                      <td class="email">{club.email}</td>
                      <td>{club.confirmed ? 'Yes' : 'No'}</td>
                      <td>{whyNotPublic(club) ?? 'Shown'}</td>
                      <td>
                        <div class="row-actions">
                          <button
                            type="button"
                            class="secondary outline"
                            aria-label={`Open ${club.name}`}
                            onClick={() => open(club)}
                          >
                            Open
                          </button>
                          <button
                            type="button"
                            class="secondary"
                            aria-label={`${club.hidden ? 'Unhide' : 'Hide'} ${club.name}`}
                            disabled={action.busy}
                            onClick={() => setHidden(club, !club.hidden)}
                          >
                            {club.hidden ? 'Unhide' : 'Hide'}
                          </button>
                          <button
                            type="button"
                            class="contrast outline"
                            aria-label={`Delete ${club.name}`}
                            onClick={() => setToDelete(club)}
                          >
                            Delete
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
            <p>
              <small>{value.length} clubs</small>
            </p>
          </div>
        )}
      </Part>
      {toDelete && (
        <ConfirmDialog
          title={`Delete ${toDelete.name}?`}
          confirmLabel="Delete club"
          busy={action.busy}
          onConfirm={confirmDelete}
          onCancel={() => setToDelete(undefined)}
        >
          <p>
            The club, its page, events and pictures, and its officer's account ({toDelete.email}) are deleted.
            This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
