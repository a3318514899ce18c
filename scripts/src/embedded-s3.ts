// An S3-compatible server in this process (s3rver), files under a directory: what `npm start` and
// tests give the media service so that uploads work with no set-up. It checks no signature or length.
import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';

export interface EmbeddedS3 {
  endpoint: string;
  /** What the media service reads to use it (s3rver takes any keys; the SDK needs some). */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startEmbeddedS3(directory: string, port = 0): Promise<EmbeddedS3> {
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({ address: '127.0.0.1', port, directory, silent: true });
  const address = await server.run();
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
