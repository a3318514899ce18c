// What must hold after the faults, read from the owning services' own databases (read-only), the
// stack's broker and its SES emulator: nothing lost, nothing done twice, read models equal to their
// sources, no 5xx but "not now", nothing left behind in an outbox or a dead-letter queue.
import { topicMatches } from '@sproul/common/bus';
import { takeDeadLettersAt } from '@sproul/common/bus/rabbitmq';
import { routingKeyOf } from '@sproul/common/events';
import { eventually } from '@sproul/common/testing';
import pg from 'pg';
import type { AnswerLog } from './answers.js';
import type { FaultResult } from './faults.js';
import type { PrivateRabbit } from './private-infra.js';
import { emailsTo, sentEmails } from './ses-inbox.js';
import { type Accepted, CONFIRM_SUBJECT } from './workload.js';

export interface Check {
  name: string;
  ok: boolean;
  /** What was compared, or what was found wrong (the first few). */
  detail: string;
}

export interface Verdict {
  checks: Check[];
  /** Events committed during the run (outbox rows) and their deliveries to bound queues checked. */
  events: { committed: number; deliveriesChecked: number };
  lost: number;
  duplicated: number;
  emails: number;
}

export interface InvariantInputs {
  postgresUrl: string;
  prefix: string;
  services: string[];
  rabbit: PrivateRabbit;
  vhost: string;
  sesUrl: string;
  accepted: Accepted;
  answers: AnswerLog;
  faults: FaultResult[];
  /** When the workload started: events from then on must have reached every bound queue's consumer. */
  since: Date;
  /** The club the recovery probes edit (its about-us is theirs, not the workload's). */
  probeLink: string;
  /** The supervisor's log: every exit it saw. */
  stackOutput: string;
}

const first = (items: string[], n = 5) =>
  items.length === 0
    ? ''
    : `${items.slice(0, n).join('; ')}${items.length > n ? ` (+${items.length - n})` : ''}`;

/** The name the run's own (read-only) connections carry: the PostgreSQL fault spares them. */
export const OBSERVER = 'sproul-chaos-observer';

/** A small pool for the run's own reads, not the stack's: spared by the faults, its errors not fatal. */
export function observerPool(connectionString: string) {
  const pool = new pg.Pool({ connectionString, max: 2, application_name: OBSERVER });
  pool.on('error', () => {});
  return pool;
}

