import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { organizationDecider, organizationStream, type OrganizationCommand, type OrganizationState } from '../domain/organization.decider';
import type { OrganizationEvent } from '../domain/organization.events';

type EndOrganizationRole = Extract<OrganizationCommand, { type: 'EndOrganizationRole' }>;

export class EndOrganizationRoleCommand extends KomCommand<EndOrganizationRole, OrganizationEvent, OrganizationState> {}

@CommandHandler(EndOrganizationRoleCommand)
export class EndOrganizationRoleHandler extends DeciderHandler(organizationDecider, (c: EndOrganizationRole) => organizationStream(c.organizationId)) {}
