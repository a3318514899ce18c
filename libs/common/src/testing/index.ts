import { pino } from 'pino';

export * from './boot-service.js';
export * from './broker.js';
export * from './club-summary.js';
export * from './databases.js';
export * from './fail-deliveries.js';
export * from './fetch-json.js';
export * from './infra.js';
export * from './json-client.js';
export * from './json-exchange.js';
export * from './process-group.js';
export * from './property-fuzz.js';
export * from './raw-get.js';
export * from './record-events.js';
export * from './registration-body.js';
export * from './route-fuzz.js';
export * from './storage.js';
export * from './test-logger.js';
export * from './token-attacks.js';
export * from './tokens.js';
export * from './vhosts.js';
export * from './wait.js';

/** A logger at info whose JSON lines are kept in `lines`, for tests that check what gets logged. */
export function capturingLogger() {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  return { logger, lines };
}
export * from './free-ports.js';
