import type { BoundedContext } from '@kom/platform';
import { organizationAuditNames, organizationAuditSummaries } from './organizations.audit';
import { groupEventSchemas } from './domain/group.events';
import { organizationEventSchemas } from './domain/organization.events';
import { representativeEventSchemas } from './domain/representative.events';
import { groupMembershipProjection } from './read-models/group-membership.projection';
import { organizationsProjection } from './read-models/organizations.projection';
import { representativesProjection } from './read-models/representatives.projection';

export const organizationsContext: BoundedContext = {
  name: 'organizations',
  eventSchemas: [...organizationEventSchemas, ...groupEventSchemas, ...representativeEventSchemas],
  projections: [organizationsProjection, groupMembershipProjection, representativesProjection],
  auditNames: organizationAuditNames,
  auditSummaries: organizationAuditSummaries,
};
