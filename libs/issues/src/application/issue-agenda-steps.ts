import { NotFound, type DecisionContext } from '@kom/kernel';
import { meetingDecider, type MeetingCommand, type MeetingEvent, type MeetingState } from '@kom/meetings';
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
