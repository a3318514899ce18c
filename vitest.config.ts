import { defineConfig } from 'vitest/config';

// Workspace packages export their TypeScript source under the "source" condition, so tests run
// against src/ directly while built processes (child-process tests, npm start) use dist/.
const shared = {
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
};

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['e2e/global-setup.ts'],
    maxWorkers: 2,
    projects: [
      {
        ...shared,
        extends: true,
        test: {
          name: 'main',
          include: [
            'libs/*/test/**/*.test.ts',
            'services/*/test/**/*.test.ts',
            'bench/test/**/*.test.ts',
            'e2e/**/*.test.ts',
          ],
          exclude: ['**/*.fault.test.ts', '**/*.serial.test.ts', '**/node_modules/**'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Tests that stop and start RabbitMQ or PostgreSQL (*.fault) or time something that a loaded
        // machine would slow down (*.serial, e.g. npm start within 15 s): run after everything else,
        // one file at a time.
        ...shared,
        extends: true,
        test: {
          name: 'serial',
          include: ['**/test/**/*.fault.test.ts', 'e2e/**/*.fault.test.ts', 'e2e/**/*.serial.test.ts'],
          exclude: ['**/node_modules/**'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
