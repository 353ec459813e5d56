import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { CommandPath, KomCommand, partOf, type CommandOutcome } from '@kom/platform';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';
import { recordDecisionAcrossMeetings, type DecisionMeetingStates, type RecordDecision } from '../domain/record-decision-step';
import { loadMeeting } from './meeting-facts';
import { MEETING_LOOKUP, type MeetingLookup } from './ports';
import { SourcedAgendaItemsSlot } from './sourced-agenda-items';

type Outcome = CommandOutcome<MeetingEvent, MeetingState>;

export class RecordDecisionCommand extends KomCommand<RecordDecision, MeetingEvent, MeetingState> {}

/**
 * A decision on an item made from an issue is the body's decision on the issue: it goes through the
 * issue (SourcedAgendaItems.recordDecision), which moves on with it in the same write or refuses
 * both. A decision naming an earlier one in `supersedes` supersedes it in the same write
 * (record-decision-step.ts); the earlier decision's meeting is found through MEETING_LOOKUP.
 */
@Injectable()
@CommandHandler(RecordDecisionCommand)
export class RecordDecisionHandler implements ICommandHandler<RecordDecisionCommand, Outcome> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MEETING_LOOKUP) private readonly meetings: MeetingLookup,
    @Inject(SourcedAgendaItemsSlot) private readonly sourced: SourcedAgendaItemsSlot,
  ) {}

  async execute({ payload, meta }: RecordDecisionCommand): Promise<Outcome> {
    const supersededMeetingId = await this.meetingHolding(payload.supersedes ?? null, payload.meetingId);
    const sourceIssueId = await this.sourceIssueOf(payload);
    const link = this.sourced.current;
    if (sourceIssueId !== null && link) return link.recordDecision({ ...payload, sourceIssueId }, supersededMeetingId, meta);
    if ((payload.supersedes ?? null) === null) return this.path.execute(meetingDecider, meetingStream(payload.meetingId), payload, meta);

    const streams = {
      meeting: { streamId: meetingStream(payload.meetingId), decider: meetingDecider },
      ...(supersededMeetingId ? { superseded: { streamId: meetingStream(supersededMeetingId), decider: meetingDecider } } : {}),
    };
    const outcome = await this.path.executeAcrossStreams(
      streams,
      (states, context) => {
        // A stream that may be absent folds to `unknown` in StatesOf; when present it is a meeting.
        const events = recordDecisionAcrossMeetings(states as DecisionMeetingStates, payload, context);
        return { meeting: { command: payload.type, events: events.meeting }, superseded: { command: payload.type, events: events.superseded } };
      },
      meta,
    );
    return partOf<MeetingEvent, MeetingState, typeof streams>(streams, outcome, 'meeting');
  }

  /** The other meeting holding `decisionId`; undefined for none, or this one (the decider refuses that itself). */
  private async meetingHolding(decisionId: string | null, meetingId: string): Promise<string | undefined> {
    if (decisionId === null) return undefined;
    const holder = (await this.meetings.decision(decisionId))?.meetingId;
    return holder === meetingId ? undefined : holder;
  }

  /** An item's source issue never changes once it is added, so the stream read before the write is as good as the one in it. */
  private async sourceIssueOf(payload: RecordDecision): Promise<string | null> {
    const meeting = await loadMeeting(this.store, payload.meetingId);
    if (meeting.status === 'none') return null;
    return meeting.agenda.find((item) => item.itemId === payload.agendaItemId)?.sourceIssueId ?? null;
  }
}