export async function checkInvariants(input: InvariantInputs): Promise<Verdict> {
  const pools = new Map<string, pg.Pool>();
  const db = (service: string) => {
    let pool = pools.get(service);
    if (!pool) {
      pool = observerPool(`${input.postgresUrl}/${input.prefix}_${service}`);
      pools.set(service, pool);
    }
    return pool;
  };
  const checks: Check[] = [];
  let lost = 0;
  let duplicated = 0;
  const check = (name: string, problems: string[], ok: string) =>
    checks.push({ name, ok: problems.length === 0, detail: problems.length ? first(problems) : ok });
  try {
    // Settled first: outboxes drained and the main queues empty (a restarted consumer catches up).
    const unsent = async () => {
      let rows = 0;
      for (const service of input.services) {
        const query = `select count(*)::int as n from ${service}.outbox where sent_at is null and error is null`;
        rows += (await db(service).query(query)).rows[0].n;
      }
      return rows;
    };
    const backlog = async () =>
      (await input.rabbit.queues(input.vhost))
        .filter((queue) => /^sproul\.[a-z-]+$/.test(queue.name))
        .reduce((sum, queue) => sum + queue.messages, 0);
    const settled = await eventually(
      async () => (await unsent()) === 0 && (await backlog()) === 0,
      120_000,
      500,
    )
      .then(() => true)
      .catch(() => false);

    // 1. Every committed change produced its events: no outbox row left unsent, none older than a minute.
    const stale: string[] = [];
    const setAside: string[] = [];
    let committed = 0;
    const outboxes = new Map<string, { event_id: string; type: string; version: number }[]>();
    for (const service of input.services) {
      const rows = await db(service).query(
        `select event_id, type, version, sent_at, error, created_at < now() - interval '1 minute' as old from ${service}.outbox where created_at >= $1`,
        [input.since],
      );
      committed += rows.rowCount ?? 0;
      for (const row of rows.rows) {
        if (row.error) setAside.push(`${service} ${row.type} ${row.event_id}: ${row.error}`);
        else if (!row.sent_at && row.old) stale.push(`${service} ${row.type} ${row.event_id}`);
      }
      outboxes.set(
        service,
        rows.rows.filter((row) => row.sent_at),
      );
    }
    lost += (await unsent()) + setAside.length;
    check(
      'outbox rows all published (none unsent, none older than a minute)',
      [...stale, ...setAside],
      `${committed} events committed during the run, all sent${settled ? '' : ' (queues not drained within 2 min)'}`,
    );

    // 2. Each published event reached every queue bound for it, and its consumer recorded it once
    // (the inbox, or the mailer's delivery log, is keyed by the event's id).
    const bindings = (await input.rabbit.bindings(input.vhost)).filter(
      (b) => b.source_name === 'sproul.events',
    );
    const missing: string[] = [];
    let deliveriesChecked = 0;
    for (const [producer, rows] of outboxes) {
      const byQueue = new Map<string, string[]>();
      for (const row of rows) {
        const key = routingKeyOf(row.type, row.version);
        const queues = new Set(
          bindings.filter((b) => topicMatches(b.routing_key, key)).map((b) => b.destination_name),
        );
        for (const queue of queues) byQueue.set(queue, [...(byQueue.get(queue) ?? []), row.event_id]);
      }
      for (const [queue, ids] of byQueue) {
        const { consumer, owner } = consumerOf(queue);
        if (!input.services.includes(owner)) continue;
        const seen = await recordedBy(db(owner), owner, consumer, ids);
        deliveriesChecked += ids.length;
        for (const id of ids) if (!seen.has(id)) missing.push(`${producer} → ${queue}: ${id}`);
      }
    }
    lost += missing.length;
    check(
      'every published event recorded by every consumer bound for it',
      missing,
      `${deliveriesChecked} deliveries, each in its consumer's inbox`,
    );

    // 3. Emails: each confirmation and each member email exactly once; no delivery sent twice.
    const emails = await sentEmails(input.sesUrl);
    const emailProblems: string[] = [];
    const expect = (to: string, subject: string) => {
      const n = emailsTo(emails, to, subject).length;
      if (n === 0) lost++;
      if (n > 1) duplicated += n - 1;
      if (n !== 1) emailProblems.push(`${n} × "${subject}" to ${to}`);
    };
    for (const officer of input.accepted.officers) expect(officer.email, CONFIRM_SUBJECT);
    for (const student of input.accepted.students) expect(student.email, CONFIRM_SUBJECT);
    for (const message of input.accepted.messages)
      for (const to of message.recipients) expect(to, message.subject);
    const byDelivery = new Map<string, number>();
    for (const email of emails)
      if (email.deliveryId) byDelivery.set(email.deliveryId, (byDelivery.get(email.deliveryId) ?? 0) + 1);
    for (const [id, n] of byDelivery) {
      if (n > 1) {
        duplicated += n - 1;
        emailProblems.push(`delivery ${id} sent ${n} times`);
      }
    }
    const stuck = await db('mailer').query(
      "select id, status, \"to\" from mailer.deliveries where status in ('queued', 'sending', 'failed')",
    );
    for (const row of stuck.rows) emailProblems.push(`delivery ${row.id} to ${row.to} left ${row.status}`);
    check(
      'every email sent exactly once (SES emulator)',
      emailProblems,
      `${emails.length} emails in the SES emulator, ${byDelivery.size} distinct deliveries, none twice`,
    );

    // 4. Clubs: one per accepted registration, none doubled; the last edit is what the catalog holds.
    const clubs = await db('catalog').query(
      'select id::text, owner_email, link_name, name, tags, app_required, new_members, logo_url, about_us from catalog.clubs',
    );
    const clubProblems: string[] = [];
    for (const officer of input.accepted.officers) {
      const owned = clubs.rows.filter((club) => club.owner_email === officer.email);
      if (owned.length === 0) lost++;
      if (owned.length > 1) duplicated += owned.length - 1;
      if (owned.length !== 1) clubProblems.push(`${owned.length} clubs owned by ${officer.email}`);
      const club = owned[0];
      if (!club) continue;
      if (club.link_name !== input.probeLink && club.about_us !== officer.aboutUs)
        clubProblems.push(
          `${club.link_name}: about_us "${club.about_us}", last accepted edit "${officer.aboutUs}"`,
        );
      if (officer.logo && !club.logo_url) clubProblems.push(`${club.link_name}: accepted logo missing`);
    }
    const names = new Map<string, number>();
    for (const club of clubs.rows) names.set(club.name, (names.get(club.name) ?? 0) + 1);
    for (const [name, n] of names) {
      if (n > 1) {
        duplicated += n - 1;
        clubProblems.push(`${n} clubs named ${name}`);
      }
    }
    check(
      'one club per accepted registration, with its last edit and logo',
      clubProblems,
      `${input.accepted.officers.length} clubs registered, ${clubs.rowCount} in the catalog, none doubled`,
    );

    // 5. Read models equal to their source: the monitor's and the recommender's clubs, the monitor's accounts.
    const sorted = (tags: number[] | null) => JSON.stringify([...(tags ?? [])].sort((a, b) => a - b));
    const catalogById = new Map(clubs.rows.map((club) => [club.id, club]));
    const compare = (
      what: string,
      rows: { club_id: string; [key: string]: unknown }[],
      differs: (copy: Record<string, unknown>, source: (typeof clubs.rows)[number]) => string | undefined,
    ) => {
      const problems: string[] = [];
      const copies = new Set(rows.map((row) => row.club_id));
      for (const id of catalogById.keys())
        if (!copies.has(id)) problems.push(`${what} lacks club ${catalogById.get(id)!.link_name}`);
      for (const row of rows) {
        const source = catalogById.get(row.club_id);
        if (!source) problems.push(`${what} has club ${row.club_id} the catalog does not`);
        else {
          const difference = differs(row, source);
          if (difference) problems.push(`${what} ${source.link_name}: ${difference}`);
        }
      }
      return problems;
    };
    const monitorClubs = await db('monitor').query(
      'select club_id, name, tags, app_required, new_members, has_logo from monitor.clubs',
    );
    check(
      'monitor read model equals the catalog (clubs)',
      compare('monitor', monitorClubs.rows, (copy, source) =>
        copy.name !== source.name
          ? `name ${copy.name} ≠ ${source.name}`
          : sorted(copy.tags as number[]) !== sorted(source.tags)
            ? 'tags differ'
            : copy.app_required !== source.app_required || copy.new_members !== source.new_members
              ? 'membership settings differ'
              : copy.has_logo !== (source.logo_url !== null)
                ? `has_logo ${copy.has_logo}, logo ${source.logo_url}`
                : undefined,
      ),
      `${monitorClubs.rowCount} clubs, each equal to the catalog's`,
    );
    const corpus = await db('recommender').query(
      'select club_id, link_name, name, tags, description from recommender.clubs',
    );
    check(
      'recommender corpus equals the catalog',
      compare('recommender', corpus.rows, (copy, source) =>
        copy.link_name !== source.link_name || copy.name !== source.name
          ? `${copy.link_name}/${copy.name} ≠ ${source.link_name}/${source.name}`
          : sorted(copy.tags as number[]) !== sorted(source.tags)
            ? 'tags differ'
            : !(copy.description as string).includes(source.about_us)
              ? `description lacks the about-us "${source.about_us}"`
              : undefined,
      ),
      `${corpus.rowCount} clubs, each equal to the catalog's`,
    );
    const accounts = await db('auth').query(
      "select id::text, email, role, confirmed from auth.accounts where role in ('officer', 'student')",
    );
    const monitorAccounts = new Map(
      (await db('monitor').query('select user_id, role, confirmed_at from monitor.accounts')).rows.map(
        (row) => [row.user_id, row],
      ),
    );
    const accountProblems: string[] = [];
    for (const account of accounts.rows) {
      const copy = monitorAccounts.get(account.id);
      if (!copy) accountProblems.push(`monitor lacks ${account.role} ${account.email}`);
      else if (copy.role !== account.role)
        accountProblems.push(`${account.email}: role ${copy.role} ≠ ${account.role}`);
      else if ((copy.confirmed_at !== null) !== account.confirmed)
        accountProblems.push(`${account.email}: confirmed differs`);
    }
    check(
      'monitor read model equals auth (accounts)',
      accountProblems,
      `${accounts.rowCount} accounts, each equal to auth's`,
    );

    // 6. Dead letters: each would be an event its consumer gave up on. One is explained when that
    // consumer recorded the event anyway (a second copy, dead-lettered after the first was applied):
    // nothing was lost. Any other is listed with the error the bus recorded for it.
    const deadQueues = (await input.rabbit.queues(input.vhost)).filter(
      (queue) => queue.name.endsWith('.dead') && queue.messages > 0,
    );
    const unexplained: string[] = [];
    let explained = 0;
    for (const queue of deadQueues) {
      const { consumer, owner } = consumerOf(queue.name);
      const letters = await takeDeadLettersAt(input.rabbit.vhostUrl(input.vhost), consumer);
      const idOf = (letter: (typeof letters)[number]) => (letter.body as { id?: unknown } | null)?.id;
      const ids = letters.map(idOf).filter((id): id is string => typeof id === 'string');
      const recorded =
        input.services.includes(owner) && ids.length > 0
          ? await recordedBy(db(owner), owner, consumer, ids)
          : new Set<string>();
      for (const letter of letters) {
        const id = idOf(letter);
        if (typeof id === 'string' && recorded.has(id)) explained++;
        else
          unexplained.push(
            `${queue.name}: ${letter.routingKey} ${String(id)} after ${letter.attempts} attempt(s): ${letter.error}`,
          );
      }
    }
    lost += unexplained.length;
    check(
      'dead-letter queues empty or explained',
      unexplained,
      explained === 0
        ? 'every .dead queue empty'
        : `${explained} dead letter(s), each an event its consumer had recorded (a second copy)`,
    );

    // 7. No 5xx but 502/503/504 ("not now") in any answer of the workload.
    const bad = input.answers.bad5xx();
    check(
      'no 5xx other than 502/503/504',
      bad.map((a) => `${a.status} ${a.method} ${a.route}`),
      `${input.answers.answers.length} answers, none a 500`,
    );

    // 8. No service died but those killed: a crash is a bug even when the supervisor hides it.
    const crashes = [...input.stackOutput.matchAll(/^(\S+)\s+\| exited \((?!SIGKILL)([^)]*)\)/gm)].map(
      ([, service, how]) => `${service} exited (${how})`,
    );
    check('no service exited but those killed (SIGKILL)', crashes, 'every exit was a SIGKILL of the run');

    // 9. Every fault recovered, and every journey of the workload completed.
    check(
      'every fault recovered',
      input.faults.filter((f) => f.recoveryMs === null).map((f) => `${f.fault}: ${f.probe} never succeeded`),
      `${input.faults.length} faults, all recovered`,
    );
    const failed = input.accepted.journeys.failed;
    check(
      'every journey completed',
      failed.map((f) => `journey ${f.journey} at ${f.step}: ${f.error}`),
      `${input.accepted.journeys.completed} journeys completed`,
    );

    return { checks, events: { committed, deliveriesChecked }, lost, duplicated, emails: emails.length };
  } finally {
    for (const pool of pools.values()) await pool.end();
  }
}

/** The consumer a queue (`sproul.mailer-bulk`, `sproul.mailer-bulk.dead`) belongs to, and its service. */
function consumerOf(queue: string) {
  const consumer = queue.replace(/^sproul\./, '').replace(/\.dead$/, '');
  return { consumer, owner: consumer.split('-')[0]! };
}

/**
 * Which of `ids` the consumer recorded: the kernel's inbox, or for the mailer's provider consumers their
 * delivery log, keyed the same.
 */
async function recordedBy(pool: pg.Pool, owner: string, consumer: string, ids: string[]) {
  const found = await pool.query(
    `select event_id::text from ${owner}.inbox where consumer = $1 and event_id = any($2)`,
    [consumer, ids],
  );
  if (owner === 'mailer' && found.rows.length < ids.length) {
    const logged = await pool.query('select id::text as event_id from mailer.deliveries where id = any($1)', [
      ids,
    ]);
    found.rows.push(...logged.rows);
  }
  return new Set<string>(found.rows.map((row) => row.event_id));
}
