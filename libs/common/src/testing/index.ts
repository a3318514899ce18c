import { pino } from 'pino';

export * from './databases.js';
export * from './infra.js';
export * from './wait.js';

/** A logger for tests: silent unless TEST_LOG_LEVEL is set. */
export const testLogger = () => pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
export * from './broker.js';
export * from './record-events.js';
export * from './vhosts.js';
