import { Module } from '@nestjs/common';
import { REPRESENTATIVE_REGISTER } from '@kom/kernel';
import { PERSONAL_DATA_KEYS } from '@kom/platform';
import { LinkRepresentativeIdentityHandler, UnlinkRepresentativeIdentityHandler } from './application/identity-link.command';
import { RepresentativeIdentitiesQueries } from './read-models/representative-identities.queries';
import { AddRepresentativeHandler } from './application/add-representative.command';
import { AdmitToGroupHandler } from './application/admit-to-group.command';
import { LeaveGroupHandler } from './application/leave-group.command';
import { RegisterOrganizationHandler } from './application/register-organization.command';
import { RemoveRepresentativeHandler } from './application/remove-representative.command';
import { ForgetPersonHandler, RestrictPersonHandler } from './application/person-data.command';
import { PersonalDataKeysLifecycle, personalDataKeysProvider } from './personal-data-keys.provider';
import { RenameOrganizationHandler } from './application/rename-organization.command';
import { EndOrganizationRoleHandler, GrantOrganizationRoleHandler } from './application/organization-roles.command';
import { MergePoliceDistrictsHandler, RegisterPoliceDistrictHandler } from './application/police-districts.command';
import { OrganizationHistoryResolver } from './graphql/organization-history.resolver';
import { PoliceDistrictResolver } from './graphql/police-district.resolver';
import { OrganizationHistoryQueries } from './read-models/organization-history.queries';
import { PoliceDistrictsQueries } from './read-models/police-districts.queries';
import { GroupResolver } from './graphql/group.resolver';
import { OrganizationRelationsResolver } from './graphql/organization-relations.resolver';
import { OrganizationResolver } from './graphql/organization.resolver';
import { RepresentativeResolver } from './graphql/representative.resolver';
import { GroupMembershipQueries } from './read-models/group-membership.queries';
import { OrganizationsQueries } from './read-models/organizations.queries';
import { RepresentativesQueries } from './read-models/representatives.queries';
import { OrganizationsSeeder } from './seed/organizations.seeder';

@Module({
  providers: [
    RegisterOrganizationHandler,
    RenameOrganizationHandler,
    GrantOrganizationRoleHandler,
    EndOrganizationRoleHandler,
    RegisterPoliceDistrictHandler,
    MergePoliceDistrictsHandler,
    AdmitToGroupHandler,
    LeaveGroupHandler,
    AddRepresentativeHandler,
    RemoveRepresentativeHandler,
    RestrictPersonHandler,
    ForgetPersonHandler,
    personalDataKeysProvider,
    PersonalDataKeysLifecycle,
    OrganizationsQueries,
    OrganizationHistoryQueries,
    PoliceDistrictsQueries,
    GroupMembershipQueries,
    RepresentativesQueries,
    RepresentativeIdentitiesQueries,
    { provide: REPRESENTATIVE_REGISTER, useExisting: RepresentativeIdentitiesQueries },
    LinkRepresentativeIdentityHandler,
    UnlinkRepresentativeIdentityHandler,
    OrganizationResolver,
    OrganizationRelationsResolver,
    OrganizationHistoryResolver,
    PoliceDistrictResolver,
    GroupResolver,
    RepresentativeResolver,
    OrganizationsSeeder,
  ],
  // The notifications context reads representatives' addresses and seals its webhook secrets with the key table.
  // The agreements context reads roles and districts (through its port, bound in apps/api).
  // Agreements, meetings and issues ask the register who an identity is (REPRESENTATIVE_REGISTER).
  exports: [
    OrganizationsQueries,
    OrganizationHistoryQueries,
    PoliceDistrictsQueries,
    GroupMembershipQueries,
    RepresentativesQueries,
    RepresentativeIdentitiesQueries,
    REPRESENTATIVE_REGISTER,
    PERSONAL_DATA_KEYS,
  ],
})
export class OrganizationsModule {}
