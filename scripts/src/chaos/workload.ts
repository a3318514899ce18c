// The workload the faults land on: journeys through the gateway as people make them, each an officer
// and a student: sign-ups with their confirmation emails, club edits, a logo upload (media), an event
// with an RSVP and a check-in (engagement), a membership and an email to the club's members (mailer).
// A step is retried while the platform answers "not now" (502/503/504, no answer) or has not yet
// learnt what another service announced; every answer is recorded. What the platform accepted is
// remembered, for the invariants to find it exactly once afterwards.
import { eventually, registrationBody, sleep } from '@sproul/common/testing';
import type { AnswerLog, RecordingApi } from './answers.js';
import { solidPng } from './png.js';
import { emailsTo, sentEmails } from './ses-inbox.js';

export interface WorkloadTarget {
  baseUrl: string;
  sesUrl: string;
  admin: { email: string; password: string };
  /** Names every account and club of this run (link names start `chaos-<runId>`). */
  runId: string;
  /** How long one step may keep failing (faults included) before the journey counts as failed. */
  stepTimeoutMs: number;
}

export const CONFIRM_SUBJECT = 'Please confirm your email';

/** What the platform accepted during the run: each must exist exactly once afterwards. */
export interface Accepted {
  officers: { email: string; link: string; aboutUs: string; logo: boolean }[];
  students: { email: string }[];
  /** Emails the officers sent to their members: each recipient must get exactly one. */
  messages: { subject: string; recipients: string[] }[];
  rsvps: number;
  checkIns: number;
  memberships: number;
  journeys: {
    started: number;
    completed: number;
    failed: { journey: number; step: string; error: string }[];
  };
}

const PASSWORD = 'Chaos-pass-2026!';
const HOUR = 3_600_000;

export class Workload {
  readonly accepted: Accepted = {
    officers: [],
    students: [],
    messages: [],
    rsvps: 0,
    checkIns: 0,
    memberships: 0,
    journeys: { started: 0, completed: 0, failed: [] },
  };
  private adminToken?: string;
  private tags?: number[];
  private readonly logo = solidPng(64, [200, 80, 40]);

  constructor(
    private readonly target: WorkloadTarget,
    private readonly log: AnswerLog,
  ) {}

