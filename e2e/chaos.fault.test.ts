import { existsSync } from 'node:fs';
import { infraAvailable, infraUrls } from '@sproul/common/testing';
import { describe, expect, it } from 'vitest';
import type { Fault } from '../scripts/src/chaos/faults.js';
import { runChaos } from '../scripts/src/chaos/run.js';

// The short form of `npm run chaos`: `npm run stack` on a private RabbitMQ node and Redis (the
// machine's shared ones are never stopped), two services killed, one PostgreSQL termination, one
// broker stop/start and one Redis outage while officers and students go through their journeys.
// Afterwards nothing is lost, nothing happened twice, no answer was a 5xx but 502/503/504.
const FAULTS: Fault[] = [
  { kind: 'kill', service: 'catalog' },
  { kind: 'rabbitmq-down', holdMs: 4_000 },
  { kind: 'kill', service: 'engagement' },
  { kind: 'postgres-terminate', holdMs: 2_000 },
  { kind: 'redis-down', holdMs: 4_000 },
];

describe('the stack under fire (short chaos run)', async () => {
  const servers = ['/usr/lib/rabbitmq/bin/rabbitmq-server', '/usr/bin/redis-server'].every((file) =>
    existsSync(file),
  );
  if (!servers && process.env.REQUIRE_INFRA === '1') {
    throw new Error('REQUIRE_INFRA=1 but rabbitmq-server or redis-server is not installed');
  }
  const available = servers && (await infraAvailable('postgres'));

  it.skipIf(!available)(
    'loses no event and no email, doubles none, and answers no 500 while services die and dependencies go away',
    { timeout: 300_000 },
    async () => {
      const { report, stackOutput } = await runChaos({
        faults: FAULTS,
        lanes: 2,
        minDurationMs: 0,
        maxJourneys: 6,
        gapMs: 1_000,
        stepTimeoutMs: 90_000,
        recoveryTimeoutMs: 90_000,
        postgresUrl: infraUrls.postgres,
      });
      const failed = report.checks.filter((check) => !check.ok);
      expect(failed, `${JSON.stringify(failed, null, 2)}\n${stackOutput.slice(-4000)}`).toEqual([]);
      expect(report.lost).toBe(0);
      expect(report.duplicated).toBe(0);
      expect(report.faults.map((fault) => fault.fault)).toEqual([
        'SIGKILL catalog',
        'rabbitmq-down for 4 s',
        'SIGKILL engagement',
        'postgres-terminate for 2 s',
        'redis-down for 4 s',
      ]);
      for (const fault of report.faults) expect(fault.recoveryMs, fault.fault).not.toBeNull();
      // The workload went on through the faults: journeys completed, events flowed, emails went out.
      expect(report.operations.journeys.completed).toBeGreaterThanOrEqual(2);
      expect(report.events.deliveriesChecked).toBeGreaterThan(0);
      expect(report.emails).toBeGreaterThanOrEqual(3 * report.operations.journeys.completed);
    },
  );
});
