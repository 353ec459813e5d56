import { Module } from '@nestjs/common';
import { RegisterOrganizationHandler } from './application/register-organization.command';
import { RenameOrganizationHandler } from './application/rename-organization.command';
import { OrganizationResolver } from './graphql/organization.resolver';
import { OrganizationsQueries } from './read-models/organizations.queries';

@Module({
  providers: [RegisterOrganizationHandler, RenameOrganizationHandler, OrganizationsQueries, OrganizationResolver],
  exports: [OrganizationsQueries],
})
export class OrganizationsModule {}
