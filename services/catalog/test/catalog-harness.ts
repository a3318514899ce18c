import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AUDIENCE, ISSUER, type Role } from '@sproul/common/auth';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { clubEventRepository, type NewClubEvent } from '../src/data-access/club-event-repository.js';
import type { Club, NewClub } from '../src/data-access/club-repository.js';
import { clubs } from '../src/data-access/schema.js';
import { bootCatalog, openStorage, type Storage } from './boot-catalog.js';

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** Auth's public keys at /.well-known/jwks.json, and access tokens signed as auth signs them. */
export async function fakeAuth() {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'catalog-test', alg: 'ES256' }] };
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(jwks));
  });
  const url = await listen(server);
  return {
    url,
    token: (
      role: Role,
      options: { sub?: string; email?: string; expiresIn?: string; confirmed?: boolean; club?: string } = {},
    ) =>
      new SignJWT({
        role,
        email: options.email ?? `${role}@berkeley.edu`,
        confirmed: options.confirmed ?? true,
        club: options.club ?? null,
        sid: crypto.randomUUID(),
        token_use: 'access',
      })
        .setProtectedHeader({ alg: 'ES256', kid: 'catalog-test' })
        .setSubject(options.sub ?? crypto.randomUUID())
        .setJti(crypto.randomUUID())
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
        .setExpirationTime(options.expiresIn ?? '30m')
        .sign(privateKey),
    close: () => closeServer(server),
  };
}

/** How the stand-in recommender answers `/internal/similar/:link`. */
export type RecommenderMode = { answer: unknown } | 'failing' | 'hanging';

async function fakeRecommender() {
  let mode: RecommenderMode = 'failing';
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (mode === 'hanging') return; // never answers: the catalog's timeout must
    if (mode === 'failing') {
      res.statusCode = 503;
      res.end('{}');
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(mode.answer));
  });
  const url = await listen(server);
  return {
    url,
    requests,
    set: (next: RecommenderMode) => {
      mode = next;
    },
    close: () => closeServer(server),
  };
}

let counter = 0;

/** PGlite in memory (what `npm start` runs), or a fresh database on the local PostgreSQL server. */
export type CatalogStorage = Storage['kind'];

/** The catalog on an in-process bus, with stand-ins for auth and the recommender. */
export async function startCatalogHarness(
  env: Record<string, string> = {},
  storage: CatalogStorage = 'embedded',
) {
  const auth = await fakeAuth();
  const recommender = await fakeRecommender();
  const { storage: store, close: closeStorage } = await openStorage(storage);
  const catalog = await bootCatalog(store, {
    AUTH_URL: auth.url,
    RECOMMENDER_URL: recommender.url,
    RECOMMENDER_TIMEOUT_MS: '200',
    // The recruiting scheduler would rewrite new_members under the tests' feet.
    RECRUITING_CHECK_INTERVAL_MS: '0',
    ...env,
  });
  const { db } = catalog;

  return {
    ...catalog,
    auth,
    recommender,
    /** Visible clubs straight into the table (fast: a few hundred in one statement). */
    async addClubs(drafts: (Partial<NewClub> & { name: string })[]): Promise<Club[]> {
      if (drafts.length === 0) return [];
      return db
        .insert(clubs)
        .values(
          drafts.map((draft) => {
            counter += 1;
            return {
              ownerUserId: `test-owner-${counter}`,
              ownerEmail: `owner${counter}@berkeley.edu`,
              linkName: `${draft.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${counter}`,
              confirmed: true,
              ...draft,
            };
          }),
        )
        .returning();
    },
    async addClub(draft: Partial<NewClub> & { name: string }): Promise<Club> {
      const [club] = await this.addClubs([draft]);
      return club as Club;
    },
    addEvents: (clubId: string, kind: 'event' | 'recruiting', list: NewClubEvent[]) =>
      clubEventRepository(db).addMany(clubId, kind, list),
    async close() {
      await catalog.close();
      await closeStorage();
      await auth.close();
      await recommender.close();
    },
  };
}

export type FakeAuth = Awaited<ReturnType<typeof fakeAuth>>;

export type CatalogHarness = Awaited<ReturnType<typeof startCatalogHarness>>;

/** A request; answers status, body (parsed when JSON) and headers, without following redirects. */
export { send as call } from './json-request.js';
