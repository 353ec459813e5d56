import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { organizationDecider, organizationStream, type OrganizationCommand, type OrganizationState } from '../domain/organization.decider';
import type { OrganizationEvent } from '../domain/organization.events';

type GrantOrganizationRole = Extract<OrganizationCommand, { type: 'GrantOrganizationRole' }>;

export class GrantOrganizationRoleCommand extends KomCommand<GrantOrganizationRole, OrganizationEvent, OrganizationState> {}

@CommandHandler(GrantOrganizationRoleCommand)
export class GrantOrganizationRoleHandler extends DeciderHandler(organizationDecider, (c: GrantOrganizationRole) => organizationStream(c.organizationId)) {}
