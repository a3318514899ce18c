import {
  openStorage,
  type Storage,
  storageKinds,
  type TokenIssuer,
  tokenIssuer,
} from '@sproul/common/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clubFaq, clubs } from '../src/data-access/schema.js';
import { type CatalogHarness, call, startCatalog } from './monitor-harness.js';

describe.each(await storageKinds())('the admin dashboard club page (/api/monitor/club) (%s)', (kind) => {
  let auth: TokenIssuer;
  let storage: Storage;
  let closeStorage: () => Promise<void>;
  let catalog: CatalogHarness;
  let admin: string;

  beforeAll(async () => {
    auth = await tokenIssuer();
    ({ storage, close: closeStorage } = await openStorage(kind));
    catalog = await startCatalog(auth, storage);
    admin = await auth.token('admin');
    await catalog.addClub({ name: 'Robotics Club', ownerEmail: 'robots@berkeley.edu' });
    await catalog.addClub({ name: 'astronomy society', ownerEmail: 'stars@berkeley.edu', confirmed: false });
    await catalog.addClub({ name: 'Chess, Go & More', ownerEmail: 'chess@berkeley.edu', reactivated: false });
    await catalog.addClub({ name: '=HYPERLINK("http://evil.test","open")', ownerEmail: 'evil@berkeley.edu' });
  });
  afterAll(async () => {
    await catalog?.close();
    await closeStorage?.();
    await auth?.close();
  });

  const asAdmin = (path: string, init: { method?: string } = {}) =>
    call(catalog.url(`/api/monitor${path}`), { ...init, token: admin });

  it('lets only admins in: 401 without a token or with an officer token', async () => {
    const officer = await auth.token('officer', { email: 'robots@berkeley.edu' });
    for (const [method, path] of [
      ['GET', '/club/list'],
      ['GET', '/club/download'],
      ['DELETE', '/club/robots@berkeley.edu'],
    ] as const) {
      const url = catalog.url(`/api/monitor${path}`);
      expect((await call(url, { method })).status, path).toBe(401);
      expect(await call(url, { method, token: officer }), path).toMatchObject({
        status: 401,
        body: { reason: 'You are not allowed to access this endpoint!' },
      });
    }
    expect((await asAdmin('/club/list')).body).toHaveLength(4);
  });

  it('answers malformed or forged credentials with 401', async () => {
    const [header, payload] = admin.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ role: 'admin' })).toString('base64url')}.x`;
    for (const authorization of [
      'Bearer',
      'Basic YWRtaW46YWRtaW4=',
      'Bearer not.a.jwt',
      `Bearer ${forged}`,
      `Bearer ${header}.${payload}.`,
      `Bearer ${'a'.repeat(5000)}`,
      `Token ${admin}`,
    ]) {
      const res = await call(catalog.url('/api/monitor/club/list'), { headers: { authorization } });
      expect(res.status, authorization.slice(0, 30)).toBe(401);
      expect(res.body.status).toBe('error');
    }
  });

  it('lists every club, hidden ones too, as upstream (name, officer email, confirmed, reactivated), then hidden and link_name', async () => {
    const list = await asAdmin('/club/list');
    expect(list.status).toBe(200);
    const linkOf = async (email: string) =>
      (await catalog.db.select().from(clubs).where(eq(clubs.ownerEmail, email)))[0]!.linkName;
    const club = async (name: string, email: string, confirmed: boolean, reactivated: boolean) => ({
      name,
      email,
      confirmed,
      reactivated,
      hidden: false,
      link_name: await linkOf(email),
    });
    expect(list.body).toEqual([
      await club('=HYPERLINK("http://evil.test","open")', 'evil@berkeley.edu', true, true),
      await club('astronomy society', 'stars@berkeley.edu', false, true),
      await club('Chess, Go & More', 'chess@berkeley.edu', true, false),
      await club('Robotics Club', 'robots@berkeley.edu', true, true),
    ]);
    // Upstream's fields first, in upstream's order: a client reading them by position still can.
    expect(Object.keys(list.body[0])).toEqual([
      'name',
      'email',
      'confirmed',
      'reactivated',
      'hidden',
      'link_name',
    ]);
  });

  it('exports clubs.csv with Yes/No, quoting, and formulas neutralised for spreadsheets', async () => {
    const csv = await asAdmin('/club/download');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="clubs.csv"');
    expect(csv.body).toBe(
      [
        'name,email,confirmed,reactivated',
        `"'=HYPERLINK(""http://evil.test"",""open"")",evil@berkeley.edu,Yes,Yes`,
        'astronomy society,stars@berkeley.edu,No,Yes',
        '"Chess, Go & More",chess@berkeley.edu,Yes,No',
        'Robotics Club,robots@berkeley.edu,Yes,Yes',
        '',
      ].join('\r\n'),
    );
  });

  it('neutralises every formula prefix (= + - @) in downloaded cells', async () => {
    for (const name of ['+1+1', '-2+3', '@SUM(A1)']) {
      await catalog.addClub({ name, ownerEmail: `${name.length}${name.charCodeAt(0)}@berkeley.edu` });
    }
    const lines = ((await asAdmin('/club/download')).body as string).split('\r\n');
    for (const name of ['+1+1', '-2+3', '@SUM(A1)']) {
      expect(lines.some((line) => line.startsWith(`'${name},`))).toBe(true);
    }
  });

  it('deletes the club of an officer by email (any case) with all it holds, and announces ClubDeleted', async () => {
    const [robotics] = await catalog.db
      .select()
      .from(clubs)
      .where(eq(clubs.ownerEmail, 'robots@berkeley.edu'));
    await catalog.db.insert(clubFaq).values({ clubId: robotics!.id, question: 'When?', answer: 'Tuesdays' });

    const res = await asAdmin('/club/Robots@Berkeley.EDU', { method: 'DELETE' });
    expect(res).toMatchObject({ status: 200, body: { status: 'success' } });
    const emails = ((await asAdmin('/club/list')).body as { email: string }[]).map((row) => row.email);
    expect(emails).not.toContain('robots@berkeley.edu');
    expect(await catalog.db.select().from(clubFaq)).toEqual([]);
    await catalog.latest('ClubDeleted', () => true);
    expect(catalog.published('ClubDeleted')).toEqual([
      { clubId: robotics!.id, ownerUserId: robotics!.ownerUserId, link_name: robotics!.linkName },
    ]);
    const page = await call(catalog.url(`/api/catalog/organizations/${robotics!.linkName}`));
    expect(page.status).toBe(404);

    const again = await asAdmin('/club/robots@berkeley.edu', { method: 'DELETE' });
    expect(again).toMatchObject({
      status: 400,
      body: { status: 'error', reason: 'The user does not exist!' },
    });
    expect(catalog.published('ClubDeleted')).toHaveLength(1);
  });

  it('answers odd emails in the path with 4xx, never 5xx', async () => {
    for (const email of [
      'nobody@berkeley.edu',
      'not-an-email',
      "x'; delete from catalog.clubs; --",
      '%00',
      '%F0%9F%A4%96@berkeley.edu',
      'a'.repeat(300),
      '%20',
    ]) {
      const res = await asAdmin(`/club/${email}`, { method: 'DELETE' });
      expect(res.status, email).toBeGreaterThanOrEqual(400);
      expect(res.status, email).toBeLessThan(500);
      expect(res.body.status).toBe('error');
    }
    expect((await asAdmin('/club/list')).body.length).toBeGreaterThan(3);
    expect((await asAdmin('/club/list', { method: 'POST' })).status).toBe(405);
  });
});
