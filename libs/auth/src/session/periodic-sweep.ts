/** Runs a sweep of open sockets every few seconds, without keeping the process alive for it. */
export class PeriodicSweep {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly sweep: () => Promise<void>) {}

  start(everyMs: number): void {
    this.timer ??= setInterval(() => void this.sweep().catch(() => undefined), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
