import { describe, expect, it } from 'vitest';
import { stepThrough } from './steps';

describe('work in steps', () => {
  it('runs each step on its own turn of the event loop and returns the result', async () => {
    const turns: string[] = [];
    function* work(): Generator<void, number> {
      turns.push('step 1');
      // Something the event loop has to run between the steps (a window's request).
      setImmediate(() => turns.push('between'));
      yield;
      turns.push('step 2');
      return 42;
    }
    await expect(stepThrough(work())).resolves.toBe(42);
    expect(turns).toEqual(['step 1', 'between', 'step 2']);
  });
});
