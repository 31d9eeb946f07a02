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
  /** The synchronous part on the main thread: the engine made from the bytes received, and a first search. */
  swapMs: number;
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
  // The handover message, the engine made and the first search run in one task: the first tick after them
  // measures that whole block.
  let swapDone = false;
  let gapAtSwap = Number.NaN;
  const timer = setInterval(() => {
    const now = performance.now();
    const gap = now - last;
    if (gap > maxGap) maxGap = gap;
    if (swapDone && Number.isNaN(gapAtSwap)) gapAtSwap = gap;
    last = now;
  }, 1);
  const started = performance.now();
  try {
    const { index } = await buildInWorker(workerFile, files, hash, () => {});
    const built = performance.now();
    const engine = new SearchEngine(index);
    engine.search(firstQuery, { limit: 20 });
    const swapMs = performance.now() - built;
    swapDone = true;
    // Let the timer see the end of the swap.
    await new Promise((resolve) => setTimeout(resolve, 30));
    return {
      buildS: (built - started) / 1000,
      swapMs,
      maxPauseMs: maxGap,
      maxPauseAtSwapMs: gapAtSwap,
    };
  } finally {
    clearInterval(timer);
  }
}
