import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { organizationDecider, organizationStream, type OrganizationCommand } from '../domain/organization.decider';

type Rename = Extract<OrganizationCommand, { type: 'RenameOrganization' }>;

export class RenameOrganizationCommand extends KomCommand<Rename> {}

@CommandHandler(RenameOrganizationCommand)
export class RenameOrganizationHandler extends DeciderHandler(organizationDecider, (c: Rename) =>
  organizationStream(c.organizationId),
) {}
