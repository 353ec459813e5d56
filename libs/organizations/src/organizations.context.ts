import type { BoundedContext } from '@kom/platform';
import { organizationEventSchemas } from './domain/organization.events';
import { organizationsProjection } from './read-models/organizations.projection';

export const organizationsContext: BoundedContext = {
  name: 'organizations',
  eventSchemas: organizationEventSchemas,
  projections: [organizationsProjection],
};
