export { OrganizationsModule } from './organizations.module';
export { organizationsContext } from './organizations.context';
export { ORGANIZATION_KINDS, type OrganizationKind } from './domain/organization.events';
export { OrganizationsQueries, type OrganizationRow } from './read-models/organizations.queries';
export { organizationDecider, organizationStream, type OrganizationCommand } from './domain/organization.decider';
export type { OrganizationEvent } from './domain/organization.events';
