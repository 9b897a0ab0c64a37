import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(import.meta.dirname),
  // 'server-only' throws outside Next's server bundle; tests import data modules directly.
  'server-only': path.resolve(import.meta.dirname, 'tests/support/empty.ts'),
};

// Lets data functions call Next's forbidden() outside Next, as next.config's experimental.authInterrupts does inside.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          setupFiles: ['tests/integration/setup.ts'],
          fileParallelism: false, // one database; files run one after another
          testTimeout: 30_000,
          // next-auth imports 'next/server' without an extension, which only a bundler resolves.
          server: { deps: { inline: ['next-auth', '@auth/core'] } },
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
