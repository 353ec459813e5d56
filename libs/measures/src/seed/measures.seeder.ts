import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InvalidState, SYSTEM_ACTOR } from '@kom/kernel';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { CLOCK, EventSchemaRegistry, ProjectionsService, executeCommand, type Clock } from '@kom/platform';
import { measureDecider, measureStream } from '../domain/measure.decider';
import { MEASURES, type MeasureData } from '../domain/measures.data';

/**
 * Records the plan's 35 measures, once. A measure whose stream exists is skipped; event ids derive
 * from `seed:measure:<number>`, so replicas seeding at once append each measure once. Waits for the
 * read models at the end only.
 */
@Injectable()
export class MeasuresSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('MeasuresSeeder');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EventSchemaRegistry) private readonly schemas: EventSchemaRegistry,
    @Inject(ProjectionsService) private readonly projections: ProjectionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seed();
  }

  /** The number of events appended (0 when every measure was there already). */
  async seed(measures: readonly MeasureData[] = MEASURES): Promise<number> {
    const deps = { store: this.store, clock: this.clock, schemas: this.schemas };
    const appended = await Promise.all(
      measures.map(async (measure) => {
        const stream = measureStream(measure.number);
        if ((await this.store.streamRevision(stream)) !== undefined) return 0;
        try {
          const outcome = await executeCommand(deps, measureDecider, stream, { type: 'RecordMeasure', ...measure }, {
            actor: SYSTEM_ACTOR,
            correlationId: 'seed:measures',
            causationId: `seed:measure:${measure.number}`,
            deriveEventIds: true,
          });
          return outcome.events.length;
        } catch (error) {
          if (error instanceof InvalidState && error.reason === 'MEASURE_ALREADY_RECORDED') return 0;
          throw error;
        }
      }),
    );
    await this.projections.waitFor(await this.store.headPosition());
    const total = appended.reduce((a, b) => a + b, 0);
    if (total > 0) this.logger.log({ msg: 'Seeded the action plan measures', events: total });
    return total;
  }
}
