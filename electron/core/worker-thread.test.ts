import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { startWorker } from './worker-thread';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// Each answers with the sum of the bytes it was given.
const ENTRIES = {
  cjs: `const { parentPort, workerData } = require('node:worker_threads');
parentPort.postMessage(workerData.bytes.reduce((sum, byte) => sum + byte, 0));`,
  ts: `import { parentPort, workerData } from 'node:worker_threads';
const bytes: Uint8Array = workerData.bytes;
parentPort?.postMessage(bytes.reduce((sum, byte) => sum + byte, 0));`,
};

describe('a worker thread started with buffers to transfer', () => {
  for (const kind of ['cjs', 'ts'] as const) {
    it(`moves them to the worker rather than copying them (${kind === 'cjs' ? 'bundled' : 'TypeScript'} entry)`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'infocite-worker-'));
      folders.push(dir);
      const file = join(dir, `entry.${kind}`);
      writeFileSync(file, ENTRIES[kind]);
      // As in the project: TypeScript sources are ES modules.
      if (kind === 'ts') writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
      const bytes = new Uint8Array([1, 2, 3, 4]);
      const worker = startWorker(file, { bytes }, [bytes.buffer]);
      // Moved: this side's view is detached at once.
      expect(bytes.byteLength).toBe(0);
      const [sum] = (await once(worker, 'message')) as [number];
      expect(sum).toBe(10);
      await worker.terminate();
    });
  }
});
