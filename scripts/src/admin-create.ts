// `npm run admin:create -- --email admin@campus.edu [--password …]`: creates (or resets) an admin.
// Uses DATABASE_URL (auth's database) when set, else the embedded data under DATA_DIR. The embedded
// data belongs to one process at a time: while `npm start` runs, the account is created by that
// process (through its control channel); while another command holds the data, this one refuses.
// Without --password (or ADMIN_PASSWORD) a random one is generated and printed once.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAdminAccount } from '@sproul/auth';
import { commonConfigSchema, loadConfig } from '@sproul/common/config';
import { type Database, DataDirLockedError, openPostgres } from '@sproul/common/db';
import { EmbeddedPostgres } from '@sproul/common/db/embedded';
import { createAdminThroughRunningInstance } from './control-channel.js';

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
const report = (outcome: string) =>
  process.stdout.write(`admin ${email} ${outcome}${generated ? `; password: ${password}` : ''}\n`);
const fail = (message: string): never => {
  process.stderr.write(`admin:create failed: ${message}\n`);
  process.exit(1);
};

let database: Database;
let close: () => Promise<void>;
if (config.DATABASE_URL) {
  database = await openPostgres({ url: config.DATABASE_URL, service: 'auth' });
  close = () => database.close();
} else {
  let embedded: EmbeddedPostgres;
  try {
    embedded = await EmbeddedPostgres.open(path.resolve(config.DATA_DIR, 'embedded'));
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    const outcome = await createAdminThroughRunningInstance(
      config.DATA_DIR,
      error.owner.pid,
      email,
      password,
    ).catch((cause: Error) => fail(`the running instance refused: ${cause.message}`));
    if (!outcome) fail(error.message);
    report(`${outcome} (by the running instance, process ${error.owner.pid})`);
    process.exit(0);
  }
  database = embedded.forService('auth');
  close = () => embedded.close();
}
try {
  report(await createAdminAccount(database, email, password, config.DATABASE_URL));
} catch (error) {
  process.stderr.write(`admin:create failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await close();
}
