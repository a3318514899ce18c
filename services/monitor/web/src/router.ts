import { useEffect, useState } from 'preact/hooks';

// The app lives under /admin; the monitor answers every path there with index.html (deep links).
export const BASE = '/admin';

export function navigate(to: string) {
  if (to === location.pathname) return;
  history.pushState(null, '', to);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** The current path under /admin (`/`, `/clubs`, …), following links and the back button. */
export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const follow = () => setPath(location.pathname);
    addEventListener('popstate', follow);
    return () => removeEventListener('popstate', follow);
  }, []);
  const under = path.startsWith(BASE) ? path.slice(BASE.length) : path;
  return under.replace(/\/+$/, '') || '/';
}

/** For an `<a href>` inside the app: navigates without reloading (a modified click opens a tab as usual). */
export function followLink(event: MouseEvent) {
  const link = event.currentTarget as HTMLAnchorElement;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(link.pathname);
}
