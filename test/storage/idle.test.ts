import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleLock } from '../../src/storage/idle';

describe('locking after a time without use', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks once the set minutes pass with no activity', () => {
    const onIdle = vi.fn();
    const lock = new IdleLock(5, onIdle);
    lock.touch();
    vi.advanceTimersByTime(4 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('starts the count again on activity', () => {
    const onIdle = vi.fn();
    const lock = new IdleLock(2, onIdle);
    lock.touch();
    vi.advanceTimersByTime(90_000);
    lock.touch();
    vi.advanceTimersByTime(90_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(30_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('locks at once when the page comes back after the tablet slept past the limit', () => {
    let now = 0;
    const onIdle = vi.fn();
    const lock = new IdleLock(5, onIdle, () => now);
    lock.touch();
    lock.stop(); // a sleeping tablet runs no timers
    now = 6 * 60_000;
    expect(lock.check()).toBe(true);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('uses a new limit as soon as it is set', () => {
    const onIdle = vi.fn();
    const lock = new IdleLock(30, onIdle);
    lock.setMinutes(1);
    vi.advanceTimersByTime(60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});
