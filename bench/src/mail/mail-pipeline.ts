import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DurableInProcessBus } from '@sproul/common/bus/durable';
import { MemoryStore } from '@sproul/common/cache';
import type { loadConfig } from '@sproul/common/config';
import { EmbeddedPostgres } from '@sproul/common/db/embedded';
import { EmailRequestedV1, makeEvent } from '@sproul/common/events';
import { createLogger } from '@sproul/common/logging';
import { startService } from '@sproul/common/service';
import { type configSchema, defineMailerService } from '@sproul/mailer';

/**
 * The mailer as `npm start` runs it (on-disk PGlite, durable in-process bus), counting the SES calls
 * it completes; `run` commits EmailRequested events through an outbox and waits for their SES calls.
 */
export async function openMailPipeline(config: ReturnType<typeof loadConfig<typeof configSchema>>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-mail-'));
  const embedded = await EmbeddedPostgres.open(dataDir);
  const logger = createLogger('bench', 'silent');
  const bus = await DurableInProcessBus.open(embedded.client, logger);
  let accepted = 0;
  const counting = defineMailerService({
    provider: (real) => ({ ...real, send: (email) => real.send(email).finally(() => accepted++) }),
  });
  const deps = { logger, database: embedded.forService('mailer'), bus, store: new MemoryStore() };
  const mailer = await startService(counting, deps, config);
  const { outbox } = mailer.parts;

  /** Events per second from their commit (one transaction each) to SES having answered. */
  async function run(count: number, producers: number, round: string) {
    const target = accepted + count;
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: producers }, async () => {
        while (next < count) {
          const i = next++;
          const data = {
            to: `bench-${round}-${i}@bench.test`,
            template: 'magic-link' as const,
            variables: { magic_url: `http://127.0.0.1:8080/api/user/magic-link/${round}-${i}` },
            userId: null,
          };
          await outbox.transaction((tx) => outbox.append(tx, [makeEvent(EmailRequestedV1, data, 'bench')]));
        }
      }),
    );
    while (accepted < target) await new Promise((resolve) => setTimeout(resolve, 5));
    return count / ((performance.now() - started) / 1000);
  }

  async function close() {
    await mailer.stop();
    await bus.close();
    await embedded.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { run, close };
}
