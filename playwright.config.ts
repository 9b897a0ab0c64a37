import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium (apt-get install chromium); Playwright's own browser download cannot work offline.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: chromium,
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions: chromium }, testIgnore: /phone\.spec/ },
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, launchOptions: chromium },
      testMatch: /phone\.spec/,
    },
  ],
  // The real app (next build && next start) on its own embedded PostgreSQL with a fresh test database.
  webServer: {
    command: `npx tsx scripts/start.ts --port ${PORT} --database bangfu_e2e --fresh --seed test`,
    url: `http://localhost:${PORT}/login`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      EMBEDDED_PG_DIR: process.env.E2E_PG_DIR ?? '.data/e2e-pg',
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? '54349',
      AUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
      BANGFU_STRICT_MESSAGES: '1', // a missing message key breaks the page instead of showing the key
    },
  },
});
