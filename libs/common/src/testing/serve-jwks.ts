import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Serves `jwks` as JSON on every path of a local port (the test issuer's `/.well-known/jwks.json`). */
export async function serveJwks(jwks: unknown) {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
