import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SesEmulator {
  /** Its base URL: SES_ENDPOINT for the mailer, DEV_MAIL_URL for the gateway (`GET /store`). */
  url: string;
  close(): Promise<void>;
}

/**
 * aws-ses-v2-local in this process, for the embedded mode, `npm run stack` and tests: it accepts SES's
 * SendEmail/SendRawEmail and keeps what it got in memory (one store per process, whatever the number of
 * servers). Imported on call, so that loading the mailer does not load the emulator.
 */
export async function startSesEmulator(host = '127.0.0.1', port = 0): Promise<SesEmulator> {
  const module = (await import('aws-ses-v2-local')) as unknown as { default: unknown };
  const start = unwrapDefault(module) as (config: { host: string; port: number }) => Promise<Server>;
  const server = await start({ host, port });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// A CommonJS module's `exports.default` arrives as `default.default` through ESM interop.
const unwrapDefault = (module: { default: unknown }) => {
  const first = module.default as { default?: unknown } | ((...args: never[]) => unknown);
  return typeof first === 'function' ? first : first.default;
};
