import type { BoundedContext } from '@kom/platform';
import { agreementAuditNames, agreementAuditSummaries } from './agreements.audit';
import { agreementEventSchemas } from './domain/agreement.events';
import { agreementsProjection } from './read-models/agreements.projection';

export const agreementsContext: BoundedContext = {
  name: 'agreements',
  eventSchemas: agreementEventSchemas,
  projections: [agreementsProjection],
  auditNames: agreementAuditNames,
  auditSummaries: agreementAuditSummaries,
};
