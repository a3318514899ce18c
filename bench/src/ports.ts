import { createServer } from 'node:net';

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * A port free right now on loopback, for a process the benchmark is about to start: below Linux's
 * ephemeral range (32768+), so that none of the many outgoing connections a run opens is given it
 * before the process binds it (or binds it again, as bench:catalog's restarted recommender does).
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    if (await isFree(port)) return port;
  }
  throw new Error('no free port found below the ephemeral range');
}
