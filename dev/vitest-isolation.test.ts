// Test files share their worker's modules (vitest.config.ts, isolate: false), so a module replaced with vi.mock in
// one file would stay replaced — or never be — for the files after it. Every file that mocks a module must be
// listed in MOCKING, which runs it in a registry of its own.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MOCKING } from '../vitest.config';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FOLDERS = ['common', 'electron', 'dev', 'scripts', 'renderer', 'eval'];
const MOCKS_A_MODULE = /\bvi\.(mock|doMock)\(/;

function testFiles(): string[] {
  return FOLDERS.flatMap((folder) =>
    readdirSync(`${ROOT}${folder}`, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.test.ts') && !name.includes('node_modules'))
      .map((name) => `${folder}/${name.replaceAll('\\', '/')}`),
  );
}

describe('the Vitest projects', () => {
  it('run every file that mocks a module in a registry of its own, and only those', () => {
    const mocking = testFiles()
      .filter((file) => file !== 'dev/vitest-isolation.test.ts')
      .filter((file) => MOCKS_A_MODULE.test(readFileSync(`${ROOT}${file}`, 'utf8')))
      .sort();
    expect(mocking).toEqual([...MOCKING].sort());
  });
});
