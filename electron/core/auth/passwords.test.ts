import { describe, expect, it } from 'vitest';
import { TEST_COST } from '../../../dev/test-support/comptes';
import { MAX_CONCURRENT_HASHES, Semaphore, hashSecret, verifySecret } from './passwords';

describe('Semaphore', () => {
  it('runs at most its limit of tasks at once, in arrival order, and frees its places on failure', async () => {
    const semaphore = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (i: number) => async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(i);
      running -= 1;
      if (i % 3 === 0) throw new Error(`task ${i}`);
      return i;
    };
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => semaphore.run(task(i))));
    expect(peak).toBe(2);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(4);
    expect(order.slice(0, 2).sort()).toEqual([0, 1]);
    expect(semaphore.active).toBe(0);
  });
});

describe('hashing', () => {
  it('keeps a small limit on concurrent scrypt work, and still checks secrets', async () => {
    expect(MAX_CONCURRENT_HASHES).toBeGreaterThanOrEqual(1);
    expect(MAX_CONCURRENT_HASHES).toBeLessThanOrEqual(4);
    const hashes = await Promise.all(['un', 'deux', 'trois'].map((secret) => hashSecret(secret, TEST_COST)));
    expect(await verifySecret('deux', hashes[1] ?? '')).toBe(true);
    expect(await verifySecret('un', hashes[1] ?? '')).toBe(false);
  });
});
