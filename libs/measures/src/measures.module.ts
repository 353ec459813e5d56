import { Module, type DynamicModule, type ModuleMetadata, type Provider } from '@nestjs/common';
import { MEASURE_CITATIONS, NO_CITATIONS } from './application/citations.port';
import { MeasureResolver } from './graphql/measure.resolver';
import { ActionPlanResolver, MeasureRefResolver } from './graphql/action-plan.resolver';
import { RegisterActionPlanHandler } from './application/register-action-plan.command';
import { RecordPlanMeasureHandler } from './application/record-plan-measure.command';
import { RevisePlanMeasureHandler } from './application/revise-plan-measure.command';
import { RecordMeasureStatusHandler } from './application/record-measure-status.command';
import { MeasuresQueries } from './read-models/measures.queries';
import { MeasuresSeeder } from './seed/measures.seeder';

/** How a port is bound: a Nest provider without its token. */
export type MeasurePortBinding = Provider extends infer P ? (P extends { provide: unknown } ? Omit<P, 'provide'> : never) : never;

export interface MeasuresModuleOptions {
  /** Modules that export what the binding injects. */
  readonly imports?: ModuleMetadata['imports'];
  /** MEASURE_CITATIONS: what cites a measure (default: nothing). */
  readonly citations?: MeasurePortBinding;
}

/** The action plans and their measures (reference data) and, through a port, everything that cites each. */
@Module({})
export class MeasuresModule {
  static forRoot(options: MeasuresModuleOptions = {}): DynamicModule {
    return {
      module: MeasuresModule,
      imports: [...(options.imports ?? [])],
      providers: [
        { ...(options.citations ?? { useValue: NO_CITATIONS }), provide: MEASURE_CITATIONS } as Provider,
        MeasuresQueries,
        MeasureResolver,
        ActionPlanResolver,
        MeasureRefResolver,
        RegisterActionPlanHandler,
        RecordPlanMeasureHandler,
        RevisePlanMeasureHandler,
        RecordMeasureStatusHandler,
        MeasuresSeeder,
      ],
      exports: [MeasuresQueries],
    };
  }
}
