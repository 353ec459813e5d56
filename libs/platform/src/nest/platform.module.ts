import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EVENT_STORE, createEventStore, type EventStore } from '@kom/event-store';
import { ReadModelDatabase } from '@kom/projections';
import { CLOCK, systemClock } from '../clock';
import { upcastersOf } from '../command/upcasters-of';
import { EventSchemaRegistry } from '../command/event-schema-registry';
import { KOM_CONFIG, type KomConfig } from '../config/kom-config';
import type { BoundedContext } from '../bounded-context';
import { EnumValuesResolver } from '../graphql/labels';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from '../idempotency/idempotency-store.port';
import { DEFAULT_IDEMPOTENCY_TIMINGS, IDEMPOTENCY_TIMINGS, IdempotentMutations, REPLAY_VISIBILITY } from '../idempotency/idempotent-mutations';
import { replayVisibility } from '../idempotency/replay-visibility';
import { createIdempotencyStore } from '../idempotency/idempotency-store.factory';
import { SHARED_STATE, SharedStatePostgres } from '../shared-state/shared-state-postgres';
import { PlatformStatusResolver } from '../graphql/platform-status.resolver';
import { ReactorRegistry } from '../reactors/reactor-registry';
import { DataDirectoryLock } from '../ownership/data-directory-lock';
import { LogIntegrity, guardWrites } from '../integrity/log-integrity';
import { METRICS, KomMetrics } from '../observability/metrics';
import { MetricsServer } from '../observability/metrics-server';
import { observeAppends } from '../observability/observed-store';
import { CommandPath } from './command-path';
import { AccessLog } from '../access-log/access-log';
import { ProjectionsService } from './projections.service';
import { BOUNDED_CONTEXTS, DATA_DIR_LOCK, READ_MODELS } from './tokens';

export interface PlatformOptions {
  readonly config: KomConfig;
  readonly contexts: readonly BoundedContext[];
  /** Keep read models in memory (tests); by default they live in the data directory. */
  readonly inMemoryReadModels?: boolean;
  /** The data directory's lock when the caller took it already (the API's main); taken here otherwise. */
  readonly ownership?: DataDirectoryLock;
}

/**
 * The event store, the read-model database, the projection runner and the command path,
 * shared by every bounded context. Global so that context modules need not import it.
 */
@Global()
@Module({})
export class PlatformModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
    @Inject(DATA_DIR_LOCK) private readonly ownership: DataDirectoryLock,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotencyKeys: IdempotencyStore,
    @Inject(SHARED_STATE) private readonly sharedState: SharedStatePostgres | null,
  ) {}

  static forRoot(options: PlatformOptions): DynamicModule {
    const { config } = options;
    return {
      module: PlatformModule,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: KOM_CONFIG, useValue: config },
        { provide: CLOCK, useValue: systemClock },
        { provide: BOUNDED_CONTEXTS, useValue: options.contexts },
        {
          provide: EventSchemaRegistry,
          useFactory: () => new EventSchemaRegistry(options.contexts.flatMap((c) => c.eventSchemas)),
        },
        // Before anything opens a file there: a second process on the directory stops here.
        { provide: DATA_DIR_LOCK, useFactory: () => options.ownership ?? DataDirectoryLock.acquire(config.dataDir) },
        { provide: METRICS, useFactory: () => new KomMetrics() },
        MetricsServer,
        LogIntegrity,
        {
          provide: EVENT_STORE,
          inject: [DATA_DIR_LOCK, LogIntegrity, METRICS],
          useFactory: async (_lock: DataDirectoryLock, integrity: LogIntegrity, metrics: KomMetrics) =>
            observeAppends(
              guardWrites(
                await createEventStore({
                  eventStoreUrl: config.eventStoreUrl,
                  dataDir: config.dataDir,
                  upcasters: upcastersOf(options.contexts),
                  backgroundCheckpoints: true,
                }),
                integrity,
              ),
              metrics,
            ),
        },
        {
          provide: READ_MODELS,
          inject: [DATA_DIR_LOCK],
          useFactory: () => {
            if (options.inMemoryReadModels) return ReadModelDatabase.open(':memory:');
            mkdirSync(config.dataDir, { recursive: true });
            return ReadModelDatabase.open(join(config.dataDir, 'read-models.sqlite'), { backgroundCheckpoints: true });
          },
        },
        {
          // PostgreSQL when the event store is there or KOM_SHARED_STATE_URL is set: what replicas
          // share besides the log. null: SQLite files in the data directory, limits in memory.
          provide: SHARED_STATE,
          useFactory: async () => (config.sharedStateUrl ? SharedStatePostgres.connect(config.sharedStateUrl) : null),
        },
        {
          provide: IDEMPOTENCY_STORE,
          inject: [SHARED_STATE],
          useFactory: (shared: SharedStatePostgres | null) => createIdempotencyStore(config, shared),
        },
        { provide: IDEMPOTENCY_TIMINGS, useValue: DEFAULT_IDEMPOTENCY_TIMINGS },
        { provide: REPLAY_VISIBILITY, inject: [EVENT_STORE, ProjectionsService], useFactory: replayVisibility },
        IdempotentMutations,
        AccessLog,
        ProjectionsService,
        ReactorRegistry,
        CommandPath,
        PlatformStatusResolver,
        EnumValuesResolver,
      ],
      exports: [
        METRICS,
        DATA_DIR_LOCK,
        LogIntegrity,
        KOM_CONFIG,
        CLOCK,
        EVENT_STORE,
        READ_MODELS,
        BOUNDED_CONTEXTS,
        EventSchemaRegistry,
        ProjectionsService,
        ReactorRegistry,
        CommandPath,
        CqrsModule,
        IDEMPOTENCY_STORE,
        IdempotentMutations,
        AccessLog,
        SHARED_STATE,
      ],
    };
  }

  // ProjectionsService stopped in beforeApplicationShutdown, so nothing reads or writes now.
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    this.readModels.close();
    await this.idempotencyKeys.close();
    await this.sharedState?.close();
    this.ownership.release();
  }
}
