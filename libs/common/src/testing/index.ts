import { pino } from 'pino';

export * from './databases.js';
export * from './infra.js';
export * from './wait.js';

/** A logger for tests: silent unless TEST_LOG_LEVEL is set. */
export const testLogger = () => pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
export * from './broker.js';
export * from './fail-deliveries.js';
export * from './record-events.js';
export * from './route-fuzz.js';
export * from './vhosts.js';

/** A logger at info whose JSON lines are kept in `lines`, for tests that check what gets logged. */
export function capturingLogger() {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  return { logger, lines };
}
