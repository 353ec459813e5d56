import type { BoundedContext } from '@kom/platform';
import { measureAuditSummaries } from './measures.audit';
import { measureEventSchemas } from './domain/measure.events';
import { actionPlanEventSchemas } from './domain/action-plan.events';
import { measuresProjection } from './read-models/measures.projection';

export const measuresContext: BoundedContext = {
  name: 'measures',
  eventSchemas: [...measureEventSchemas, ...actionPlanEventSchemas],
  projections: [measuresProjection],
  auditSummaries: measureAuditSummaries,
};
