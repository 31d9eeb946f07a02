import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4791);

/**
 * The specs run in two lanes at once, each on its own server (its own copy of the demo content and its own data
 * folder, on PORT and PORT + 1), each lane one spec file at a time in file order: the specs of a lane share their
 * server's state as they did when all ran in one line, and the two lanes never touch each other's. Lane B takes
 * the specs listed here (about half the run's time); lane A every other spec, new ones included.
 * E2E_LANES=1 runs every spec in one line on one server.
 */
const LANE_B = [
  'admin',
  'bilan',
  'controles',
  'editor',
  'import',
  'label',
  'messages',
  'registry',
  'screens',
].map((name) => `${name}.spec.ts`);
const LANES = process.env.E2E_LANES === '1' ? 1 : 2;

const baseUrlOf = (port: number) => `http://127.0.0.1:${port}/`;

// End-to-end tests drive the real renderer (built by Vite) in Debian's Chromium, talking to the real core
// through the preview server: the same dispatcher as Electron's IPC, only the pipe differs.
export default defineConfig({
  testDir: 'e2e',
  // Guards against a test or a wait that hangs, not measures: CI machines run these tests twice as slowly as a
  // workstation (the longest took 24 s there, against a 30 s limit), and speed is measured by the benchmarks.
  // A wait that must be short says so with its own timeout.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: LANES,
  projects:
    LANES === 1
      ? [{ name: 'e2e' }]
      : [
          { name: 'A', workers: 1, testIgnore: LANE_B },
          { name: 'B', workers: 1, testMatch: LANE_B, use: { baseURL: baseUrlOf(PORT + 1) } },
        ],
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: baseUrlOf(PORT),
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
  webServer: Array.from({ length: LANES }, (_, lane) => ({
    command: `node --import tsx e2e/serve.ts --port ${PORT + lane}`,
    url: baseUrlOf(PORT + lane),
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe' as const,
    // e2e/serve.ts removes its temporary folder on SIGTERM (the default, SIGKILL, would leave it in /tmp).
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5000 },
  })),
});
