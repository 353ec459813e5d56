import { randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CLOCK,
  CommandPath,
  KomCommand,
  PERSONAL_DATA_KEYS,
  refusePersonalDataInCommand,
  type Clock,
  type CommandOutcome,
  type PersonalDataKeys,
} from '@kom/platform';
import { DATA_KEY_BYTES, IV_BYTES } from '../domain/personal-data';
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
 * Draws a data key and an IV, records the key in the key table (outside the log), then appends the
 * representative with the details sealed under it. The command is first decided against the empty
 * stream (pure, nothing stored) and through the national-ID guard, so a refused command leaves no
 * key behind; a key is written before the event that needs it, so no event is ever unreadable for
 * want of its key (a crash in between leaves a key that opens nothing).
 */
@CommandHandler(AddRepresentativeCommand)
export class AddRepresentativeHandler implements ICommandHandler<AddRepresentativeCommand, CommandOutcome<RepresentativeEvent, RepresentativeState>> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(OrganizationsQueries) private readonly organizations: OrganizationsQueries,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PERSONAL_DATA_KEYS) private readonly keys: PersonalDataKeys,
  ) {}

  async execute({ payload, meta }: AddRepresentativeCommand): Promise<CommandOutcome<RepresentativeEvent, RepresentativeState>> {
    const withKey = (key: Buffer, iv: Buffer): Add => ({
      ...payload,
      organizationRegistered: this.organizations.byId(payload.organizationId) !== undefined,
      dataKey: key.toString('base64'),
      iv: iv.toString('base64'),
    });
    refusePersonalDataInCommand(payload, meta);
    const iv = randomBytes(IV_BYTES);
    let key: Buffer = randomBytes(DATA_KEY_BYTES);
    representativeDecider.decide(withKey(key, iv), representativeDecider.initialState, { now: this.clock.now(), actor: meta.actor });
    // A key already there (a crash after the key, before the event; ids are fresh) is used, never replaced.
    if (!(await this.keys.create(payload.representativeId, key))) key = (await this.keys.get(payload.representativeId)) ?? key;
    return this.path.execute(representativeDecider, representativeStream(payload.representativeId), withKey(key, iv), meta);
  }
}
