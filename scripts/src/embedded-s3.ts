// An S3-compatible server in this process (s3rver), files under a directory: what `npm start` and
// tests give the media service so that uploads work with no set-up. It checks no signature or length.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import S3rver from 's3rver';

export interface EmbeddedS3 {
  endpoint: string;
  /** What the media service reads to use it (s3rver takes any keys; the SDK needs some). */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** s3rver reports a taken port as an unhandled 'error' event, so the port is tried first. */
const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

/**
 * `port` 0 picks a free one. With `keepPort`, the port is kept beside the directory and asked for
 * again at the next start: stored image URLs name it, so they keep loading after a restart (unless
 * another process took it meanwhile; then a free one is used).
 */
export async function startEmbeddedS3(directory: string, port = 0, keepPort = false): Promise<EmbeddedS3> {
  mkdirSync(directory, { recursive: true });
  const portFile = `${directory}.port`;
  const kept = keepPort && existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : 0;
  const chosen = kept && (await isFree(kept)) ? kept : port;
  const server = new S3rver({ address: '127.0.0.1', port: chosen, directory, silent: true });
  const address = await server.run();
  if (keepPort) writeFileSync(portFile, String(address.port));
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    env: { S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' },
    async close() {
      server.httpServer?.closeAllConnections();
      await server.close();
    },
  };
}
