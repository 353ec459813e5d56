import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { REPRESENTATIVE_REGISTER, type RepresentativeRegister } from '@kom/kernel';
import { CommandPath, KomCommand, type CommandOutcome } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';

type RecordPosition = Extract<MeetingCommand, { type: 'RecordPosition' }>;

export class RecordPositionCommand extends KomCommand<Omit<RecordPosition, 'representative'>, MeetingEvent, MeetingState> {}

/**
 * Looks up the registered representative the actor's identity is linked to, so the position records
 * who took it. An identity linked to none still records its organisation's position (the role and the
 * organisation decide that); only a signature needs a representative.
 */
@CommandHandler(RecordPositionCommand)
export class RecordPositionHandler implements ICommandHandler<RecordPositionCommand, CommandOutcome<MeetingEvent, MeetingState>> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Optional() @Inject(REPRESENTATIVE_REGISTER) private readonly register?: RepresentativeRegister,
  ) {}

  async execute({ payload, meta }: RecordPositionCommand): Promise<CommandOutcome<MeetingEvent, MeetingState>> {
    const representative = (await this.register?.representativeOf(meta.actor)) ?? null;
    return this.path.execute(meetingDecider, meetingStream(payload.meetingId), { ...payload, representative }, meta);
  }
}
