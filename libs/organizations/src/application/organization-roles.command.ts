import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { organizationDecider, organizationStream, type OrganizationCommand, type OrganizationState } from '../domain/organization.decider';
import type { OrganizationEvent } from '../domain/organization.events';

type Grant = Extract<OrganizationCommand, { type: 'GrantOrganizationRole' }>;
type End = Extract<OrganizationCommand, { type: 'EndOrganizationRole' }>;

export class GrantOrganizationRoleCommand extends KomCommand<Grant, OrganizationEvent, OrganizationState> {}
export class EndOrganizationRoleCommand extends KomCommand<End, OrganizationEvent, OrganizationState> {}

@CommandHandler(GrantOrganizationRoleCommand)
export class GrantOrganizationRoleHandler extends DeciderHandler(organizationDecider, (c: Grant) => organizationStream(c.organizationId)) {}

@CommandHandler(EndOrganizationRoleCommand)
export class EndOrganizationRoleHandler extends DeciderHandler(organizationDecider, (c: End) => organizationStream(c.organizationId)) {}
