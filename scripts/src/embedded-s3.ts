// An S3-compatible store in this process (s3rver behind a front that checks signatures like S3, files
// under a directory): what `npm start` and the stack's `s3` process give the media service, so that
// uploads work with no set-up.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { startEmbeddedS3 as startStore } from '@sproul/media/dev-store';

export interface EmbeddedS3 {
  endpoint: string;
  /** What the media service reads to use it: where it is and the keys it checks signatures with. */
  env: Record<string, string>;
  close(): Promise<void>;
}

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

/**
 * `port` 0 picks a free one. With `keepPort`, the port is kept beside the directory and asked for
 * again at the next start: stored image URLs name it, so they keep loading after a restart (unless
 * another process took it meanwhile; then a free one is used). Keys are the given ones (the stack
 * hands the same to media) or new random ones for this process's life.
 */
export async function startEmbeddedS3(
  directory: string,
  port = 0,
  keepPort = false,
  credentials?: { accessKeyId: string; secretAccessKey: string },
): Promise<EmbeddedS3> {
  mkdirSync(directory, { recursive: true });
  const portFile = `${directory}.port`;
  const kept = keepPort && existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : 0;
  const chosen = kept && (await isFree(kept)) ? kept : port;
  const store = await startStore({ directory, port: chosen, credentials });
  if (keepPort) writeFileSync(portFile, new URL(store.url).port);
  return {
    endpoint: store.url,
    env: {
      S3_ENDPOINT: store.url,
      S3_REGION: store.region,
      S3_ACCESS_KEY_ID: store.credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: store.credentials.secretAccessKey,
    },
    close: () => store.stop(),
  };
}
