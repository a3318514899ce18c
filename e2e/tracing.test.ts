import { randomBytes } from 'node:crypto';
import { createTestVhost, eventually, infraAvailable } from '@sproul/common/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { registrationBody } from './support/officer.js';
import { startOtlpReceiver } from './support/otlp-receiver.js';
import { apiAt } from './support/platform.js';
import { freePortRange, type Spawned, waitForHttp } from './support/processes.js';
import { answers200, createStackAdmin, dropStackDatabases, launchStack } from './support/stack.js';

const [SERVER, PRODUCER, CONSUMER] = [2, 4, 5];

describe('tracing in npm run stack (OTLP to a receiver of the test)', async () => {
  const available = await infraAvailable('postgres', 'rabbitmq', 'redis');
  const prefix = `test_trace_${randomBytes(3).toString('hex')}`;
  const vhost = available ? await createTestVhost('trace') : undefined;
  const receiver = await startOtlpReceiver();
  let stack: Spawned | undefined;

  afterAll(async () => {
    await stack?.stop();
    await receiver.close();
    await vhost?.drop();
    if (!available) return;
    await dropStackDatabases(prefix);
  });

  it.skipIf(!available)(
    'one trace spans a registration: gateway, auth, the bus hop, catalog and the mailer',
    { timeout: 180_000 },
    async () => {
      const port = await freePortRange(8);
      stack = launchStack(
        { port, prefix, amqpUrl: vhost!.url },
        {
          TRUST_PROXY: 'loopback',
          RATE_LIMIT_FACTOR: '0.001',
          METADATA_ANNOUNCE_INTERVAL_MS: '2000',
          GATEWAY_WORKERS: '1',
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
          OTEL_BSP_SCHEDULE_DELAY: '100',
        },
      );
      await waitForHttp(`http://127.0.0.1:${port + 1000}/readyz`, 120_000, stack);
      const admin = { email: 'admin@trace.test', password: 'Admin-pass-42!' };
      await createStackAdmin(prefix, admin);
      const api = apiAt(`http://127.0.0.1:${port}`);
      const from = { 'x-forwarded-for': `10.43.${randomBytes(1)[0]}.${randomBytes(1)[0]}` };
      const adminToken = (await api('/api/monitor/login', { body: admin, headers: from })).body
        .access as string;
      const email = `officer-${prefix}@berkeley.edu`;
      expect((await api('/api/monitor/rso', { body: { email }, token: adminToken })).status).toBe(200);
      const tags = (await api('/api/catalog/tags')).body as { id: number }[];

      // Each attempt starts a trace of the test's own (the gateway continues a caller's traceparent);
      // attempts are repeated until auth has learnt the catalog's tags.
      let traceId = '';
      await answers200(() => {
        traceId = randomBytes(16).toString('hex');
        return api('/api/user/register', {
          headers: { ...from, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
          body: registrationBody({
            name: `Club ${prefix}`,
            email,
            password: 'Robots-4-ever!',
            tags: [tags[0]!.id],
          }),
        });
      }, 60_000);

      const ofTrace = () => receiver.spans.filter((span) => span.traceId === traceId);
      const consumerIn = (service: string) =>
        ofTrace().find((span) => span.service === service && span.kind === CONSUMER);
      // The catalog makes the club and the mailer sends the confirmation, each from an event of auth's.
      await eventually(() => consumerIn('catalog') && consumerIn('mailer'), 60_000).catch((error) => {
        const seen = ofTrace().map((span) => `${span.service} ${span.kind} ${span.name}`);
        const services = [...new Set(receiver.spans.map((span) => span.service))];
        throw new Error(`${error.message}; in the trace: ${seen.join(', ')}; all services: ${services}`);
      });
      const spans = ofTrace();
      const byId = new Map(spans.map((span) => [span.spanId, span]));
      const gateway = spans.find((span) => span.service === 'gateway' && span.kind === SERVER);
      const auth = spans.find((span) => span.service === 'auth' && span.kind === SERVER);
      expect(gateway, JSON.stringify(spans)).toBeDefined();
      expect(auth?.parentSpanId).toBe(gateway!.spanId);
      for (const service of ['catalog', 'mailer']) {
        // consumer ← the bus hop (auth's relay publishing) ← auth's request
        const consumer = consumerIn(service)!;
        const hop = byId.get(consumer.parentSpanId);
        expect(hop, `${service}'s event was published in the trace`).toMatchObject({
          service: 'auth',
          kind: PRODUCER,
        });
        expect(hop!.parentSpanId).toBe(auth!.spanId);
      }
      const services = new Set(spans.map((span) => span.service));
      for (const service of ['gateway', 'auth', 'catalog', 'mailer']) expect(services).toContain(service);
    },
  );
});
