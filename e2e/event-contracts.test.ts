import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  contractBreaks,
  type EventContract,
  eventContracts,
  type ServiceEvents,
} from '@sproul/common/events';
import type { EventHandler } from '@sproul/common/messaging';
import { describe, expect, it } from 'vitest';
import { authEvents } from '../services/auth/src/entry-points/messaging/declared-events.js';
import { authService } from '../services/auth/src/service.js';
import { catalogEvents } from '../services/catalog/src/entry-points/messaging/declared-events.js';
import { catalogService } from '../services/catalog/src/service.js';
import { engagementEvents } from '../services/engagement/src/entry-points/messaging/declared-events.js';
import { engagementService } from '../services/engagement/src/service.js';
import { mailerEvents } from '../services/mailer/src/entry-points/messaging/declared-events.js';
import { mediaEvents } from '../services/media/src/entry-points/messaging/declared-events.js';
import { mediaService } from '../services/media/src/service.js';
import { monitorEvents } from '../services/monitor/src/entry-points/messaging/declared-events.js';
import { monitorService } from '../services/monitor/src/service.js';
import { recommenderEvents } from '../services/recommender/src/entry-points/messaging/declared-events.js';
import { recommenderService } from '../services/recommender/src/service.js';

/**
 * The contract test of independent deploys: every field a consumer says it reads is in the current
 * schema of what its producer publishes (and required, unless the consumer copes without it), and
 * every declaration says what the code does. See docs/architecture.md, "How contracts evolve".
 */
const declared: ServiceEvents[] = [
  authEvents,
  catalogEvents,
  engagementEvents,
  mailerEvents,
  mediaEvents,
  monitorEvents,
  recommenderEvents,
];

/** Event types produced outside the platform (none yet): a consumer of one has no producer to check. */
const external: string[] = [];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The declaration names every contract and field itself: what counts is what the rest of the code names.
const DECLARATION = 'declared-events.ts';
const sourceOf = (dir: string): string =>
  readdirSync(dir)
    .map((name) => path.join(dir, name))
    .map((full) => {
      if (statSync(full).isDirectory()) return sourceOf(full);
      return full.endsWith('.ts') && path.basename(full) !== DECLARATION ? readFileSync(full, 'utf8') : '';
    })
    .join('\n');
const serviceSource = (service: string) => sourceOf(path.join(root, 'services', service, 'src'));
const messagingSource = (service: string) =>
  sourceOf(path.join(root, 'services', service, 'src/entry-points/messaging'));

// Contracts are exported as `<Type>V<version>`: the names the source uses.
const contractNamed = new Map<string, EventContract>(
  eventContracts.map((contract) => [`${contract.type}V${contract.version}`, contract]),
);
const keyOf = (contract: EventContract) => `${contract.type} v${contract.version}`;
const namesIn = (source: string, pattern: RegExp) =>
  [...source.matchAll(pattern)].map((match) => {
    const contract = contractNamed.get(match[1] as string);
    if (!contract) throw new Error(`${match[1]} is not in the registry`);
    return keyOf(contract);
  });
const sorted = (keys: Iterable<string>) => [...new Set(keys)].sort();

/** A stand-in for a service's context: handler factories only capture it. */
const anything: unknown = new Proxy(() => anything, { get: () => anything, apply: () => anything });
const handlerFactories: Record<string, ((ctx: never) => EventHandler[]) | undefined> = {
  auth: authService.handlers,
  catalog: catalogService.handlers,
  engagement: engagementService.handlers,
  media: mediaService.handlers,
  monitor: monitorService.handlers,
  recommender: recommenderService.handlers,
};

describe('event contracts between services', () => {
  it('breaks no consumer: every field read is published, required or read as optional, in that version', () => {
    expect(contractBreaks(declared, { external })).toEqual([]);
  });

  it('declares every event a service consumes, and only those', () => {
    for (const { service, reads } of declared) {
      const source = messagingSource(service);
      // Kernel handlers (`on`, `onBatch`, or a helper of the same shape) and the mailer's own consumers.
      const consumed = [
        ...namesIn(source, /\b(?:on|onBatch|foldIn)\(\s*([A-Z]\w*V\d+)\s*,/g),
        ...namesIn(source, /\bcontract:\s*([A-Z]\w*V\d+)\b/g),
        ...(handlerFactories[service]?.(anything as never) ?? []).map((handler) => keyOf(handler.contract)),
      ];
      expect(sorted(reads.map(({ contract }) => keyOf(contract))), service).toEqual(sorted(consumed));
    }
  });

  it('declares every event a service publishes, and only those', () => {
    for (const { service, publishes } of declared) {
      const source = serviceSource(service);
      const made = [
        ...namesIn(source, /\bmakeEvent\(\s*([A-Z]\w*V\d+)\s*,/g),
        // The kernel makes replay requests for a service that asks for them (messaging/replay-requests).
        ...(/\b(askForReplay|requestReplayOnFirstStart|replayAsker)\b/.test(source)
          ? ['ReadModelReplayRequested v1']
          : []),
      ];
      expect(sorted(publishes.map(keyOf)), service).toEqual(sorted(made));
    }
  });

  it('reads only fields the service’s code names', () => {
    for (const { service, reads } of declared) {
      let source = serviceSource(service);
      // `replaysAsking` (the kernel's) reads a replay request's `owners` for the service that calls it.
      if (/\breplaysAsking\b/.test(source))
        source += readFileSync(
          path.join(root, 'libs/common/src/events/contracts/read-model-replay.ts'),
          'utf8',
        );
      for (const { contract, fields } of reads) {
        for (const field of fields) {
          const leaf =
            field
              .split('.')
              .at(-1)
              ?.replace(/[?[\]]/g, '') ?? '';
          expect(new RegExp(`\\b${leaf}\\b`).test(source), `${service}: ${keyOf(contract)} ${field}`).toBe(
            true,
          );
        }
      }
    }
  });
});
