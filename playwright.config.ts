import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4791);

// End-to-end tests drive the real renderer (built by Vite) in Debian's Chromium, talking to the real core
// through the preview server: the same dispatcher as Electron's IPC, only the pipe differs.
export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node --import tsx e2e/serve.ts --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    // e2e/serve.ts removes its temporary folder on SIGTERM (the default, SIGKILL, would leave it in /tmp).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5000 },
  },
});
