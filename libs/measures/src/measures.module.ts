import { Module, type DynamicModule, type ModuleMetadata, type Provider } from '@nestjs/common';
import { MEASURE_CITATIONS, NO_CITATIONS } from './application/citations.port';
import { MeasureResolver } from './graphql/measure.resolver';
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

/** The plan's 35 measures (reference data) and, through a port, everything that cites each. */
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
        MeasuresSeeder,
      ],
      exports: [MeasuresQueries],
    };
  }
}
