import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An SES error answer as the Query API sends it. */
export type Fault = { status: number; code: string };

export const THROTTLED: Fault = { status: 400, code: 'Throttling' };
export const SERVER_ERROR: Fault = { status: 500, code: 'InternalFailure' };
export const REJECTED: Fault = { status: 400, code: 'MessageRejected' };
/** Never answers (status 0): the mailer's timeout must. */
export const HANGING: Fault = { status: 0, code: 'hang' };

/**
 * A tiny HTTP front before the SES emulator: sends (POST /) answer the queued faults first, then pass
 * through; everything else (GET /store) always passes. Counts the sends it saw.
 */
export async function faultFront(target: string) {
  const faults: Fault[] = [];
  let sends = 0;
  const server = createServer((req, res) => {
    const isSend = req.method === 'POST';
    if (isSend) sends++;
    const fault = isSend ? faults.shift() : undefined;
    if (fault?.status === 0) return void req.resume();
    if (fault) {
      req.resume();
      res.writeHead(fault.status, { 'content-type': 'text/xml' });
      res.end(
        `<ErrorResponse><Error><Type>Sender</Type><Code>${fault.code}</Code><Message>injected ${fault.code}</Message></Error><RequestId>x</RequestId></ErrorResponse>`,
      );
      return;
    }
    const upstream = request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    inject: (...next: Fault[]) => faults.push(...next),
    sends: () => sends,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
