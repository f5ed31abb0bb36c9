/** Locks after a set time without use. Pure timing logic with an injectable clock, so it is unit-tested. */
export class IdleLock {
  private last: number;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private minutes: number,
    private readonly onIdle: () => void,
    private readonly now: () => number = Date.now,
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

  /** user activity: start the count again */
  touch(): void {
    this.last = this.now();
    this.schedule(this.limitMs);
  }

  /** true (and onIdle called) when the time is up, e.g. after the tablet slept with the page hidden */
  check(): boolean {
    if (this.now() - this.last >= this.limitMs) {
      this.stop();
      this.onIdle();
      return true;
    }
    this.schedule(this.limitMs - (this.now() - this.last));
    return false;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    this.stop();
    this.timer = setTimeout(() => this.check(), Math.max(0, ms));
  }
}
