// @ts-expect-error: plain ESM script without type declarations
import { buildAll } from '../scripts/build.mjs';

export default async function setup() {
  // Child-process tests run the built dist/ (as npm start does): build whatever is stale first. The
  // build also makes the new-cluster template (once per install) that every embedded database a test
  // opens starts from instead of running initdb (seconds each, in a hundred files):
  // EmbeddedPostgres.open's default.
  await buildAll();
}
