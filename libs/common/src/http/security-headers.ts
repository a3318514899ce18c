import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/** The middleware every service's express app runs (create-app.ts), with its defaults. */
export const securityHeadersMiddleware = () => helmet();

/**
 * The headers that middleware sets, as name/value pairs, for answers written without express (a
 * service's fast lane): the same headers whichever way an answer goes out. Helmet's defaults depend
 * on nothing in the request, so they are read once, from a run on a stand-in response.
 */
export function securityHeaders(): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
  };
  securityHeadersMiddleware()(
    { headers: {}, method: 'GET', url: '/' } as IncomingMessage,
    response as unknown as ServerResponse,
    () => {},
  );
  return headers;
}
