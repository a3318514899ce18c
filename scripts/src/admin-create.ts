// `npm run admin:create -- --email admin@campus.edu [--password …]`: creates (or resets) an admin.
// Uses DATABASE_URL (auth's database) when set, else the embedded data under DATA_DIR; stop `npm start`
// first in that case, as PGlite allows one process at a time. Without --password (or ADMIN_PASSWORD)
// a random one is generated and printed once.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAdminAccount } from '@sproul/auth';
import {
  commonConfigSchema,
  type Database,
  EmbeddedPostgres,
  loadConfig,
  openPostgres,
} from '@sproul/common';

const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' } } });
const email = values.email;
if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
  process.stderr.write('usage: npm run admin:create -- --email admin@campus.edu [--password <password>]\n');
  process.exit(2);
}
const generated = !values.password && !process.env.ADMIN_PASSWORD;
const password =
  values.password ?? process.env.ADMIN_PASSWORD ?? `${randomBytes(12).toString('base64url')}-7!`;
const config = loadConfig(commonConfigSchema);

let database: Database;
let close: () => Promise<void>;
if (config.DATABASE_URL) {
  database = await openPostgres({ url: config.DATABASE_URL, service: 'auth' });
  close = () => database.close();
} else {
  const embedded = await EmbeddedPostgres.open(path.resolve(config.DATA_DIR, 'embedded'));
  database = embedded.forService('auth');
  close = () => embedded.close();
}
try {
  const outcome = await createAdminAccount(database, email, password, config.DATABASE_URL);
  process.stdout.write(`admin ${email} ${outcome}${generated ? `; password: ${password}` : ''}\n`);
} catch (error) {
  process.stderr.write(`admin:create failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await close();
}
