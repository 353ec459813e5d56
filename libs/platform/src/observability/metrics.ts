import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What a command came to, as an operator wants to count it. */
export type CommandResult = 'ok' | 'conflict' | 'refused' | 'not_visible' | 'error';

/** One projection as the lag gauges need it: where it stands, and how far and how long the log is ahead. */
export interface ProjectionLag {
  readonly projection: string;
  readonly events: number;
  readonly seconds: number;
}

/** Seconds: from a cheap read to a command that waits for its read models. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const BATCH_BUCKETS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 5000];

/**
 * Every metric the platform exports, in its own prom-client registry (never the library's global
 * one: two applications in one process, as in tests, keep separate counts). Labels only ever hold
 * names the schema or the code bounds (operation root fields, command types, projection names),
 * never a value a client typed, so a label can hold no personal data and cardinality stays small.
 */
export class KomMetrics {
  readonly registry = new Registry();

  readonly graphqlRequests = new Counter({
    name: 'kom_graphql_requests_total',
    help: 'GraphQL operations received, by operation (first root field) and type',
    labelNames: ['operation', 'type', 'transport'] as const,
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'kom_graphql_errors_total',
    help: 'GraphQL operations answered with at least one error, by operation and error code',
    labelNames: ['operation', 'type', 'code'] as const,
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'kom_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL operation over HTTP to sending its answer',
    labelNames: ['operation', 'type'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'kom_commands_total',
    help: 'Commands through the command path, by command and result (ok, conflict, refused, not_visible, error)',
    labelNames: ['command', 'result'] as const,
    registers: [this.registry],
  });

  readonly commandDuration = new Histogram({
    name: 'kom_command_duration_seconds',
    help: 'Time a command takes: load, decide, append and wait for the local read models',
    labelNames: ['command'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly appends = new Counter({
    name: 'kom_appends_total',
    help: 'Appends to the event store that wrote at least one event',
    registers: [this.registry],
  });

  readonly appendedEvents = new Counter({
    name: 'kom_appended_events_total',
    help: 'Events written to the event store (rate(): the append rate)',
    registers: [this.registry],
  });

  readonly appendBatchSize = new Histogram({
    name: 'kom_append_batch_size',
    help: 'Events per append (one append is one transaction, one fsync on the embedded store)',
    buckets: BATCH_BUCKETS,
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'kom_append_duration_seconds',
    help: 'Time one append takes in the event store',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly projectionBatches = new Counter({
    name: 'kom_projection_batches_total',
    help: 'Batches the projections committed (one transaction each)',
    registers: [this.registry],
  });

  readonly projectionEvents = new Counter({
    name: 'kom_projection_events_total',
    help: 'Events the projections committed',
    registers: [this.registry],
  });

  readonly subscriptions = new Gauge({
    name: 'kom_graphql_subscriptions',
    help: 'GraphQL subscriptions live now (graphql-ws)',
    registers: [this.registry],
  });

  readonly integrityVerifications = new Counter({
    name: 'kom_integrity_verifications_total',
    help: 'Verifications of hash chains and signed checkpoints, by scope (startup, log, stream) and result (valid, broken)',
    labelNames: ['scope', 'result'] as const,
    registers: [this.registry],
  });

  readonly personalDataRefused = new Counter({
    name: 'kom_personal_data_refused_total',
    help: 'Commands refused because they held a national identity number (the value is never recorded)',
    registers: [this.registry],
  });

  private lagSource: (() => Promise<readonly ProjectionLag[]>) | undefined;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    const lagOf = (pick: (lag: ProjectionLag) => number) =>
      async function (this: Gauge<'projection'>) {
        this.reset();
        for (const lag of (await source()) ?? []) this.set({ projection: lag.projection }, pick(lag));
      };
    const source = () => this.lagSource?.().catch(() => undefined);
    new Gauge({
      name: 'kom_projection_lag_events',
      help: 'Events in the log a projection has not committed yet (measured when scraped)',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      collect: lagOf((lag) => lag.events),
    });
    new Gauge({
      name: 'kom_projection_lag_seconds',
      help: 'How long the oldest event a projection has not committed has been in the log (0: caught up)',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      collect: lagOf((lag) => lag.seconds),
    });
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'kom_process_' });
  }

  /** Where the lag gauges read from when scraped (the projections service). */
  measureLagWith(source: () => Promise<readonly ProjectionLag[]>): void {
    this.lagSource = source;
  }

  /** The exposition text a Prometheus scrape receives. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

export const METRICS = Symbol.for('kom.Metrics');
