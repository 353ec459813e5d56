import { Module } from '@nestjs/common';
import { MeasureResolver } from './graphql/measure.resolver';
import { MeasuresQueries } from './read-models/measures.queries';
import { MeasuresSeeder } from './seed/measures.seeder';

@Module({
  providers: [MeasuresQueries, MeasureResolver, MeasuresSeeder],
  exports: [MeasuresQueries],
})
export class MeasuresModule {}
