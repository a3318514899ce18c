// `npm run seed [-- --demo]`: seeds the catalog's metadata (tags, sizes, majors, minors, years) and,
// with --demo, the demo clubs. Uses CATALOG_DATABASE_URL or DATABASE_URL (the catalog's database) when
// set, else the embedded data under DATA_DIR; stop `npm start` first then, as the embedded data belongs
// to one process at a time (this refuses while another holds it).
// Clubs already loaded are skipped, so running it twice is harmless.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seedCatalog } from '@sproul/catalog';
import { commonConfigSchema, loadConfig } from '@sproul/common/config';
import { type Database, DataDirLockedError, openPostgres } from '@sproul/common/db';
import { EmbeddedPostgres } from '@sproul/common/db/embedded';

const { values } = parseArgs({ options: { demo: { type: 'boolean', default: false } } });
const config = loadConfig(commonConfigSchema);
const url = process.env.CATALOG_DATABASE_URL || config.DATABASE_URL;

let database: Database;
let close: () => Promise<void>;
if (url) {
  database = await openPostgres({ url, service: 'catalog' });
  close = () => database.close();
} else {
  const embedded = await EmbeddedPostgres.open(path.resolve(config.DATA_DIR, 'embedded')).catch((error) => {
    if (!(error instanceof DataDirLockedError)) throw error;
    process.stderr.write(`seed failed: ${error.message}\n`);
    process.exit(1);
  });
  database = embedded.forService('catalog');
  close = () => embedded.close();
}
try {
  const added = await seedCatalog(database, { zone: config.CAMPUS_TZ, demo: values.demo, databaseUrl: url });
  process.stdout.write(`catalog metadata seeded${values.demo ? `; ${added} demo clubs added` : ''}\n`);
} catch (error) {
  process.stderr.write(`seed failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await close();
}
