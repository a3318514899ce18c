import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OFFICER_PASSWORD, DEMO_STUDENT_PASSWORD } from '../scripts/src/demo-accounts.js';
import { type Api, startTestPlatform, type TestPlatform } from './support/platform.js';

// The engagement service as `npm start` composes it: started, ready, documented at /api/docs, routed by
// the gateway, and fed the catalog's clubs over the in-process bus.
describe('engagement in the embedded platform', () => {
  let testPlatform: TestPlatform;
  let api: Api;
  beforeAll(async () => {
    testPlatform = await startTestPlatform('engagement', { SEED_DEMO: '1' });
    ({ api } = testPlatform);
  }, 90_000);
  afterAll(() => testPlatform?.stop());

  it('starts, is ready, and documents its routes in the merged /api/openapi.json', async () => {
    // Probed as an orchestrator does, until it answers 200: on a loaded machine a service's own
    // /readyz can take longer than the gateway's 1.5 s per check just after start.
    const ready = await eventually(async () => {
      const answer = await fetch(`${testPlatform.platform.internalUrl}/readyz`);
      return answer.status === 200 ? answer.json() : undefined;
    }, 30_000);
    expect(Object.keys(ready.checks)).toContain('engagement');
    const document = (await api('/api/openapi.json')).body;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/clubs/{link}/membership',
        '/api/clubs/{link}/members',
        '/api/clubs/{link}/members/{id}/status',
        '/api/student/memberships',
      ]),
    );
  });

  it("answers a demo club's membership terms to anyone, and takes the demo student's application", async () => {
    const [club] = (await api('/api/catalog/organizations?limit=1')).body.results;
    // Engagement's copy of the club arrives with the catalog's ClubCreated.
    const terms = await eventually(async () => {
      const answer = await api(`/api/clubs/${club.link_name}/membership`);
      return answer.status === 200 ? answer.body : undefined;
    }, 30_000);
    expect(terms).toMatchObject({ questions: [], member_count: expect.any(Number) });
    const login = await api('/api/student/login', {
      body: { email: 'demo.student@berkeley.edu', password: DEMO_STUDENT_PASSWORD },
    });
    expect(login.status).toBe(200);
    const token = login.body.access;
    const applied = await api(`/api/clubs/${club.link_name}/membership`, { token, body: { resume: false } });
    if (terms.accepting) {
      expect(applied.status).toBe(201);
      expect(applied.body.status).toBe(terms.application_required ? 'applied' : 'member');
      const mine = await api('/api/student/memberships', { token });
      expect(mine.body).toMatchObject([{ club: { link_name: club.link_name } }]);
    } else {
      expect(applied.status).toBe(409);
    }
    // The roster is the club's officers' only: through the gateway, without a token, a 401.
    expect((await api(`/api/clubs/${club.link_name}/members`)).status).toBe(401);
  });

  it("lets the demo officer read the demo club's roster on a fresh start (auth announces the demo grant)", async () => {
    const login = await api('/api/user/login', {
      body: { email: 'bearbots@berkeley.edu', password: DEMO_OFFICER_PASSWORD },
    });
    expect(login.status).toBe(200);
    const profile = await api('/api/admin/profile', { token: login.body.access });
    const link = profile.body.link_name as string;
    const roster = await eventually(async () => {
      const answer = await api(`/api/clubs/${link}/members`, { token: login.body.access });
      return answer.status === 200 ? answer.body : undefined;
    }, 30_000);
    expect(roster).toBeDefined();
  });
});
