import type { CitableSet } from '@kom/kernel';
import { MeasuresQueries } from '@kom/measures';
import { CITABLE_MEASURES, READ_MODELS, type CitableMeasures, type PortBinding } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';

/** CITABLE_MEASURES from the measures read model: every registered plan (some with no measure yet) and every recorded measure. */
export class ReadModelCitableMeasures implements CitableMeasures {
  constructor(private readonly measures: MeasuresQueries) {}

  citable(): CitableSet {
    const plans = this.measures.knownPlans();
    return {
      plans: plans.map((plan) => plan.planId),
      measures: plans.flatMap((plan) => plan.measures.map((number) => ({ plan: plan.planId, number }))),
    };
  }
}

/** The binding the citing contexts (issues, meetings) get for CITABLE_MEASURES. */
export const citableMeasuresBinding: PortBinding = {
  useFactory: (readModels: ReadModelDatabase) => new ReadModelCitableMeasures(new MeasuresQueries(readModels)),
  inject: [READ_MODELS],
};

export const citableMeasuresProvider = { ...citableMeasuresBinding, provide: CITABLE_MEASURES };
