// How a command reaches the running `npm start` that owns the embedded data (it cannot open the
// data itself: one process at a time, see libs/common/src/db/data-dir-lock.ts). The running instance
// listens on a loopback port with a random token, both written to a file readable by its user only,
// beside the data; whoever can read that file could open the data directory anyway.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const controlFileOf = (dataDir: string) => path.resolve(dataDir, 'embedded.control.json');

const adminRequest = z.object({ email: z.email(), password: z.string().min(8).max(256) });

export interface ControlActions {
  /** Creates (or resets) an admin; answers `created` or `updated`. */
  createAdmin(email: string, password: string): Promise<string>;
}

/** Opens the channel in the process that owns the data; `close` removes it. */
export async function openControlChannel(dataDir: string, actions: ControlActions) {
  const token = randomBytes(32).toString('base64url');
  const server = createServer(async (req, res) => {
    const answer = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    try {
      if (!hasToken(req, token)) return answer(401, envelope('Missing or wrong control token'));
      if (req.method !== 'POST' || req.url !== '/admin-accounts') return answer(404, envelope('Not found'));
      const parsed = adminRequest.safeParse(await readJson(req));
      if (!parsed.success) return answer(400, envelope('Expected {email, password}', parsed.error.issues));
      const outcome = await actions.createAdmin(parsed.data.email, parsed.data.password);
      answer(200, { status: 'success', outcome });
    } catch (error) {
      answer(409, envelope((error as Error).message));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const file = controlFileOf(dataDir);
  writeFileSync(file, JSON.stringify({ pid: process.pid, url, token }), { mode: 0o600 });
  return {
    async close() {
      rmSync(file, { force: true });
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Asks the running instance `ownerPid` to create an admin. Undefined when that process offers no
 * channel (it is not `npm start`, e.g. another admin:create or a seed run).
 */
export async function createAdminThroughRunningInstance(
  dataDir: string,
  ownerPid: number,
  email: string,
  password: string,
): Promise<string | undefined> {
  let channel: { pid: number; url: string; token: string };
  try {
    channel = JSON.parse(readFileSync(controlFileOf(dataDir), 'utf8'));
  } catch {
    return undefined;
  }
  if (channel.pid !== ownerPid) return undefined;
  const res = await fetch(`${channel.url}/admin-accounts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${channel.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await res.json()) as { outcome?: string; reason?: string };
  if (!res.ok || !body.outcome) throw new Error(body.reason ?? `the running instance answered ${res.status}`);
  return body.outcome;
}

const envelope = (reason: string, data: unknown = null) => ({ status: 'error', reason, data });

function hasToken(req: IncomingMessage, token: string) {
  const given = Buffer.from(req.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 10_000) return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
