import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPath, KomCommand, type CommandOutcome } from '@kom/platform';
import { representativeDecider, representativeStream, type RepresentativeCommand, type RepresentativeState } from '../domain/representative.decider';
import type { RepresentativeEvent } from '../domain/representative.events';

type Restrict = Extract<RepresentativeCommand, { type: 'RestrictPerson' }>;

/** Hide a person's data from everyone but auditors (an event; nothing is deleted). */
export class RestrictPersonCommand extends KomCommand<Restrict, RepresentativeEvent, RepresentativeState> {}

@CommandHandler(RestrictPersonCommand)
export class RestrictPersonHandler implements ICommandHandler<RestrictPersonCommand, CommandOutcome<RepresentativeEvent, RepresentativeState>> {
  constructor(@Inject(CommandPath) private readonly path: CommandPath) {}

  execute({ payload, meta }: RestrictPersonCommand): Promise<CommandOutcome<RepresentativeEvent, RepresentativeState>> {
    return this.path.execute(representativeDecider, representativeStream(payload.personId), payload, meta);
  }
}
