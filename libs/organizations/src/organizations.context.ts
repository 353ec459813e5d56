import type { BoundedContext } from '@kom/platform';
import { organizationAuditNames, organizationAuditSummaries } from './organizations.audit';
import { groupEventSchemas } from './domain/group.events';
import { organizationEventSchemas } from './domain/organization.events';
import { organizationNameEventSchemas } from './domain/organization-name.events';
import { organizationUpcasters } from './domain/organization.upcasters';
import { policeDistrictEventSchemas } from './domain/police-district.events';
import { representativeEventSchemas } from './domain/representative.events';
import { identityLinkEventSchemas } from './domain/identity-link.events';
import { groupMembershipProjection } from './read-models/group-membership.projection';
import { organizationHistoryProjection } from './read-models/organization-history.projection';
import { organizationsProjection } from './read-models/organizations.projection';
import { policeDistrictsProjection } from './read-models/police-districts.projection';
import { representativesProjection } from './read-models/representatives.projection';
import { representativeIdentitiesProjection } from './read-models/representative-identities.projection';

export const organizationsContext: BoundedContext = {
  name: 'organizations',
  eventSchemas: [...organizationEventSchemas, ...organizationNameEventSchemas, ...policeDistrictEventSchemas, ...groupEventSchemas, ...representativeEventSchemas, ...identityLinkEventSchemas],
  upcasters: organizationUpcasters,
  projections: [organizationsProjection, organizationHistoryProjection, policeDistrictsProjection, groupMembershipProjection, representativesProjection, representativeIdentitiesProjection],
  auditNames: organizationAuditNames,
  auditSummaries: organizationAuditSummaries,
};
