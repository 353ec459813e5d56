import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { organizationDecider, organizationStream, type OrganizationCommand } from '../domain/organization.decider';

type Register = Extract<OrganizationCommand, { type: 'RegisterOrganization' }>;

export class RegisterOrganizationCommand extends KomCommand<Register> {}

@CommandHandler(RegisterOrganizationCommand)
export class RegisterOrganizationHandler extends DeciderHandler(organizationDecider, (c: Register) =>
  organizationStream(c.organizationId),
) {}
