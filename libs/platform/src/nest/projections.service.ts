import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type Position, type RecordedEvent } from '@kom/event-store';
import { ProjectionRunner, type ReadModelDatabase } from '@kom/projections';
import { BOUNDED_CONTEXTS, READ_MODELS } from './tokens';
import type { BoundedContext } from '../bounded-context';

/** Runs every context's projections for the life of the process; read-your-writes waits on it. */
@Injectable()
export class ProjectionsService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private readonly runner: ProjectionRunner;
  private readonly listeners = new Set<(events: readonly RecordedEvent[]) => void>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) readonly readModels: ReadModelDatabase,
    @Inject(BOUNDED_CONTEXTS) contexts: readonly BoundedContext[],
  ) {
    this.runner = new ProjectionRunner(
      store,
      readModels,
      contexts.flatMap((c) => c.projections),
      {
        logger: { log: (m, c) => this.logger.log({ ...c, msg: m }), error: (m, c) => this.logger.error({ ...c, msg: m }) },
        onCommitted: (events) => this.listeners.forEach((listener) => listener(events)),
      },
    );
  }

  async onModuleInit(): Promise<void> {
    await this.runner.start();
  }

  // Before the store and the database close (PlatformModule closes them on shutdown).
  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }

  waitFor(position: Position): Promise<void> {
    return this.runner.waitFor(position);
  }

  status() {
    return this.runner.status();
  }

  /** The projections that have not committed `position`. */
  lagging(position: Position): string[] {
    return this.runner.status().filter((p) => p.position < position).map((p) => p.name);
  }

  isCaughtUp(): Promise<boolean> {
    return this.runner.isCaughtUp();
  }

  /** Called after each committed batch, once the read models show it (for GraphQL subscriptions). */
  onCommitted(listener: (events: readonly RecordedEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
