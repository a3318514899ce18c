// The faults: a service killed with SIGKILL (the supervisor restarts it), the stack's RabbitMQ node
// stopped and started (rabbitmqctl stop_app / start_app), every connection to the stack's own databases
// ended (pg_terminate_backend), and the stack's Redis made unreachable for a while. Each is timed from
// its end until the flow it hit succeeds again.
import { sleep } from '@sproul/common/testing';
import pg from 'pg';
import { OBSERVER } from './invariants.js';
import type { PrivateRabbit, PrivateRedis } from './private-infra.js';
import type { Probe, probes } from './probes.js';
import type { ChaosStack } from './stack-run.js';

export type Fault =
  | { kind: 'kill'; service: string }
  | { kind: 'rabbitmq-down'; holdMs: number }
  | { kind: 'postgres-terminate'; holdMs: number }
  | { kind: 'redis-down'; holdMs: number };

export interface FaultResult {
  fault: string;
  kind: Fault['kind'];
  startedAt: string;
  /** How long the fault lasted (0 for a kill: the restart is the platform's own doing). */
  heldMs: number;
  /** The flow checked for recovery. */
  probe: string;
  /** From the fault's end until that flow succeeded again; null: not within the time allowed. */
  recoveryMs: number | null;
  detail?: string;
}

export interface FaultEnv {
  stack: ChaosStack;
  rabbit: PrivateRabbit;
  redis: PrivateRedis;
  postgresUrl: string;
  /** The stack's databases: the only ones whose connections are ended. */
  databases: string[];
  probes: ReturnType<typeof probes>;
  recoveryTimeoutMs: number;
}

export const describeFault = (fault: Fault) =>
  fault.kind === 'kill' ? `SIGKILL ${fault.service}` : `${fault.kind} for ${fault.holdMs / 1000} s`;

async function recovery(probe: Probe, timeoutMs: number) {
  const from = Date.now();
  while (Date.now() - from < timeoutMs) {
    if (await probe().catch(() => false)) return Date.now() - from;
    await sleep(100);
  }
  return null;
}

/** Ends every connection to the stack's databases; answers how many were ended. */
async function terminateConnections(postgresUrl: string, databases: string[]) {
  const admin = new pg.Client({ connectionString: `${postgresUrl}/postgres` });
  await admin.connect();
  try {
    const ended = await admin.query(
      'select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = any($1) and application_name <> $2 and pid <> pg_backend_pid()',
      [databases, OBSERVER],
    );
    return ended.rows.filter((row) => row.ended).length;
  } finally {
    await admin.end();
  }
}

export async function inject(fault: Fault, env: FaultEnv): Promise<FaultResult> {
  const startedAt = new Date();
  let detail: string | undefined;
  let check: { name: string; probe: Probe };
  switch (fault.kind) {
    case 'kill': {
      const pid = await env.stack.pidOf(fault.service);
      if (!pid) throw new Error(`no running process for ${fault.service}`);
      process.kill(pid, 'SIGKILL');
      detail = `pid ${pid}`;
      check = env.probes.forService(fault.service);
      // Recovery starts at the kill; the new process is the supervisor's doing.
      const deadline = Date.now() + env.recoveryTimeoutMs;
      while ((await env.stack.pidOf(fault.service)) === pid && Date.now() < deadline) await sleep(50);
      break;
    }
    case 'rabbitmq-down':
      await env.rabbit.stopApp();
      await sleep(fault.holdMs);
      await env.rabbit.startApp();
      check = env.probes.rabbitmq();
      break;
    case 'postgres-terminate': {
      // Ended again and again while the pools reconnect: a restart of the database server, as clients see it.
      let ended = 0;
      const until = Date.now() + fault.holdMs;
      do {
        ended += await terminateConnections(env.postgresUrl, env.databases);
        await sleep(500);
      } while (Date.now() < until);
      detail = `${ended} connections ended`;
      check = env.probes.postgres();
      break;
    }
    case 'redis-down':
      await env.redis.stop();
      await sleep(fault.holdMs);
      await env.redis.start();
      check = env.probes.redis();
      break;
  }
  const endedAt = Date.now();
  const heldMs = fault.kind === 'kill' ? 0 : endedAt - startedAt.getTime();
  const recoveryMs = await recovery(check.probe, env.recoveryTimeoutMs);
  return {
    fault: describeFault(fault),
    kind: fault.kind,
    startedAt: startedAt.toISOString(),
    heldMs,
    probe: check.name,
    recoveryMs,
    ...(detail ? { detail } : {}),
  };
}

/** Every service killed in turn, the other faults between them; `rounds` times over. */
export function faultPlan(options: { services: string[]; rounds: number; holdMs: number }): Fault[] {
  const others: Fault[] = [
    { kind: 'rabbitmq-down', holdMs: options.holdMs },
    { kind: 'postgres-terminate', holdMs: Math.min(options.holdMs, 3_000) },
    { kind: 'redis-down', holdMs: options.holdMs },
  ];
  const plan: Fault[] = [];
  const every = Math.ceil(options.services.length / (others.length + 1));
  for (let round = 0; round < options.rounds; round++) {
    let placed = 0;
    options.services.forEach((service, i) => {
      plan.push({ kind: 'kill', service });
      // The other faults spread among the kills.
      if ((i + 1) % every === 0 && placed < others.length) plan.push(others[placed++]!);
    });
    plan.push(...others.slice(placed));
  }
  return plan;
}
