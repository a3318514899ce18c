// One chaos run: the stack on a private Redis and RabbitMQ node (and its own databases on the shared
// PostgreSQL), a workload through its gateway, the faults one after another while it runs, then the
// invariants. Shared by `npm run chaos` (long form) and e2e/chaos.fault.test.ts (short form).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePortRange, sleep } from '@sproul/common/testing';
import pg from 'pg';
import { serviceNames } from '../service-names.js';
import { AnswerLog } from './answers.js';
import { type Fault, type FaultResult, inject } from './faults.js';
import { checkInvariants, observerPool } from './invariants.js';
import { startPrivateRabbit, startPrivateRedis } from './private-infra.js';
import { probes } from './probes.js';
import type { ChaosReport } from './report.js';
import { launchChaosStack, repoRoot } from './stack-run.js';
import { Workload } from './workload.js';

const run = promisify(execFile);

/** The services `npm run stack` gives a database each (every service behind the gateway). */
export const DATABASE_SERVICES: readonly string[] = serviceNames;
/** What can be killed: the gateway and every service (not the stack's S3 and SES stand-ins, which keep their data in memory). */
export const KILLABLE: readonly string[] = ['gateway', ...serviceNames];

export interface ChaosOptions {
  faults: Fault[];
  /** Journeys run side by side. */
  lanes: number;
  /** The workload runs at least this long (and until the last fault has recovered). */
  minDurationMs: number;
  /** The most journeys the workload starts. */
  maxJourneys?: number;
  /** Time between one fault's recovery and the next fault. */
  gapMs: number;
  stepTimeoutMs: number;
  recoveryTimeoutMs: number;
  postgresUrl: string;
  log?: (line: string) => void;
  /** On SIGINT / SIGTERM, stop what the run started (stack, RabbitMQ node, Redis, databases), then exit. */
  cleanUpOnSignal?: boolean;
}

