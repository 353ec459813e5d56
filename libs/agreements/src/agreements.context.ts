import type { BoundedContext } from '@kom/platform';
import { agreementAuditNames, agreementAuditSummaries } from './agreements.audit';
import { agreementEventSchemas } from './domain/agreement.events';
import { agreementUpcasters } from './domain/agreement.upcasters';
import { agreementsProjection } from './read-models/agreements.projection';

export const agreementsContext: BoundedContext = {
  name: 'agreements',
  eventSchemas: agreementEventSchemas,
  upcasters: agreementUpcasters,
  projections: [agreementsProjection],
  auditNames: agreementAuditNames,
  auditSummaries: agreementAuditSummaries,
};
