import { clubRepository } from '../data-access/club-repository.js';
import type { CatalogContext } from '../domain/catalog-context.js';
import { demoClubsAvailable, loadDemoClubs } from './load-demo-clubs.js';

/** A newcomer's first `npm start` shows a living catalog: the demo clubs, when the catalog is empty. */
export async function seedDemoCatalogOnFirstStart(
  ctx: Pick<CatalogContext, 'db' | 'outbox' | 'config' | 'logger'>,
) {
  if (!demoClubsAvailable() || (await clubRepository(ctx.db).any())) return;
  const started = Date.now();
  const added = await loadDemoClubs(ctx.outbox, ctx.config.CAMPUS_TZ);
  ctx.logger.info({ clubs: added, ms: Date.now() - started }, 'demo clubs loaded (SEED_DEMO=0 skips them)');
}
