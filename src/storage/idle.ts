/**
 * Locks after a set time without use, with a warning WARN_MS ahead (so a worker mid-sentence can say
 * "继续使用"). 0 minutes = only when the worker locks. Pure timing logic with an injectable clock, so
 * it is unit-tested.
 */
export const WARN_MS = 30_000;

export class IdleLock {
  private last: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private warned = false;

  constructor(
    private minutes: number,
    private readonly onIdle: () => void,
    private readonly now: () => number = Date.now,
    /** milliseconds left when the warning starts; null when it ends without a lock */
    private readonly onWarn: (msLeft: number | null) => void = () => undefined,
  ) {
    this.last = now();
  }

  get limitMs(): number {
    return this.minutes * 60_000;
  }

  setMinutes(m: number): void {
    this.minutes = m;
    this.touch();
  }

  /** user activity: start the count again (and end a warning) */
  touch(): void {
    this.last = this.now();
    if (this.warned) {
      this.warned = false;
      this.onWarn(null);
    }
    this.check();
  }

  /** true (and onIdle called) when the time is up, e.g. after the tablet slept with the page hidden */
  check(): boolean {
    this.stop();
    if (this.minutes <= 0) return false;
    const elapsed = this.now() - this.last;
    const limit = this.limitMs;
    if (elapsed >= limit) {
      this.warned = false;
      this.onIdle();
      return true;
    }
    const warnAt = Math.max(0, limit - WARN_MS);
    if (elapsed >= warnAt) {
      if (!this.warned) {
        this.warned = true;
        this.onWarn(limit - elapsed);
      }
      this.schedule(limit - elapsed);
    } else this.schedule(warnAt - elapsed);
    return false;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => this.check(), Math.max(0, ms));
  }
}
