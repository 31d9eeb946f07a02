// One task at a time per key, in the order they were queued, within this process: an account's login attempts
// (auth/auth.ts), a content folder's writes (redaction/files.ts). A task's failure does not stop the next.
export class KeyedQueue<K> {
  /** The tail of each key's queue; a key whose last task has ended has no entry. */
  private readonly tails = new Map<K, Promise<unknown>>();

  /** Runs `task` once every task queued before it under `key` has ended. Not reentrant for the same key. */
  run<T>(key: K, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(task);
    const tail = run.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }
}
