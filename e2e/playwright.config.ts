import { defineConfig } from '@playwright/test';
import { resolve } from 'node:path';

/**
 * Browser tests against the app that scripts/test.sh starts (simulator + backend + frontend).
 * Chromium comes from Debian's package: Playwright cannot download its own browsers here.
 */
const outputRoot = resolve(__dirname, '../test-output');

export default defineConfig({
  testDir: './tests',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [
    ['list'],
    ['json', { outputFile: resolve(outputRoot, 'e2e.json') }],
  ],
  outputDir: resolve(outputRoot, 'e2e-results'),
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://localhost:3000',
    viewport: { width: 1440, height: 1000 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
