import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startIdleTimer } from './idle';

describe('the kiosk’s idle clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resets after the delay without activity, once', () => {
    const onIdle = vi.fn();
    const timer = startIdleTimer(90_000, onIdle);
    vi.advanceTimersByTime(89_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    timer.stop();
  });

  it('starts the delay again at each touch', () => {
    const onIdle = vi.fn();
    const timer = startIdleTimer(30_000, onIdle);
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(25_000);
      timer.touch();
    }
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(30_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    // A touch after the reset arms it again for the next citizen.
    timer.touch();
    vi.advanceTimersByTime(30_000);
    expect(onIdle).toHaveBeenCalledTimes(2);
    timer.stop();
  });

  it('never fires once stopped', () => {
    const onIdle = vi.fn();
    startIdleTimer(1_000, onIdle).stop();
    vi.advanceTimersByTime(10_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