export async function runChaos(options: ChaosOptions): Promise<{ report: ChaosReport; stackOutput: string }> {
  const say = options.log ?? (() => {});
  const started = new Date();
  const runId = randomBytes(3).toString('hex');
  const prefix = `chaos_${runId}`;
  const databases = DATABASE_SERVICES.map((service) => `${prefix}_${service}`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sproul-chaos-'));
  const cleanups: (() => Promise<unknown>)[] = [
    async () => rmSync(dataDir, { recursive: true, force: true }),
  ];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0))
      await cleanup().catch((error) => say(`cleanup: ${(error as Error).message}`));
  };
  // Ctrl-C mid-run: the private RabbitMQ node and the stack run in process groups of their own and
  // would outlive this process.
  const interrupted = (signal: NodeJS.Signals) => {
    say(`${signal}: stopping what the run started`);
    void cleanUp().finally(() => process.exit(130));
  };
  if (options.cleanUpOnSignal) {
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
  }
  try {
    say('starting a private Redis and RabbitMQ node');
    const redis = await startPrivateRedis();
    cleanups.unshift(() => redis.close());
    const rabbit = await startPrivateRabbit();
    cleanups.unshift(() => rabbit.close());
    const vhost = `chaos-${runId}`;
    const amqpUrl = await rabbit.addVhost(vhost);

    // The gateway, the services after it, S3 at + 10, SES at + 15 (and the gateway's internal port, + 1000).
    const port = await freePortRange(16);
    say(`starting npm run stack on port ${port} (databases ${prefix}_*)`);
    const stack = launchChaosStack({
      port,
      prefix,
      postgresUrl: options.postgresUrl,
      amqpUrl,
      redisUrl: redis.url,
      dataDir,
    });
    cleanups.unshift(async () => {
      await stack.stop();
      await dropDatabases(options.postgresUrl, databases);
    });
    await waitReady(
      `http://127.0.0.1:${port + 1000}/readyz`,
      180_000,
      () => stack.child.exitCode !== null,
      stack.output,
    );
    const admin = { email: `chaos-admin-${runId}@campus.test`, password: 'Chaos-admin-2026!' };
    await run(process.execPath, ['scripts/dist/admin-create.js', '--email', admin.email], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: `${options.postgresUrl}/${prefix}_auth`,
        ADMIN_PASSWORD: admin.password,
      },
    });

    const answers = new AnswerLog();
    const baseUrl = `http://127.0.0.1:${port}`;
    const sesUrl = `http://127.0.0.1:${port + 15}`;
    const workload = new Workload(
      { baseUrl, sesUrl, admin, runId, stepTimeoutMs: options.stepTimeoutMs },
      answers,
    );
    const since = new Date();
    // The first journey, before any fault, gives the recovery probes their officer and club.
    say('first journey (no fault yet)');
    await workload.journey(0);
    const probeOfficer = workload.accepted.officers[0];
    if (!probeOfficer || workload.accepted.journeys.failed.length > 0) {
      throw new Error(
        `the first journey failed without any fault: ${JSON.stringify(workload.accepted.journeys.failed)}\n${stack.output().slice(-5000)}`,
      );
    }
    const recommenderDb = observerPool(`${options.postgresUrl}/${prefix}_recommender`);
    cleanups.unshift(() => recommenderDb.end());
    const probeSet = probes({
      api: answers.client(baseUrl, { 'x-forwarded-for': '10.78.0.1' }),
      port,
      admin,
      officer: { email: probeOfficer.email, password: 'Chaos-pass-2026!', link: probeOfficer.link },
      recommenderDb,
    });

    let faultsDone = false;
    const workloadStart = Date.now();
    const running = workload.run(
      options.lanes,
      () => faultsDone && Date.now() - workloadStart >= options.minDurationMs,
      options.maxJourneys,
    );
    const results: FaultResult[] = [];
    for (const fault of options.faults) {
      await sleep(options.gapMs);
      const result = await inject(fault, {
        stack,
        rabbit,
        redis,
        postgresUrl: options.postgresUrl,
        databases,
        probes: probeSet,
        recoveryTimeoutMs: options.recoveryTimeoutMs,
      });
      say(
        `${result.fault}: recovered in ${result.recoveryMs === null ? 'never' : `${result.recoveryMs} ms`} (${result.probe})`,
      );
      results.push(result);
    }
    faultsDone = true;
    await running;
    say(
      `workload done: ${workload.accepted.journeys.completed} journeys, ${answers.answers.length} requests; checking invariants`,
    );

    const verdict = await checkInvariants({
      postgresUrl: options.postgresUrl,
      prefix,
      services: [...DATABASE_SERVICES],
      rabbit,
      vhost,
      sesUrl,
      accepted: workload.accepted,
      answers,
      faults: results,
      since,
      probeLink: probeOfficer.link,
      stackOutput: stack.output(),
    });
    const { accepted } = workload;
    const report: ChaosReport = {
      startedAt: started.toISOString(),
      durationS: Math.round((Date.now() - started.getTime()) / 1000),
      ok: verdict.checks.every((check) => check.ok) && verdict.lost === 0 && verdict.duplicated === 0,
      infrastructure:
        'npm run stack (a process per service) on the shared PostgreSQL (databases of its own), a private RabbitMQ node and a private Redis',
      faults: results,
      operations: {
        requests: answers.answers.length,
        byStatus: answers.byStatus(),
        notOk: answers.failuresByRoute(),
        journeys: accepted.journeys,
        accepted: {
          'officer sign-ups (club registrations)': accepted.officers.length,
          'student sign-ups': accepted.students.length,
          'club edits': accepted.officers.length * 2,
          'logo uploads': accepted.officers.filter((officer) => officer.logo).length,
          RSVPs: accepted.rsvps,
          'check-ins': accepted.checkIns,
          memberships: accepted.memberships,
          'emails to members': accepted.messages.length,
        },
      },
      events: verdict.events,
      emails: verdict.emails,
      lost: verdict.lost,
      duplicated: verdict.duplicated,
      checks: verdict.checks,
    };
    return { report, stackOutput: stack.output() };
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await cleanUp();
  }
}

async function waitReady(url: string, timeoutMs: number, gone: () => boolean, output: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone()) throw new Error(`the stack exited before it was ready:\n${output().slice(-5000)}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1_000) })).ok) return;
    } catch {}
    await sleep(200);
  }
  throw new Error(`the stack was not ready within ${timeoutMs} ms:\n${output().slice(-5000)}`);
}

async function dropDatabases(postgresUrl: string, databases: string[]) {
  const admin = new pg.Client({ connectionString: `${postgresUrl}/postgres` });
  await admin.connect();
  try {
    for (const database of databases) await admin.query(`drop database if exists ${database} with (force)`);
  } finally {
    await admin.end();
  }
}
