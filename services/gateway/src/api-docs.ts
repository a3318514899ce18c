import { createRequire } from 'node:module';
import path from 'node:path';
import { mergeApiDocuments } from '@sproul/common/openapi';
import express, { Router } from 'express';

const CACHE_MS = 60_000;

/**
 * `/api/openapi.json`: the services' own documents (each generated from the zod schemas its routes
 * parse with, served at /internal/openapi.json) merged into one; a service that does not answer is
 * left out until it does. `/api/docs`: Swagger UI, served from the package's files, not a CDN.
 */
export function apiDocs(serviceUrls: string[]) {
  const router = Router();
  let cached: { at: number; document: object } | undefined;

  async function document() {
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.document;
    const answers = await Promise.all(
      [...new Set(serviceUrls)].map(async (url) => {
        try {
          const res = await fetch(new URL('/internal/openapi.json', url), {
            signal: AbortSignal.timeout(2_000),
          });
          return res.ok ? ((await res.json()) as Parameters<typeof mergeApiDocuments>[0][number]) : undefined;
        } catch {
          return undefined;
        }
      }),
    );
    const found = answers.filter((answer) => answer !== undefined);
    const merged = mergeApiDocuments(found);
    // Only a complete document is cached; a partial one is rebuilt on the next request.
    if (found.length === answers.length) cached = { at: Date.now(), document: merged };
    return merged;
  }

  router.get('/api/openapi.json', async (_req, res) => {
    res.json(await document());
  });
  // The package's folder, found without loading its 1 MB bundle into the gateway.
  const swaggerUi = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  // The page loads its files relatively, so it must be addressed as a directory. (Express matches
  // /api/docs/ to /api/docs too: look at the original URL.)
  router.get('/api/docs', (req, res, next) => {
    if (req.originalUrl.split('?')[0] === '/api/docs') res.redirect(301, '/api/docs/');
    else next();
  });
  // Groups start collapsed (docExpansion 'none'): with every group open, Swagger UI 5.35 stops rendering
  // after the first few operations once the document passes about 110 paths (ours has more), without
  // an error; collapsed, each group renders in full when opened.
  router.get('/api/docs/swagger-initializer.js', (_req, res) => {
    res
      .type('application/javascript')
      .send(
        `window.onload = () => { window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, docExpansion: 'none', presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' }); };`,
      );
  });
  router.use('/api/docs', express.static(swaggerUi, { index: 'index.html' }));
  return router;
}
