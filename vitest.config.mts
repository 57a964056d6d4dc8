import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Password hashes at scrypt N=2^14 instead of 2^17 (src/server/auth/password.ts): the suite signs in thousands
// of times. Set here, not per project, so the global setup's template centre hashes its users the same way.
process.env.PASSWORD_COST ??= '14';

export default defineConfig({
  test: {
    // Vitest's default leaves one core idle; most files wait on sockets and disks, so two workers
    // on two cores finish the suite in about two thirds of the time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/shared/**/*.test.ts', 'src/main/**/*.test.ts', 'src/server/**/*.test.ts', 'tests/node/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts', 'tests/fault/**/*.test.ts'],
          globalSetup: ['tests/server/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['src/renderer/**/*.test.{ts,tsx}', 'tests/jsdom/**/*.test.{ts,tsx}'],
          testTimeout: 15_000,
          setupFiles: ['tests/jsdom/setup.ts'],
        },
      },
    ],
  },
});
