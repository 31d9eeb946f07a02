// Vitest setup file: every test file gets its own temporary folder as the system's temporary folder, removed
// after the file's last test. Whatever a test, a fixture helper, a worker thread or a child process creates
// with mkdtempSync(join(tmpdir(), …)) lands in it, so a run leaves nothing in /tmp, even when a test forgets
// its own clean-up or fails half-way.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

// os.tmpdir() reads TMPDIR on POSIX and TEMP / TMP on Windows.
const VARIABLES = ['TMPDIR', 'TEMP', 'TMP'] as const;

const saved = VARIABLES.map((name) => [name, process.env[name]] as const);
const root = mkdtempSync(join(tmpdir(), 'infocite-test-'));
for (const name of VARIABLES) process.env[name] = root;

afterAll(() => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  // A child or a worker may still be closing its files: retry, and never fail a test file for it.
  try {
    rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  } catch (error) {
    console.warn(`temporary folder not removed: ${root} (${String(error)})`);
  }
});
