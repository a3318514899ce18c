import { createServer } from 'node:net';

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * `count` consecutive loopback ports free right now, below Linux's ephemeral range (32768+): a process
 * started with them binds seconds later, and in between any outgoing connection (of this run or a
 * concurrent one) may be given a port from the ephemeral range, never one of these (EADDRINUSE in CI).
 */
export async function freePortRange(count: number): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 10_000);
    const ports = Array.from({ length: count }, (_, i) => base + i);
    if ((await Promise.all(ports.map(isFree))).every(Boolean)) return base;
  }
  throw new Error(`no ${count} consecutive free ports found below the ephemeral range`);
}

/** One such port. */
export const freePort = () => freePortRange(1);
