import { useEffect, useState } from 'preact/hooks';
import { session, signOut } from './api.js';
import { BusPage } from './pages/bus.js';
import { ClubsPage } from './pages/clubs.js';
import { OverviewPage } from './pages/overview.js';
import { RsoPage } from './pages/rso.js';
import { SignInPage } from './pages/sign-in.js';
import { TagsPage } from './pages/tags.js';
import { BASE, followLink, usePath } from './router.js';

const PAGES = [
  { path: '/', label: 'Overview', page: OverviewPage },
  { path: '/rso', label: 'RSO list', page: RsoPage },
  { path: '/clubs', label: 'Clubs', page: ClubsPage },
  { path: '/tags', label: 'Tags', page: TagsPage },
  { path: '/bus', label: 'Event bus', page: BusPage },
];

function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        <a href={`${BASE}/`} onClick={followLink}>
          Back to the overview
        </a>
      </p>
    </section>
  );
}

export function App() {
  const [signedIn, setSignedIn] = useState(() => session.current() !== undefined);
  const path = usePath();
  useEffect(() => session.subscribe((next) => setSignedIn(next !== undefined)), []);

  const current = PAGES.find((page) => page.path === path);
  useEffect(() => {
    document.title = signedIn
      ? `${current?.label ?? 'Not found'} · sproul.club admin`
      : 'Sign in · sproul.club admin';
  }, [current, signedIn]);

  if (!signedIn) return <SignInPage />;
  const Page = current?.page ?? NotFound;
  return (
    <>
      <header class="container bar">
        <nav aria-label="Admin pages">
          <ul>
            <li>
              <strong>sproul.club admin</strong>
            </li>
          </ul>
          <ul>
            {PAGES.map((page) => (
              <li key={page.path}>
                <a
                  href={`${BASE}${page.path === '/' ? '/' : page.path}`}
                  aria-current={page === current ? 'page' : undefined}
                  onClick={followLink}
                >
                  {page.label}
                </a>
              </li>
            ))}
            <li>
              <button type="button" class="secondary outline" onClick={() => void signOut()}>
                Sign out
              </button>
            </li>
          </ul>
        </nav>
      </header>
      <main class="container">
        <Page key={path} />
      </main>
    </>
  );
}
