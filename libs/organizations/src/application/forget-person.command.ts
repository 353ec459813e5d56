import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPath, KomCommand, PERSONAL_DATA_KEYS, type CommandOutcome, type PersonalDataKeys } from '@kom/platform';
import { representativeDecider, representativeStream, type RepresentativeCommand, type RepresentativeState } from '../domain/representative.decider';
import type { RepresentativeEvent } from '../domain/representative.events';

type Forget = Extract<RepresentativeCommand, { type: 'ForgetPerson' }>;

/** Erase a person's data: record PersonalDataErased, then shred the key. */
export class ForgetPersonCommand extends KomCommand<Forget, RepresentativeEvent, RepresentativeState> {}

/**
 * The erasure is recorded first, then the key is shredded: the record of an erasure is never
 * missing for data that is gone. Should the process die in between, the read model already reads
 * the person as erased (it never unseals an erased person's details) and the key is shredded on the
 * next start (OrganizationsModule sweeps the erased persons' keys).
 */
@CommandHandler(ForgetPersonCommand)
export class ForgetPersonHandler implements ICommandHandler<ForgetPersonCommand, CommandOutcome<RepresentativeEvent, RepresentativeState>> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(PERSONAL_DATA_KEYS) private readonly keys: PersonalDataKeys,
  ) {}

  async execute({ payload, meta }: ForgetPersonCommand): Promise<CommandOutcome<RepresentativeEvent, RepresentativeState>> {
    const outcome = await this.path.execute(representativeDecider, representativeStream(payload.personId), payload, meta);
    await this.keys.shred(payload.personId);
    return outcome;
  }
}
