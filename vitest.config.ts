import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Unit test files run side by side: each opens its own database in a folder of its own. Vitest's
 * default, a worker fewer than the processors, runs one file at a time on the 2-core office
 * laptops and CI machines; a test spends part of its time waiting (its disk, LibreOffice, a child
 * process), so one worker more than the processors keeps them busy. End-to-end journeys run one at
 * a time after them: a browser and a web host each, on a machine left to them, as a person's.
 */
const maxWorkers = availableParallelism() + 1;

// Beside other files, a whole page rendered in jsdom or a test's own SQLite work can take several
// times what it takes alone (over 20 s on a machine busy with other work): a test is given 60 s
// before it counts as hung, and no file sets a shorter limit of its own.
const testTimeout = 60_000;

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'core', environment: 'node', include: ['tests/core/**/*.test.ts'], maxWorkers, testTimeout },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
          maxWorkers,
          testTimeout,
        },
      },
      {
        // End-to-end journeys drive Chromium against the web host, which serves what `npm run build`
        // made: a build older than the sources is made again first (`freshBuild.ts`).
        test: {
          name: 'e2e',
          globalSetup: ['tests/e2e/freshBuild.ts'],
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // What a journey waits for appears once the backend has answered, which on a loaded
          // machine may take seconds: every expect.poll waits this long for its condition.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
