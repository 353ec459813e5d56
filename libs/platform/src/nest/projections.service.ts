import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type Position, type RecordedEvent } from '@kom/event-store';
import { ProjectionRunner, type ReadModelDatabase } from '@kom/projections';
import { SpanStatusCode } from '@opentelemetry/api';
import { BOUNDED_CONTEXTS, READ_MODELS } from './tokens';
import { METRICS, type KomMetrics, type ProjectionLag } from '../observability/metrics';
import { tracer } from '../observability/tracing';
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
    @Inject(METRICS) metrics: KomMetrics,
  ) {
    this.runner = new ProjectionRunner(
      store,
      readModels,
      contexts.flatMap((c) => c.projections),
      {
        logger: { log: (m, c) => this.logger.log({ ...c, msg: m }), error: (m, c) => this.logger.error({ ...c, msg: m }) },
        onCommitted: (events) => this.listeners.forEach((listener) => listener(events)),
        aroundBatch: (events, commit) =>
          tracer().startActiveSpan('projection batch', { attributes: { 'kom.events': events.length, 'kom.to_position': String(events.at(-1)?.position) } }, (span) => {
            try {
              commit();
              metrics.projectionBatches.inc();
              metrics.projectionEvents.inc(events.length);
            } catch (error) {
              span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
              throw error;
            } finally {
              span.end();
            }
          }),
      },
    );
    metrics.measureLagWith(() => this.lag());
  }

  /**
   * How far each projection is behind the log's head: in events (positions between its checkpoint
   * and the head) and in seconds (since the first event it has not committed was recorded).
   */
  async lag(): Promise<ProjectionLag[]> {
    const head = await this.store.headPosition();
    const now = Date.now();
    const pending = new Map<bigint, Promise<number>>();
    const secondsBehind = (position: bigint) => {
      if (!pending.has(position)) {
        pending.set(
          position,
          this.store.readAll({ fromPosition: position, maxCount: 1 }).then(([next]) => (next ? Math.max(0, (now - Date.parse(next.recordedAt)) / 1000) : 0)),
        );
      }
      return pending.get(position)!;
    };
    return Promise.all(
      this.runner.status().map(async (p) =>
        p.position >= head
          ? { projection: p.name, events: 0, seconds: 0 }
          : { projection: p.name, events: Number(head - p.position), seconds: await secondsBehind(p.position) },
      ),
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
