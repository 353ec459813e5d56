import { Injectable } from '@nestjs/common';
import type { ReactorRunner } from './reactor-runner';

/**
 * Every reactor running in this replica, whichever context started it: readiness and the
 * platform status report on them as on projections.
 */
@Injectable()
export class ReactorRegistry {
  private readonly runners = new Set<ReactorRunner>();

  register(runner: ReactorRunner): void {
    this.runners.add(runner);
  }

  status(): Array<{ name: string; state: string; position: bigint }> {
    return [...this.runners].map((runner) => runner.status());
  }

  /** Every reactor is running and has handled the log up to `head`. */
  caughtUpWith(head: bigint): boolean {
    return this.status().every((s) => s.state === 'running' && s.position >= head);
  }
}
