import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm run stack` is a developer's run against local servers: when `KEY_ENCRYPTION_SECRET` is unset it
 * uses one of its own, made once and kept (owner-only) under `DATA_DIR/stack/`, so that the keys auth
 * sealed with it open again on the next run. Auth itself still refuses to start without the variable:
 * a deployment (containers, a service on its own) must set it.
 */
export function developmentKeySecret(dataDir: string): { secret: string; file: string; created: boolean } {
  const file = path.resolve(dataDir, 'stack', 'key-encryption-secret');
  if (existsSync(file)) return { secret: readFileSync(file, 'utf8').trim(), file, created: false };
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return { secret, file, created: true };
}
