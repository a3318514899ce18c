import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';
import { createSigV4Check, type Refusal, type StoreCredentials } from './sigv4-check.js';

export interface EmbeddedS3Options {
  /** Where s3rver keeps buckets and objects (under DATA_DIR in the embedded mode). */
  directory: string;
  /** Loopback port of the store's public face; 0 picks a free one. */
  port?: number;
  /** Key prefixes anyone may read, as the bucket policy the media service sets on a real S3 says. */
  publicPrefixes?: string[];
  credentials?: StoreCredentials;
  region?: string;
}

export interface EmbeddedS3 {
  url: string;
  region: string;
  credentials: StoreCredentials;
  stop(): Promise<void>;
}

function refuse(res: ServerResponse, status: number, { code, message }: Refusal) {
  res.writeHead(status, { 'content-type': 'application/xml', 'access-control-allow-origin': '*' });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  );
}

/**
 * An S3-compatible store for `npm start`: s3rver (files under `directory`) behind a front that does what
 * s3rver does not and S3 does: it checks every signature (SDK requests and presigned URLs, with their
 * expiry and signed headers such as an upload's length), lets anonymous readers GET only public
 * prefixes, and answers browsers' CORS preflights, so private documents are as private as on S3.
 */
export async function startEmbeddedS3(options: EmbeddedS3Options): Promise<EmbeddedS3> {
  const region = options.region ?? 'us-east-1';
  const credentials = options.credentials ?? {
    accessKeyId: `embedded${randomBytes(6).toString('hex')}`,
    secretAccessKey: randomBytes(24).toString('base64url'),
  };
  const publicPrefixes = options.publicPrefixes ?? ['clubs/'];
  const store = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: options.directory });
  const inner = (await store.run()) as AddressInfo;
  const check = createSigV4Check(credentials, region);

  async function verdict(req: IncomingMessage, url: URL): Promise<Refusal | undefined> {
    if (url.searchParams.has('X-Amz-Signature')) return check.presigned(req.method!, url, req.headers);
    if (req.headers.authorization) return check.headerSigned(req.method!, url, req.headers);
    const key = decodeURIComponent(url.pathname).split('/').slice(2).join('/');
    const readable =
      (req.method === 'GET' || req.method === 'HEAD') && publicPrefixes.some((p) => key.startsWith(p));
    return readable ? undefined : { code: 'AccessDenied', message: 'Access Denied' };
  }

  const front = http.createServer(async (req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-origin': req.headers.origin ?? '*',
        'access-control-allow-methods': 'GET, HEAD, PUT',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type',
        'access-control-max-age': '600',
      });
      return void res.end();
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const refused = await verdict(req, url).catch(
      (): Refusal => ({ code: 'AccessDenied', message: 'Bad request' }),
    );
    if (refused) return refuse(res, 403, refused);
    // Checked here, so s3rver (which knows only its own fixed key) is asked anonymously.
    const { authorization: _checked, ...headers } = req.headers;
    for (const name of [...url.searchParams.keys()]) if (/^x-amz-/i.test(name)) url.searchParams.delete(name);
    const forward = http.request(
      { host: '127.0.0.1', port: inner.port, method: req.method, path: url.pathname + url.search, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'access-control-allow-origin': '*' });
        answer.pipe(res);
      },
    );
    forward.on('error', () => {
      if (!res.headersSent) refuse(res, 502, { code: 'AccessDenied', message: 'Store unavailable' });
      else res.destroy();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => front.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = front.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    region,
    credentials,
    async stop() {
      await new Promise<void>((resolve) => front.close(() => resolve()));
      front.closeAllConnections();
      await store.close();
    },
  };
}
