import {
  type BootOptions,
  bootService,
  eventually,
  type Storage,
  type TokenIssuer,
} from '@sproul/common/testing';
import { clubRepository, type NewClub } from '../src/data-access/club-repository.js';
import { catalogService } from '../src/index.js';
import { publishedSoFar } from './catalog-settled.js';

/**
 * One catalog service on an ephemeral port, as `npm start` composes it (no demo clubs), with every
 * event it publishes recorded. Several on one PostgreSQL storage are replicas.
 */
export async function startCatalog(
  auth: TokenIssuer,
  storage: Storage,
  config: Record<string, string> = {},
  options: Pick<BootOptions, 'clock'> = {},
) {
  const catalog = await bootService(catalogService, {
    storage,
    config: { SEED_DEMO: '0', AUTH_URL: auth.url, RECRUITING_CHECK_INTERVAL_MS: '60000', ...config },
    ...options,
  });
  const { db, events } = catalog;

  return {
    ...catalog,
    /**
     * Waits until the latest recorded event of a type passes `check` (events leave through the outbox
     * relay just after the commit), and answers its data.
     */
    latest: <T = Record<string, unknown>>(type: string, check: (data: T) => boolean) =>
      eventually(() => {
        const data = events.filter((event) => event.type === type).at(-1)?.data as T | undefined;
        return data !== undefined && check(data) ? data : undefined;
      }),
    /** Every event committed so far is recorded (see catalog-settled.ts). */
    publishedSoFar: () => publishedSoFar(catalog),
    /** A club straight into the catalog's table, as the UserRegistered handler would leave it. */
    async addClub(club: Partial<NewClub> & { name: string; ownerEmail: string }) {
      const slug = club.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const row = await clubRepository(db).insert({
        ownerUserId: crypto.randomUUID(),
        linkName: `${slug}-${crypto.randomUUID().slice(0, 6)}`,
        tags: [0],
        confirmed: true,
        ...club,
      });
      if (!row) throw new Error('club not inserted');
      return row;
    },
  };
}

export type CatalogHarness = Awaited<ReturnType<typeof startCatalog>>;

export { fetchJson as call } from '@sproul/common/testing';
