import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, type Position } from '@kom/event-store';
import { READ_MODELS, ReactorRegistry, ReactorRunner } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';
import { issuesFromMeetingsReactor } from './issues-from-meetings.reactor';

/**
 * Runs the issues context's reactors for the life of the process (started once the application
 * has bootstrapped, so projections run and the command bus is ready; stopped before the store
 * and the read-model database close).
 */
@Injectable()
export class IssueReactors implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('IssueReactors');
  readonly runners: readonly ReactorRunner[];

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODELS) readModels: ReadModelDatabase,
    @Inject(CommandBus) commands: CommandBus,
    @Inject(ReactorRegistry) registry: ReactorRegistry,
  ) {
    const logger = { log: (msg: string, ctx?: object) => this.logger.log({ ...ctx, msg }), error: (msg: string, ctx?: object) => this.logger.error({ ...ctx, msg }) };
    this.runners = [
      new ReactorRunner(store, readModels.db, issuesFromMeetingsReactor(store), {
        dispatch: (command) => commands.execute(command as never),
        logger,
      }),
    ];
    this.runners.forEach((runner) => registry.register(runner));
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const runner of this.runners) await runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const runner of this.runners) await runner.stop();
  }

  /** Resolves once every reactor has finished with `position` (and the read models show its effects). */
  async waitFor(position: Position): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.waitFor(position)));
  }

  /** The reactors that have not finished with `position`. */
  lagging(position: Position): string[] {
    return this.runners.map((runner) => runner.status()).filter((s) => s.position < position).map((s) => s.name);
  }
}
