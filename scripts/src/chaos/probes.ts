// How the run knows a fault is over for the people using the platform: the flow the fault hit
// succeeds again through the gateway (or, where no public route reaches a service on its own, the
// service answers ready again).
import type pg from 'pg';
import type { RecordingApi } from './answers.js';

export interface ProbeTarget {
  api: RecordingApi;
  /** The gateway's port; the services sit on the ports after it, in serviceNames order. */
  port: number;
  admin: { email: string; password: string };
  officer: { email: string; password: string; link: string };
  /** The recommender's database (read-only): where a club edit lands after a trip over the bus. */
  recommenderDb: pg.Pool;
}

export const SERVICE_ORDER = ['auth', 'catalog', 'media', 'mailer', 'recommender', 'monitor', 'engagement'];

export type Probe = () => Promise<boolean>;

export function probes(target: ProbeTarget) {
  const { api, port, officer } = target;
  const ready = (service: string) => async () => {
    try {
      const answer = await fetch(`http://127.0.0.1:${port + SERVICE_ORDER.indexOf(service) + 1}/readyz`, {
        signal: AbortSignal.timeout(2_000),
      });
      return answer.status === 200;
    } catch {
      return false;
    }
  };
  const officerLogin = async () =>
    (await api('/api/user/login', { body: { email: officer.email, password: officer.password } })).status ===
    200;
  const clubPage = async () => (await api(`/api/catalog/organizations/${officer.link}`)).status === 200;
  const adminLogin = async () => (await api('/api/monitor/login', { body: target.admin })).status === 200;
  const tags = async () => (await api('/api/catalog/tags')).status === 200;

  // An edit of the probe club, then its arrival in the recommender's corpus: a write, its outbox row,
  // RabbitMQ and a consumer, end to end. The edit is made once per probe and waited for.
  const eventFlow = (): Probe => {
    let marker: string | undefined;
    let token: string | undefined;
    return async () => {
      if (!marker) {
        if (!token) {
          const login = await api('/api/user/login', {
            body: { email: officer.email, password: officer.password },
          });
          if (login.status !== 200) return false;
          token = login.body.access;
        }
        const next = `probe ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
        const edit = await api('/api/admin/profile', { token, body: { about_us: next } });
        if (edit.status === 401) token = undefined;
        if (edit.status !== 200) return false;
        marker = next;
      }
      try {
        const found = await target.recommenderDb.query(
          'select 1 from recommender.clubs where link_name = $1 and description like $2',
          [officer.link, `%${marker}%`],
        );
        return found.rowCount === 1;
      } catch {
        return false;
      }
    };
  };
  const all =
    (...checks: Probe[]): Probe =>
    async () => {
      for (const check of checks) if (!(await check())) return false;
      return true;
    };

  /** The probe for a fault on `service` (killed), with a name for the report. */
  const forService = (service: string): { name: string; probe: Probe } => {
    switch (service) {
      case 'gateway':
        return { name: 'catalog tags through the gateway', probe: tags };
      case 'auth':
        return { name: 'officer sign-in', probe: officerLogin };
      case 'catalog':
        return { name: 'club page', probe: clubPage };
      case 'monitor':
        return { name: 'admin sign-in', probe: adminLogin };
      case 'recommender':
        return { name: 'club edit reaches the recommender', probe: all(ready(service), eventFlow()) };
      default:
        return { name: `${service} ready`, probe: ready(service) };
    }
  };
  return {
    forService,
    // Fresh each time: an event-flow probe makes its own edit and waits for that one.
    rabbitmq: () => ({ name: 'club edit reaches the recommender over RabbitMQ', probe: eventFlow() }),
    postgres: () => ({
      name: 'officer sign-in, club page, club edit reaches the recommender',
      probe: all(officerLogin, clubPage, eventFlow()),
    }),
    redis: () => ({ name: 'officer sign-in and club page', probe: all(officerLogin, clubPage) }),
  };
}
