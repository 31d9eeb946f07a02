// Work on the main thread cut into steps: a generator yields between steps, and each step runs on its own turn
// of the event loop, so the window is answered between them (a swap of the search index must never pause it
// for more than a few milliseconds at a time).

/** Runs `steps` to the end, one step per turn of the event loop; resolves with what it returns. */
export async function stepThrough<T>(steps: Generator<void, T>): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    await new Promise((resolve) => setImmediate(resolve));
    step = steps.next();
  }
  return step.value;
}

/** Runs `steps` to the end at once (a first load, when nothing else is waiting). */
export function runAtOnce<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
