import { randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, CommandPath, KomCommand, type Clock, type CommandOutcome } from '@kom/platform';
import { DATA_KEY_BYTES, IV_BYTES } from '../domain/personal-data';
import { personalDataKeyDecider, personalDataKeyStream } from '../domain/personal-data-key.decider';
import { representativeDecider, representativeStream, type RepresentativeCommand, type RepresentativeState } from '../domain/representative.decider';
import type { RepresentativeEvent } from '../domain/representative.events';
import { OrganizationsQueries } from '../read-models/organizations.queries';

type Add = Extract<RepresentativeCommand, { type: 'AddRepresentative' }>;

export class AddRepresentativeCommand extends KomCommand<
  Pick<Add, 'type' | 'representativeId' | 'organizationId' | 'name' | 'email'>,
  RepresentativeEvent,
  RepresentativeState
> {}

/**
 * Draws a data key and an IV, records the key in the representative's own key stream, then the
 * representative with the details sealed under it. The command is first decided against the empty
 * stream (pure, nothing stored), so a refused command leaves no orphan key behind.
 */
@CommandHandler(AddRepresentativeCommand)
export class AddRepresentativeHandler implements ICommandHandler<AddRepresentativeCommand, CommandOutcome<RepresentativeEvent, RepresentativeState>> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(OrganizationsQueries) private readonly organizations: OrganizationsQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ payload, meta }: AddRepresentativeCommand): Promise<CommandOutcome<RepresentativeEvent, RepresentativeState>> {
    const dataKey = randomBytes(DATA_KEY_BYTES).toString('base64');
    const command: Add = {
      ...payload,
      organizationRegistered: this.organizations.byId(payload.organizationId) !== undefined,
      dataKey,
      iv: randomBytes(IV_BYTES).toString('base64'),
    };
    representativeDecider.decide(command, representativeDecider.initialState, { now: this.clock.now(), actor: meta.actor });
    await this.path.execute(
      personalDataKeyDecider,
      personalDataKeyStream(payload.representativeId),
      { type: 'CreatePersonalDataKey', subjectId: payload.representativeId, key: dataKey },
      meta,
    );
    return this.path.execute(representativeDecider, representativeStream(payload.representativeId), command, meta);
  }
}
