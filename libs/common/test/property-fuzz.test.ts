import { afterEach, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../src/http/serve.js';
import { type OpenApiDocument, runPropertyFuzz } from '../src/testing/index.js';

// The property fuzzer itself: against a small server with known bugs, each broken invariant is found,
// shrunk and printed readably; against a well-behaved one, nothing is.
const document: OpenApiDocument = {
  paths: {
    '/api/things/{id}': {
      put: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { name: { type: 'string', maxLength: 20 }, count: { type: 'integer' } },
                required: ['name'],
              },
            },
          },
        },
        responses: { '200': {}, '400': {} },
      },
    },
  },
};

const SECRET = 'the-key-encryption-secret';
let server: RunningServer | undefined;
afterEach(() => server?.close(0));

async function serve(
  answer: (body: string, url: string) => { status: number; text: string; json?: boolean },
) {
  // The platform's listener: a header block over 16 KiB is answered with the envelope, as in the services.
  server = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { status, text, json = true } = answer(Buffer.concat(chunks).toString('utf8'), req.url ?? '');
      res.writeHead(status, { 'content-type': json ? 'application/json' : 'text/html' }).end(text);
    });
  });
  return server.url;
}

const envelope = (reason: string) => JSON.stringify({ status: 'error', reason, data: null });
const fuzz = (baseUrl: string, extra: Partial<Parameters<typeof runPropertyFuzz>[0]> = {}) =>
  runPropertyFuzz({
    baseUrl,
    document,
    requests: 300,
    seed: 42,
    credentials: async () => ({}),
    secrets: [SECRET],
    ...extra,
  });

describe('property fuzzer', () => {
  it('finds nothing to report on a server that refuses bad input with the envelope', async () => {
    const baseUrl = await serve((body) => {
      try {
        const parsed = JSON.parse(body);
        return typeof parsed?.name === 'string'
          ? { status: 200, text: '{}' }
          : { status: 400, text: envelope('bad') };
      } catch {
        return { status: 400, text: envelope('not JSON') };
      }
    });
    const report = await fuzz(baseUrl);
    expect(report.findings).toEqual([]);
    expect(report.requests).toBe(300);
    expect(report.perStatusClass['2xx']).toBeGreaterThan(0);
    expect(report.perStatusClass['4xx']).toBeGreaterThan(0);
  });

  it('finds a 500 with a stack trace on malformed JSON, shrunk to a readable request', async () => {
    const baseUrl = await serve((body) => {
      try {
        JSON.parse(body);
        return { status: 200, text: '{}' };
      } catch (error) {
        return { status: 500, text: `<pre>${(error as Error).stack}</pre>`, json: false };
      }
    });
    const report = await fuzz(baseUrl);
    const signatures = report.findings.map((finding) => finding.signature).sort();
    expect(signatures).toEqual([
      'error envelope PUT /api/things/{id}',
      'no 5xx PUT /api/things/{id}',
      'no stack trace PUT /api/things/{id}',
    ]);
    const finding = report.findings.find((f) => f.signature.startsWith('no 5xx'))!;
    expect(finding.readable).toMatch(
      /^PUT \/api\/things\/\S*\n {2}\(route PUT \/api\/things\/\{id\}; [^;]+; malformed JSON/,
    );
    expect(finding.readable).toContain('content-type: application/json');
  });

  it('finds a secret echoed back in an error and a refused request that changed data', async () => {
    let rows = 0;
    const baseUrl = await serve((body, url) => {
      if (body.includes('<')) return { status: 400, text: envelope(`bad name; secret ${SECRET}`) };
      if (url.includes('%0d%0a') || url.includes('%0D%0A')) rows++;
      return url.includes('%0') ? { status: 400, text: envelope('bad id') } : { status: 200, text: '{}' };
    });
    let before = 0;
    const report = await fuzz(baseUrl, {
      requests: 600,
      data: {
        before: async () => {
          before = rows;
        },
        after: async (rejected) => (rejected && rows !== before ? ['things.rows'] : []),
      },
    });
    const signatures = report.findings.map((finding) => finding.signature);
    expect(signatures).toContain('no secret PUT /api/things/{id}');
    expect(signatures).toContain('no data change PUT /api/things/{id}');
    const secret = report.findings.find((f) => f.signature.startsWith('no secret'))!;
    expect(secret.violations[0]!.detail).not.toContain(SECRET);
  });
});
