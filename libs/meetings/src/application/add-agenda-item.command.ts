import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPath, KomCommand, type CommandOutcome } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';
import { SourcedAgendaItemsSlot } from './sourced-agenda-items';

type AddAgendaItem = Extract<MeetingCommand, { type: 'AddAgendaItem' }>;
type Outcome = CommandOutcome<MeetingEvent, MeetingState>;

export class AddAgendaItemCommand extends KomCommand<AddAgendaItem, MeetingEvent, MeetingState> {}

/** An item with a source issue goes through the issue's placement (see SourcedAgendaItems). */
@Injectable()
@CommandHandler(AddAgendaItemCommand)
export class AddAgendaItemHandler implements ICommandHandler<AddAgendaItemCommand, Outcome> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(SourcedAgendaItemsSlot) private readonly sourced: SourcedAgendaItemsSlot,
  ) {}

  async execute({ payload, meta }: AddAgendaItemCommand): Promise<Outcome> {
    const stream = meetingStream(payload.meetingId);
    const sourceIssueId = payload.sourceIssueId ?? null;
    const link = this.sourced.current;
    if (sourceIssueId === null || !link) return this.path.execute(meetingDecider, stream, payload, meta);
    return link.add({ ...payload, sourceIssueId }, meta);
  }
}
