// The longest pause of the main thread while a rebuilt index replaces the current one: the build runs in the
// worker, which hands its bytes over (transferred); the main thread then makes the engine from them and answers
// a first query. A 1 ms interval timer notes every late tick: its largest lateness is the longest time the
// window could not have been answered.
import type { ContentFile } from '../../electron/core/knowledge/content-files';
import { buildInWorker } from '../../electron/core/search/build-in-worker';
import { SearchEngine } from '../../electron/core/search/engine';

export interface SwapPause {
  /** The worker's build, serialisation included (seconds). */
  buildS: number;
  /**
   * From the bytes received to the engine in place (decoded and prepared in steps, the event loop running between
   * them).
   */
  swapMs: number;
  /** The first search on the new engine (a query like any other, not part of the swap). */
  firstSearchMs: number;
  /** The longest gap between two ticks of the 1 ms timer, from the build's start to after the swap. */
  maxPauseMs: number;
  /** The same, during the swap alone (the handover message, the engine made, a first search). */
  maxPauseAtSwapMs: number;
}

export async function measureSwapPause(
  workerFile: string,
  files: ContentFile[],
  hash: string,
  firstQuery: string,
): Promise<SwapPause> {
  let last = performance.now();
  let maxGap = 0;
  // From the bytes received to the engine in place, the largest gap between ticks.
  let received = Number.POSITIVE_INFINITY;
  let swapDone = false;
  let gapAtSwap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const gap = now - last;
    if (gap > maxGap) maxGap = gap;
    if (now >= received && !swapDone && gap > gapAtSwap) gapAtSwap = gap;
    last = now;
  }, 1);
  const started = performance.now();
  try {
    const { index } = await buildInWorker(
      workerFile,
      files,
      hash,
      () => {},
      undefined,
      () => (received = performance.now()),
    );
    // As the search service swaps: the engine prepared in steps, then put in place.
    const engine = await SearchEngine.prepared(index);
    const built = performance.now();
    // The gap that ends with the engine in place counts too: let one tick see it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    swapDone = true;
    const swapMs = built - received;
    engine.search(firstQuery, { limit: 20 });
    const firstSearchMs = performance.now() - built;
    // Let the timer see the end of the swap.
    await new Promise((resolve) => setTimeout(resolve, 30));
    return {
      buildS: (received - started) / 1000,
      swapMs,
      firstSearchMs,
      maxPauseMs: maxGap,
      maxPauseAtSwapMs: gapAtSwap,
    };
  } finally {
    clearInterval(timer);
  }
}
