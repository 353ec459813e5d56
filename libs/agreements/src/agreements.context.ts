import type { BoundedContext } from '@kom/platform';
import { agreementAuditSummaries } from './agreements.audit';
import { agreementEventSchemas } from './domain/agreement.events';
import { agreementUpcasters } from './domain/agreement.upcasters';
import { agreementsProjection } from './read-models/agreements.projection';

export const agreementsContext: BoundedContext = {
  name: 'agreements',
  eventSchemas: agreementEventSchemas,
  upcasters: agreementUpcasters,
  projections: [agreementsProjection],
  auditSummaries: agreementAuditSummaries,
};
