import type { BoundedContext } from '@kom/platform';
import { agreementAuditSummaries } from './agreements.audit';
import { agreementEventSchemas } from './domain/agreement.events';
import { agreementsProjection } from './read-models/agreements.projection';

export const agreementsContext: BoundedContext = {
  name: 'agreements',
  eventSchemas: agreementEventSchemas,
  projections: [agreementsProjection],
  auditSummaries: agreementAuditSummaries,
};
