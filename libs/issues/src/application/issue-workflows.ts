import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InvalidInput, NotFound, type Citable, type MeasureCitationRef } from '@kom/kernel';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import {
  SourcedAgendaItemsSlot,
  meetingDecider,
  meetingStream,
  type AddSourcedAgendaItem,
  type MeetingEvent,
  type MeetingState,
  type RecordSourcedDecision,
  type SourcedAgendaItems,
} from '@kom/meetings';
import { CLOCK, CommandPath, loadStream, newId, partOf, type Clock, type CommandMeta, type CommandOutcome } from '@kom/platform';
import type { IssueCommand } from '../domain/issue.commands';
import { issueDecider, issueStream, type Issue } from '../domain/issue.decider';
import {
  decideOnIssue,
  placeIssueOnAgenda,
  recordDecisionOnIssueItem,
  type AgendaItemFromIssue,
  type IssueAndMeeting,
  type IssueAndMeetings,
  type IssueAndMeetingsStates,
  type IssueDecision,
} from './issue-agenda-steps';

export interface IssueDecisionRequest {
  readonly issueId: string;
  /** The body's decision, as recorded in the meeting. */
  readonly text: string;
  readonly rationale?: string | null;
  readonly citedMeasures?: readonly MeasureCitationRef[];
  /** The registered plans and the measures that exist in them (read through CITABLE_MEASURES). */
  readonly citable?: Citable;
}

export interface IssueActionItemRequest {
  readonly description: string;
  readonly responsibleOrganizationId: string;
  readonly dueDate: string;
}

/**
 * The secretariat's steps that span an issue and a meeting. Each decides both aggregates' events
 * on their current states (issue-agenda-steps.ts) and appends them to both streams in one atomic
 * write, with the revision each was decided on; a lost race is decided again. So a step either
 * happened in full or was refused with the reason, and nothing of it is left behind:
 *
 * - place: adds an agenda item with the issue as its source (title, description, measures and the
 *   submitting organisation as presenter, copied from the issue) and places the issue on it;
 * - forward / resolve: records the body's decision on the issue's agenda item (the meeting must be
 *   held), for resolve also the action items, each tied to the decision, and moves the issue on.
 *
 * It is also how the meetings context adds an item that names a source issue, and records a
 * decision on such an item (SourcedAgendaItems): the decision moves the issue as forward / resolve do.
 */
@Injectable()
export class IssueWorkflows implements SourcedAgendaItems, OnModuleInit {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SourcedAgendaItemsSlot) private readonly slot: SourcedAgendaItemsSlot,
  ) {}

  onModuleInit(): void {
    this.slot.bind(this);
  }

  async placeOnAgenda(issueId: string, meetingId: string, meta: CommandMeta): Promise<void> {
    if (!meetingId) throw new InvalidInput('INVALID_ID', 'meetingId is required');
    await this.place({ meetingId, itemId: newId(), sourceIssueId: issueId }, meta);
  }

  /** An agenda item added in the meetings context with a source issue: the item exactly as given. */
  async add(command: AddSourcedAgendaItem, meta: CommandMeta): Promise<CommandOutcome<MeetingEvent, MeetingState>> {
    const { type: _type, ...item } = command;
    return this.place(
      { ...item, description: item.description ?? null, presentingOrganizationId: item.presentingOrganizationId ?? null, citedMeasures: item.citedMeasures ?? [] },
      meta,
    );
  }

  /** A decision recorded in the meetings context on an item made from an issue: the issue moves with it, or nothing is written. */
  async recordDecision(command: RecordSourcedDecision, supersededMeetingId: string | undefined, meta: CommandMeta): Promise<CommandOutcome<MeetingEvent, MeetingState>> {
    const streams: IssueAndMeetings = {
      ...this.streams(command.sourceIssueId, command.meetingId),
      ...(supersededMeetingId ? { superseded: { streamId: meetingStream(supersededMeetingId), decider: meetingDecider } } : {}),
    };
    // A stream that may be absent folds to `unknown` in StatesOf; when present it is a meeting.
    const outcome = await this.path.executeAcrossStreams(streams, (states, context) => recordDecisionOnIssueItem(states as IssueAndMeetingsStates, command, context), meta);
    return partOf<MeetingEvent, MeetingState, IssueAndMeetings>(streams, outcome, 'meeting');
  }

  async forward(request: IssueDecisionRequest, meta: CommandMeta): Promise<void> {
    await this.decide({ ...request, decisionId: newId() }, 'ForwardIssue', meta);
  }

  async resolve(request: IssueDecisionRequest & { actionItems?: readonly IssueActionItemRequest[] }, meta: CommandMeta): Promise<void> {
    const actionItems = (request.actionItems ?? []).map((item) => ({ ...item, actionItemId: newId() }));
    await this.decide({ ...request, decisionId: newId(), actionItems }, 'ResolveIssue', meta);
  }

  private async place(item: AgendaItemFromIssue, meta: CommandMeta): Promise<CommandOutcome<MeetingEvent, MeetingState>> {
    const streams = this.streams(item.sourceIssueId, item.meetingId);
    const outcome = await this.path.executeAcrossStreams(streams, (states, context) => placeIssueOnAgenda(states, item, context), meta);
    return partOf<MeetingEvent, MeetingState, IssueAndMeeting>(streams, outcome, 'meeting');
  }

  private async decide(request: Omit<IssueDecision, 'meetingId' | 'agendaItemId'>, step: 'ForwardIssue' | 'ResolveIssue', meta: CommandMeta): Promise<void> {
    const issue = await this.issue(request.issueId);
    // The issue's own refusal (not on an agenda, already forwarded, ...) comes before any meeting is read.
    const placement = { meetingId: issue.onAgenda?.meetingId ?? '', agendaItemId: issue.onAgenda?.agendaItemId ?? '' };
    const check: IssueCommand = { type: step, issueId: issue.issueId, ...placement, decisionId: request.decisionId };
    issueDecider.decide(check, issue, { now: this.clock.now(), actor: meta.actor });
    await this.path.executeAcrossStreams(
      this.streams(issue.issueId, placement.meetingId),
      (states, context) => decideOnIssue(states, { ...request, ...placement }, step, context),
      meta,
    );
  }

  private streams(issueId: string, meetingId: string): IssueAndMeeting {
    return {
      issue: { streamId: issueStream(issueId), decider: issueDecider },
      meeting: { streamId: meetingStream(meetingId), decider: meetingDecider },
    };
  }

  private async issue(issueId: string): Promise<Issue> {
    const { state } = await loadStream(this.store, issueDecider, issueStream(issueId));
    if (state.status === 'none') throw new NotFound('issue', issueId);
    return state;
  }
}
