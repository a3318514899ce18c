// Child-process tests run the built dist/ (as npm start does): build whatever is stale first.
// @ts-expect-error: plain ESM script without type declarations
import { buildAll } from '../scripts/build.mjs';

export default async function setup() {
  await buildAll();
}
