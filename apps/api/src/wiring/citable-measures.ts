import type { MeasureCitationRef } from '@kom/kernel';
import { MeasuresQueries } from '@kom/measures';
import { CITABLE_MEASURES, READ_MODELS, type CitableMeasures, type PortBinding } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';

/** CITABLE_MEASURES from the measures read model: every recorded measure of every plan. */
export class ReadModelCitableMeasures implements CitableMeasures {
  constructor(private readonly measures: MeasuresQueries) {}

  citable(): MeasureCitationRef[] {
    return this.measures.knownPlans().flatMap((plan) => plan.measures.map((number) => ({ plan: plan.planId, number })));
  }
}

/** The binding the citing contexts (issues, meetings) get for CITABLE_MEASURES. */
export const citableMeasuresBinding: PortBinding = {
  useFactory: (readModels: ReadModelDatabase) => new ReadModelCitableMeasures(new MeasuresQueries(readModels)),
  inject: [READ_MODELS],
};

export const citableMeasuresProvider = { ...citableMeasuresBinding, provide: CITABLE_MEASURES };
