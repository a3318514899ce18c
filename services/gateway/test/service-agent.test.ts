import { once } from 'node:events';
import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceAgent } from '../src/service-agent.js';

/**
 * A service that closes idle connections after 2 s, as it tells its clients (`Keep-Alive: timeout=2`),
 * and answers /slow after 1.5 s, /fast at once, /hang never.
 */
async function shortKeepAliveService() {
  const connections: Socket[] = [];
  const closed = new Set<Socket>();
  /** Connections whose idle timer ran out on the service's side (its 2-s keep-alive), not the client's. */
  const expired = new Set<Socket>();
  const server = createServer((req, res) => {
    if (req.url === '/hang') return;
    const answer = () => res.end('ok');
    if (req.url === '/slow') setTimeout(answer, 1_500);
    else answer();
  });
  server.keepAliveTimeout = 2_000;
  server.on('connection', (socket: Socket) => {
    connections.push(socket);
    socket.on('timeout', () => expired.add(socket));
    socket.on('close', () => closed.add(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, connections, closed, expired, port: (server.address() as AddressInfo).port };
}

function get(agent: ServiceAgent, port: number, path: string, carried?: IncomingMessage) {
  return new Promise<{ status?: number; error?: NodeJS.ErrnoException }>((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode }));
    });
    if (carried) req.on('socket', (socket) => ServiceAgent.carry(socket as Socket, carried));
    req.on('error', (error) => resolve({ error }));
    req.end();
  });
}

describe('the agent behind a service proxy', () => {
  let service: Awaited<ReturnType<typeof shortKeepAliveService>>;
  beforeAll(async () => {
    service = await shortKeepAliveService();
  });
  afterAll(async () => {
    service.server.closeAllConnections();
    await new Promise((resolve) => (service.server as Server).close(resolve));
  });

  it('cuts a request idle past the route timeout, and says which client request it carried', async () => {
    const timedOut: IncomingMessage[] = [];
    const agent = new ServiceAgent(300, (req) => timedOut.push(req));
    const client = { url: '/api/user/hang' } as IncomingMessage;
    const started = Date.now();
    const { error } = await get(agent, service.port, '/hang', client);
    expect(error?.code).toBe('ECONNRESET');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(timedOut).toEqual([client]);
    agent.destroy();
  });

  it('gives a request on a reused connection the whole route timeout, whatever Keep-Alive the service announced', async () => {
    // node's own `timeout` option shortens a pooled socket's timer to the service's Keep-Alive hint less
    // a second (here 1 s) and leaves it so for the socket's next request: a 1.5-s answer was cut.
    const timedOut: IncomingMessage[] = [];
    const agent = new ServiceAgent(3_000, (req) => timedOut.push(req));
    expect((await get(agent, service.port, '/fast')).status).toBe(200);
    const { status } = await get(agent, service.port, '/slow', {} as IncomingMessage);
    expect(status).toBe(200);
    expect(timedOut).toEqual([]);
    agent.destroy();
  });

  it('lets an unused pooled connection go after the timeout', async () => {
    const agent = new ServiceAgent(300, () => {});
    expect((await get(agent, service.port, '/fast')).status).toBe(200);
    const connection = service.connections.at(-1)!;
    expect(service.closed.has(connection)).toBe(false);
    await eventually(() => service.closed.has(connection), 10_000);
    // Closed from the agent's side: the service's own 2-s keep-alive timer never ran out.
    expect(service.expired.has(connection)).toBe(false);
    expect(service.closed.has(connection)).toBe(true);
    agent.destroy();
  });
});
