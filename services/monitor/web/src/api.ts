// Every request the app makes goes through here, to the gateway that served it (same origin, so no
// CORS and no other host), with the admin's access token; a 401 renews it once with the refresh token.

const STORAGE_KEY = 'sproul-admin.session';

export interface Session {
  access: string;
  refresh: string;
}

/** An error answer: `reason` is what the service said (`{"status":"error","reason","data"}`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const listeners = new Set<(session: Session | undefined) => void>();

/** Why the last session ended without the admin signing out, for the sign-in page to say. */
export let endedBecause: string | undefined;

export const session = {
  current(): Session | undefined {
    try {
      const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
      return stored?.access && stored.refresh ? stored : undefined;
    } catch {
      return undefined;
    }
  },
  save(next: Session | undefined) {
    if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else localStorage.removeItem(STORAGE_KEY);
    for (const listener of listeners) listener(next);
  },
  /** Called with the new session on sign-in and with undefined on sign-out or a failed renewal. */
  subscribe(listener: (session: Session | undefined) => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

interface RequestOptions {
  method?: string;
  body?: unknown;
}

function send(path: string, { method = 'GET', body }: RequestOptions, token?: string) {
  const headers: Record<string, string> = { accept: 'application/json, text/csv' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function read<T>(res: Response): Promise<T> {
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  const body: unknown = isJson ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    const reason = (body as { reason?: unknown } | null)?.reason;
    throw new ApiError(res.status, typeof reason === 'string' ? reason : `${res.status} ${res.statusText}`);
  }
  return body as T;
}

// Requests that fail together renew the token once, together.
let renewal: Promise<string | undefined> | undefined;

function renew(current: Session): Promise<string | undefined> {
  renewal ??= send('/api/monitor/refresh', { method: 'POST', body: {} }, current.refresh)
    .then((res) => read<{ access: string }>(res))
    .then(
      ({ access }) => {
        session.save({ ...current, access });
        return access;
      },
      () => undefined,
    )
    .finally(() => {
      renewal = undefined;
    });
  return renewal;
}

/** A request as the signed-in admin; without a session, or when it cannot be renewed, signs out. */
export async function api<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
  const current = session.current();
  if (!current) throw new ApiError(401, 'Sign in first.');
  let res = await send(path, options, current.access);
  if (res.status === 401) {
    const access = await renew(current);
    if (!access) {
      endedBecause = 'Your session has ended: sign in again.';
      session.save(undefined);
      throw new ApiError(401, endedBecause);
    }
    res = await send(path, options, access);
  }
  return read<T>(res);
}

/** A public route (the catalog), without a token. */
export const publicApi = async <T = unknown>(path: string): Promise<T> => read<T>(await send(path, {}));

export async function signIn(email: string, password: string) {
  const answer = await read<Session>(
    await send('/api/monitor/login', { method: 'POST', body: { email, password } }),
  );
  endedBecause = undefined;
  session.save({ access: answer.access, refresh: answer.refresh });
}

/** Revokes both tokens (best effort: the session ends here whatever the server says). */
export async function signOut() {
  const current = session.current();
  session.save(undefined);
  if (!current) return;
  await Promise.allSettled([
    send('/api/monitor/revoke-access', { method: 'DELETE' }, current.access),
    send('/api/monitor/revoke-refresh', { method: 'DELETE' }, current.refresh),
  ]);
}

/** Fetches a CSV route and hands it to the browser as a download named `filename`. */
export async function downloadCsv(path: string, filename: string) {
  const csv = await api<string>(path);
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  // The click has handed the blob to the download by the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
