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
import { ForgetPersonHandler } from './application/forget-person.command';
import { RestrictPersonHandler } from './application/restrict-person.command';
import { PersonalDataKeysLifecycle, personalDataKeysProvider } from './personal-data-keys.provider';
import { RenameOrganizationHandler } from './application/rename-organization.command';
import { EndOrganizationRoleHandler } from './application/end-organization-role.command';
import { GrantOrganizationRoleHandler } from './application/grant-organization-role.command';
import { MergePoliceDistrictsHandler } from './application/merge-police-districts.command';
import { RegisterPoliceDistrictHandler } from './application/register-police-district.command';
import { OrganizationHistoryResolver } from './graphql/organization-history.resolver';
import { PoliceDistrictResolver } from './graphql/police-district.resolver';
import { PoliceDistrictMutationsResolver } from './graphql/police-district-mutations.resolver';
import { OrganizationHistoryQueries } from './read-models/organization-history.queries';
import { PoliceDistrictsQueries } from './read-models/police-districts.queries';
import { GroupResolver } from './graphql/group.resolver';
import { GroupMutationsResolver } from './graphql/group-mutations.resolver';
import { OrganizationRelationsResolver } from './graphql/organization-relations.resolver';
import { OrganizationResolver } from './graphql/organization.resolver';
import { OrganizationMutationsResolver } from './graphql/organization-mutations.resolver';
import { RepresentativeResolver } from './graphql/representative.resolver';
import { RepresentativeMutationsResolver } from './graphql/representative-mutations.resolver';
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
    OrganizationMutationsResolver,
    OrganizationRelationsResolver,
    OrganizationHistoryResolver,
    PoliceDistrictResolver,
    PoliceDistrictMutationsResolver,
    GroupResolver,
    GroupMutationsResolver,
    RepresentativeResolver,
    RepresentativeMutationsResolver,
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
