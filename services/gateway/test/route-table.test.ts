import { describe, expect, it } from 'vitest';
import { findRoute, routeTable } from '../src/route-table.js';

describe('route table', () => {
  it.each([
    ['/api/user/login', 'auth'],
    ['/api/user/confirm/abc.def', 'auth'],
    ['/.well-known/jwks.json', 'auth'],
    ['/api/monitor/login', 'auth'],
    ['/api/monitor/rso/list', 'auth'],
    ['/api/monitor/club/list', 'catalog'],
    ['/api/monitor/tags/3', 'catalog'],
    ['/api/monitor/overview/clubs', 'monitor'],
    ['/api/student/login', 'auth'],
    ['/api/student/profile', 'catalog'],
    ['/api/student/memberships', 'engagement'],
    ['/api/student/membershipsx', 'catalog'],
    ['/api/clubs/bearbots/members/stats', 'engagement'],
    ['/api/clubs/bearbots/membership', 'engagement'],
    ['/api/feedback', 'engagement'],
    ['/api/monitor/feedback', 'engagement'],
    ['/api/monitor/feedbackx', 'monitor'],
    ['/api/student/reminders', 'engagement'],
    ['/api/catalog/organizations', 'catalog'],
    ['/api/admin/profile', 'catalog'],
    ['/api/admin/change-password', 'auth'],
    ['/api/mail/unsubscribe', 'mailer'],
    ['/api/student/rsvps', 'engagement'],
    ['/api/student/calendar', 'engagement'],
    ['/api/student/calendar/abc.ics', 'engagement'],
    ['/api/tickets/a.b.c/qr.png', 'engagement'],
    ['/api/clubs/bearbots/events/e1/rsvps', 'engagement'],
    ['/admin', 'monitor'],
    ['/admin/assets/index-abc.js', 'monitor'],
  ])('sends %s to %s', (path, service) => {
    expect(findRoute(path)?.service).toBe(service);
  });

  it('matches whole path segments only', () => {
    expect(findRoute('/api/username')).toBeUndefined();
    expect(findRoute('/api/monitor/rsolist')?.service).toBe('monitor');
    expect(findRoute('/api')).toBeUndefined();
    expect(findRoute('/administrator')).toBeUndefined();
  });

  it('has no duplicate prefixes', () => {
    expect(new Set(routeTable.map((r) => r.prefix)).size).toBe(routeTable.length);
  });
});