  /** `lanes` journeys at a time until `stop()` says so (each lane finishes the journey it is in). */
  async run(lanes: number, stop: () => boolean, maxJourneys = Number.POSITIVE_INFINITY) {
    let next = this.accepted.journeys.started;
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        while (!stop() && this.accepted.journeys.started < maxJourneys) await this.journey(next++);
      }),
    );
  }

  /** Retries `attempt` until it answers something, within the step's time. */
  private until<T>(step: string, attempt: (tries: number) => Promise<T | undefined>) {
    let tries = 0;
    return eventually(
      async () => {
        const value = await attempt(tries++);
        if (value === undefined) await sleep(250);
        return value;
      },
      this.target.stepTimeoutMs,
      50,
    ).catch((error: Error) => {
      throw new Error(`${step}: ${error.message}`);
    });
  }

  private async admin(api: RecordingApi) {
    if (!this.adminToken) {
      const login = await api('/api/monitor/login', { body: this.target.admin });
      if (login.status === 200) this.adminToken = login.body.access;
    }
    return this.adminToken;
  }

  /** The link in the newest email to `to` with `subject`, once the mailer has sent it. */
  private linkFrom(to: string, subject: string, pattern: RegExp) {
    return this.until(`email "${subject}" to ${to}`, async () => {
      const mail = emailsTo(await sentEmails(this.target.sesUrl), to, subject).at(-1);
      return mail?.text.match(pattern)?.[0];
    });
  }

  /** Follows the confirmation link through the gateway; a repeat after an unclear answer may find it used. */
  private confirm(api: RecordingApi, email: string) {
    return this.linkFrom(email, CONFIRM_SUBJECT, /http:\/\/\S+\/api\/user\/confirm\/\S+/).then((link) =>
      this.until(`confirm ${email}`, async (tries) => {
        const answer = await api(new URL(link).pathname);
        return answer.status === 302 || (tries > 0 && answer.status >= 400 && answer.status < 500)
          ? true
          : undefined;
      }),
    );
  }

  async journey(n: number) {
    const { runId } = this.target;
    this.accepted.journeys.started++;
    // Each journey from an address of its own: sign-in limits count per client, as for real users.
    const api = this.log.client(this.target.baseUrl, { 'x-forwarded-for': `10.77.${n >> 8}.${n & 255}` });
    let step = 'start';
    const run = async <T>(name: string, body: () => Promise<T>) => {
      step = name;
      return body();
    };
    try {
      const officer = { email: `chaos-${runId}-o${n}@berkeley.edu`, club: `chaos-${runId} club ${n}` };
      await run('RSO list', () =>
        this.until('RSO list', async (tries) => {
          const token = await this.admin(api);
          if (!token) return undefined;
          const answer = await api('/api/monitor/rso', { body: { email: officer.email }, token });
          if (answer.status === 401) this.adminToken = undefined;
          return answer.status === 200 || (tries > 0 && answer.status === 409) || undefined;
        }),
      );
      await run('officer registration', () =>
        this.until('officer registration', async (tries) => {
          this.tags ??= await api('/api/catalog/tags').then((answer) =>
            answer.status === 200 && answer.body.length > 0
              ? (answer.body as { id: number }[]).map((tag) => tag.id)
              : undefined,
          );
          if (!this.tags) return undefined;
          const answer = await api('/api/user/register', {
            body: registrationBody({
              name: officer.club,
              email: officer.email,
              password: PASSWORD,
              tags: [this.tags[0]!],
            }),
          });
          return answer.status === 200 || (tries > 0 && answer.status === 409) || undefined;
        }),
      );
      await run('officer confirmation', () => this.confirm(api, officer.email));
      const session = await run('officer sign-in', () =>
        this.until('officer sign-in', async () => {
          const login = await api('/api/user/login', { body: { email: officer.email, password: PASSWORD } });
          if (login.status !== 200) return undefined;
          const profile = await api('/api/admin/profile', { token: login.body.access });
          return profile.status === 200
            ? { token: login.body.access as string, link: profile.body.link_name as string }
            : undefined;
        }),
      );
      const { token, link } = session;
      const record = { email: officer.email, link, aboutUs: '', logo: false };
      this.accepted.officers.push(record);

      for (const edit of [1, 2]) {
        const aboutUs = `Edit ${edit} of chaos journey ${n}`;
        await run(`club edit ${edit}`, () =>
          this.until(`club edit ${edit}`, async () => {
            const answer = await api('/api/admin/profile', { token, body: { about_us: aboutUs } });
            return answer.status === 200 || undefined;
          }),
        );
        record.aboutUs = aboutUs;
      }

      await run('logo upload', () =>
        this.until('logo upload', async () => {
          const form = new FormData();
          form.set('logo', new Blob([new Uint8Array(this.logo)], { type: 'image/png' }), 'logo.png');
          const answer = await api('/api/admin/upload-logo', { token, body: form });
          return answer.status === 200 || undefined;
        }),
      );
      record.logo = true;

      const starts = new Date(Date.now() + 24 * HOUR);
      const eventName = `Chaos night ${n}`;
      const eventId = await run('event', () =>
        this.until('event', async () => {
          const answer = await api('/api/admin/events', {
            token,
            body: {
              name: eventName,
              location: 'Sproul Plaza',
              description: 'Under fire.',
              event_start: starts.toISOString(),
              event_end: new Date(starts.getTime() + 2 * HOUR).toISOString(),
            },
          });
          if (answer.status !== 200) return undefined;
          return (answer.body as { id: string; name: string }[]).find((event) => event.name === eventName)
            ?.id;
        }),
      );
      const eventPath = `/api/clubs/${link}/events/${eventId}`;
      // Engagement's copy of the event comes with the catalog's ClubEventScheduled.
      await run('event reaches engagement', () =>
        this.until(
          'event reaches engagement',
          async () => (await api(`${eventPath}/rsvp`)).status === 200 || undefined,
        ),
      );

      const student = {
        email: `chaos-${runId}-s${n}@berkeley.edu`,
        password: PASSWORD,
        name: `Chaos Student ${n}`,
      };
      await run('student registration', () =>
        this.until('student registration', async (tries) => {
          const answer = await api('/api/student/register', { body: student });
          return answer.status === 200 || (tries > 0 && answer.status === 409) || undefined;
        }),
      );
      this.accepted.students.push({ email: student.email });
      await run('student confirmation', () => this.confirm(api, student.email));
      const studentToken = await run('student sign-in', () =>
        this.until('student sign-in', async () => {
          const login = await api('/api/student/login', {
            body: { email: student.email, password: PASSWORD },
          });
          return login.status === 200 ? (login.body.access as string) : undefined;
        }),
      );

      const rsvp = await run('RSVP', () =>
        this.until('RSVP', async () => {
          const answer = await api(`${eventPath}/rsvps`, { token: studentToken, body: {} });
          if (answer.status === 201) return answer.body.rsvp as { id: string; ticket: { payload: string } };
          if (answer.status !== 409) return undefined;
          // Made by an attempt whose answer was lost: the student's own list has it.
          const mine = await api('/api/student/rsvps', { token: studentToken });
          const list = (Array.isArray(mine.body) ? mine.body : (mine.body?.rsvps ?? [])) as {
            id: string;
            event_id: string;
            ticket: { payload: string };
          }[];
          return list.find((one) => one.event_id === eventId);
        }),
      );
      this.accepted.rsvps++;
      await run('check-in', () =>
        this.until('check-in', async (tries) => {
          const answer = await api(`${eventPath}/check-in`, {
            token,
            body: { payload: rsvp.ticket.payload },
          });
          return answer.status === 200 || (tries > 0 && answer.status === 409) || undefined;
        }),
      );
      this.accepted.checkIns++;

      const membership = await run('membership', () =>
        this.until('membership', async () => {
          const answer = await api(`/api/clubs/${link}/membership`, {
            token: studentToken,
            body: { answers: {}, resume: false },
          });
          if (answer.status === 201) return answer.body as { id: string; status: string };
          if (answer.status !== 409) return undefined;
          const mine = await api('/api/student/memberships', { token: studentToken });
          return (
            mine.body as { id: string; status: string; club: { link_name: string } }[] | undefined
          )?.find((one) => one.club.link_name === link);
        }),
      );
      if (membership.status !== 'member') {
        await run('membership acceptance', () =>
          this.until('membership acceptance', async () => {
            const answer = await api(`/api/clubs/${link}/members/${membership.id}/status`, {
              token,
              body: { status: 'accepted' },
            });
            return answer.status === 200 || undefined;
          }),
        );
      }
      this.accepted.memberships++;

      const subject = `Chaos news ${runId} ${n}`;
      await run('email to members', () =>
        this.until('email to members', async () => {
          // Sent by an attempt whose answer was lost: it is in the club's list, and is not sent twice.
          const sent = await api(`/api/clubs/${link}/messages`, { token });
          if (sent.status !== 200) return undefined;
          if ((sent.body.messages as { subject: string }[]).some((one) => one.subject === subject))
            return true;
          const answer = await api(`/api/clubs/${link}/messages`, {
            token,
            body: { subject, body: 'Hi {{first_name}},\n\nStill here.', to: { statuses: ['member'] } },
          });
          return answer.status === 202 || undefined;
        }),
      );
      this.accepted.messages.push({ subject, recipients: [student.email] });
      this.accepted.journeys.completed++;
    } catch (error) {
      this.accepted.journeys.failed.push({ journey: n, step, error: (error as Error).message.slice(0, 300) });
    }
  }
}
