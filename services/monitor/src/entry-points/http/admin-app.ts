import { fileURLToPath } from 'node:url';
import { AppError, notFound } from '@sproul/common/errors';
import { defineRoute } from '@sproul/common/service';
import type { Response } from 'express';
import { z } from 'zod';

/** Where `scripts/build.mjs` puts the bundled admin web app (services/monitor/web). */
export const WEB_ROOT = fileURLToPath(new URL('../../../dist-web', import.meta.url));

const TAG = 'Admin web app';

// Stricter than helmet's default: the app has no inline script or style and calls only its own origin.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join(';');

const notBuilt = () =>
  new AppError(
    'MONITOR.ADMIN_APP_NOT_BUILT',
    503,
    'The admin web app is not built: run `node scripts/build.mjs`.',
  );

/** Sends a built file; ENOENT on index.html means no build, on anything else a wrong URL. */
function sendBuilt(
  res: Response,
  root: string,
  file: string,
  cache: 'revalidate' | 'immutable',
): Promise<void> {
  res.setHeader('Content-Security-Policy', CSP);
  return new Promise((resolve, reject) => {
    res.sendFile(
      file,
      {
        root,
        dotfiles: 'deny',
        // index.html names the hashed assets: always revalidated (ETag); the assets never change.
        ...(cache === 'immutable'
          ? { maxAge: '365d', immutable: true }
          : { cacheControl: false, headers: { 'Cache-Control': 'no-cache' } }),
      },
      (error?: Error & { status?: number }) => {
        if (!error) resolve();
        else if (res.headersSent)
          resolve(); // the client went away mid-file
        else if (error.status === 404) reject(file === 'index.html' ? notBuilt() : notFound('No such file'));
        else reject(error);
      },
    );
  });
}

const page = z.object({ page: z.string().max(100) });
const asset = z.object({
  file: z
    .string()
    .regex(/^[\w-][\w.-]*$/, 'a file name')
    .max(200),
});
const html = { 200: { description: 'The app (index.html)', schema: z.string(), contentType: 'text/html' } };

/**
 * `/admin`: the admin web app's static files (from `root`). The app routes in the browser, so every
 * page path (`/admin/clubs`) answers index.html; only `/admin/assets/*` are files, named by content hash.
 */
export const adminAppRoutes = (root = WEB_ROOT) => [
  defineRoute(
    { method: 'get', path: '/admin', tag: TAG, summary: 'The admin web app', responses: html, errors: [503] },
    ({ res }) => sendBuilt(res, root, 'index.html', 'revalidate'),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/admin/assets/:file',
      tag: TAG,
      summary: "The app's scripts and styles (hashed names, cached for good)",
      params: asset,
      responses: { 200: { description: 'A file', schema: z.string() } },
      errors: [404],
    },
    ({ res, params }) => sendBuilt(res, root, `assets/${params.file}`, 'immutable'),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/admin/:page',
      tag: TAG,
      summary: 'A page of the app (a deep link): index.html',
      params: page,
      responses: html,
      errors: [404, 503],
    },
    ({ res, params }) => {
      // A file name here is a wrong URL, not a page (only index.html sits at the top).
      if (params.page.includes('.') && params.page !== 'index.html') throw notFound('No such file');
      return sendBuilt(res, root, 'index.html', 'revalidate');
    },
  ),
];
