/** Runs `steps` to the end at once: its result, and how many times it yielded (a turn the event loop gets). */
export function runCountingYields<T>(steps: Generator<void, T>): { value: T; yields: number } {
  let yields = 0;
  let step = steps.next();
  while (!step.done) {
    yields++;
    step = steps.next();
  }
  return { value: step.value, yields };
}
