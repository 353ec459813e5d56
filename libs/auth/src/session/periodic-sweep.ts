/**
 * Runs a sweep of open sockets every few seconds, without keeping the process alive for it. A tick
 * that comes while the last sweep still runs (a slow identity provider, a slow session store) is
 * skipped: sweeps never pile up on the same sockets.
 */
export class PeriodicSweep {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly sweep: () => Promise<void>) {}

  start(everyMs: number): void {
    this.timer ??= setInterval(() => void this.tick(), everyMs);
    this.timer.unref();
  }

  /** One sweep, unless one is running. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.sweep();
    } catch {
      // a failed sweep closes nothing; the next tick tries again
    } finally {
      this.running = false;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
