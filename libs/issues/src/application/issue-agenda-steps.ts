import { NotFound, type DecisionContext } from '@kom/kernel';
import { meetingDecider, recordDecisionAcrossMeetings, type MeetingCommand, type MeetingEvent, type MeetingState, type RecordSourcedDecision } from '@kom/meetings';
import type { DecisionsOf, StreamToDecide } from '@kom/platform';
import type { IssueCommand } from '../domain/issue.commands';
import { issueDecider, type Issue, type IssueState } from '../domain/issue.decider';

/*
 * The steps that change an issue and a meeting together, as pure functions of both states: each
 * decides the events of both streams or refuses with the first refusal of either aggregate (the
 * issue's first), so the caller appends both in one atomic write or nothing at all.
 */

type AddAgendaItem = Extract<MeetingCommand, { type: 'AddAgendaItem' }>;
type RecordDecision = Extract<MeetingCommand, { type: 'RecordDecision' }>;
type AssignActionItem = Extract<MeetingCommand, { type: 'AssignActionItem' }>;

export type IssueAndMeeting = {
  readonly issue: StreamToDecide<IssueState>;
  readonly meeting: StreamToDecide<MeetingState>;
};

export interface IssueAndMeetingStates {
  readonly issue: IssueState;
  readonly meeting: MeetingState;
}

/** A decision on the issue's item, and the meeting of the decision it supersedes, if it names one. */
export type IssueAndMeetings = IssueAndMeeting & { readonly superseded?: StreamToDecide<MeetingState> };

export interface IssueAndMeetingsStates extends IssueAndMeetingStates {
  readonly superseded?: MeetingState;
}

/** The agenda item to add for an issue; what it leaves out is taken from the issue. */
export type AgendaItemFromIssue = Omit<AddAgendaItem, 'type' | 'sourceIssueId' | 'title'> & {
  readonly sourceIssueId: string;
  readonly title?: string;
};

/** AgendaItemAdded (with the issue as its source) and IssuePlacedOnAgenda, together. */
export function placeIssueOnAgenda(
  states: IssueAndMeetingStates,
  item: AgendaItemFromIssue,
  context: DecisionContext,
): DecisionsOf<IssueAndMeeting> {
  const issue = existingIssue(states.issue, item.sourceIssueId);
  const meeting = existingMeeting(states.meeting, item.meetingId);
  const place: IssueCommand = {
    type: 'PlaceIssueOnAgenda',
    issueId: issue.issueId,
    meetingId: item.meetingId,
    agendaItemId: item.itemId,
    body: meeting.kind,
  };
  const issueEvents = issueDecider.decide(place, issue, context);
  const add: AddAgendaItem = {
    type: 'AddAgendaItem',
    ...item,
    title: item.title ?? issue.title,
    description: item.description === undefined ? issue.description : item.description,
    presentingOrganizationId: item.presentingOrganizationId === undefined ? issue.organizationId : item.presentingOrganizationId,
    citedMeasures: item.citedMeasures ?? issue.citedMeasures,
    // The issue's own citations were checked when it was submitted or edited: still citable.
    citable: item.citedMeasures ? item.citable : issue.citedMeasures,
  };
  // A repeated placement of the same item (a retry) is already recorded in both streams.
  const meetingEvents = issueEvents.length === 0 && hasItem(meeting, item.itemId) ? [] : meetingDecider.decide(add, meeting, context);
  return { issue: { command: place.type, events: issueEvents }, meeting: { command: add.type, events: meetingEvents } };
}

export interface IssueDecision extends Omit<RecordDecision, 'type'> {
  readonly issueId: string;
  readonly actionItems?: ReadonlyArray<Omit<AssignActionItem, 'type' | 'meetingId' | 'decisionId' | 'agendaItemId'>>;
}

/**
 * The body's decision on the issue's agenda item, its action items (each tied to the decision),
 * and the issue moved on by it: forwarded by a reference-group meeting, resolved by a
 * project-group or joint meeting (`step`). The issue must still be on that very agenda item.
 */
export function decideOnIssue(
  states: IssueAndMeetingStates,
  request: IssueDecision,
  step: 'ForwardIssue' | 'ResolveIssue',
  context: DecisionContext,
): DecisionsOf<IssueAndMeeting> {
  const issue = existingIssue(states.issue, request.issueId);
  const { meetingId, agendaItemId } = request;
  const move: IssueCommand = { type: step, issueId: issue.issueId, meetingId, agendaItemId, decisionId: request.decisionId };
  const issueEvents = issueDecider.decide(move, issue, context);
  let meeting: MeetingState = existingMeeting(states.meeting, meetingId);
  const { actionItems = [], issueId: _issueId, ...decision } = request;
  const commands: MeetingCommand[] = [
    { type: 'RecordDecision', ...decision },
    ...actionItems.map((item): MeetingCommand => ({ type: 'AssignActionItem', ...item, meetingId, decisionId: request.decisionId, agendaItemId })),
  ];
  const meetingEvents: MeetingEvent[] = [];
  for (const command of commands) {
    const events = meetingDecider.decide(command, meeting, context);
    meetingEvents.push(...events);
    meeting = events.reduce(meetingDecider.evolve, meeting);
  }
  return { issue: { command: step, events: issueEvents }, meeting: { command: step, events: meetingEvents } };
}

/**
 * A decision recorded on an agenda item made from the issue (recordDecision in the meetings
 * context) is the body's decision on the issue, so it moves the issue on as forwardIssue and
 * resolveIssue do: forwarded at a reference-group meeting, resolved at a project-group or joint
 * one. The issue must still be on that very item: ISSUE_WITHDRAWN, ISSUE_CLOSED, ... when it is
 * over, ISSUE_NOT_ON_THAT_AGENDA when it was placed on another meeting since, refused before
 * anything of the meeting. A decision it supersedes is superseded in the same step.
 */
export function recordDecisionOnIssueItem(
  states: IssueAndMeetingsStates,
  command: RecordSourcedDecision,
  context: DecisionContext,
): DecisionsOf<IssueAndMeetings> {
  const { sourceIssueId: issueId, ...decision } = command;
  const { meetingId, agendaItemId, decisionId } = decision;
  const meeting = existingMeeting(states.meeting, meetingId);
  const step = meeting.kind === 'REFERENCE_GROUP' ? 'ForwardIssue' : 'ResolveIssue';
  // An item may name an issue that never existed (logs from before placing checked it): no issue to move.
  const issueEvents = states.issue.status === 'none' ? [] : issueDecider.decide({ type: step, issueId, meetingId, agendaItemId, decisionId }, states.issue, context);
  const meetings = recordDecisionAcrossMeetings({ meeting, ...(states.superseded ? { superseded: states.superseded } : {}) }, decision, context);
  return {
    issue: { command: step, events: issueEvents },
    meeting: { command: decision.type, events: meetings.meeting },
    superseded: { command: decision.type, events: meetings.superseded },
  };
}

function existingIssue(state: IssueState, issueId: string): Issue {
  if (state.status === 'none') throw new NotFound('issue', issueId);
  return state;
}

function existingMeeting(state: MeetingState, meetingId: string): Exclude<MeetingState, { status: 'none' }> {
  if (state.status === 'none') throw new NotFound('meeting', meetingId);
  return state;
}

function hasItem(meeting: Exclude<MeetingState, { status: 'none' }>, itemId: string): boolean {
  return meeting.agenda.some((item) => item.itemId === itemId);
}
