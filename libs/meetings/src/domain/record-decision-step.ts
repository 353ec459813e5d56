import { InvalidInput, type DecisionContext } from '@kom/kernel';
import type { MeetingCommand } from './meeting.commands';
import type { MeetingEvent } from './meeting.events';
import { meetingDecider, type Meeting, type MeetingState } from './meeting.decider';

export type RecordDecision = Extract<MeetingCommand, { type: 'RecordDecision' }>;

export interface DecisionMeetingStates {
  /** The meeting the decision is taken at. */
  readonly meeting: MeetingState;
  /** The meeting holding the decision named in `supersedes`; absent when none is named or none holds it. */
  readonly superseded?: MeetingState;
}

export interface DecisionMeetingEvents {
  readonly meeting: readonly MeetingEvent[];
  readonly superseded: readonly MeetingEvent[];
}

/**
 * Recording a decision, and — when it names an earlier decision in `supersedes` — marking that one
 * superseded by it, as one step on both meetings (specs: record-decision-step.spec.ts). The caller
 * appends both meetings' events in one atomic write, so a decision never names a decision it did
 * not supersede: the named one must exist (SUPERSEDED_DECISION_NOT_FOUND) and pass every rule of
 * SupersedeDecision (active, so a second claim is DECISION_NOT_ACTIVE; a later meeting of the same
 * body or a joint one), each refusal at the field `supersedes`.
 */
export function recordDecisionAcrossMeetings(states: DecisionMeetingStates, command: RecordDecision, context: DecisionContext): DecisionMeetingEvents {
  const recorded = meetingDecider.decide(command, states.meeting, context);
  const supersedes = command.supersedes ?? null;
  if (supersedes === null) return { meeting: recorded, superseded: [] };
  const earlier = states.superseded;
  if (earlier === undefined || earlier.status === 'none' || !earlier.decisions.some((d) => d.decisionId === supersedes)) {
    throw new InvalidInput('SUPERSEDED_DECISION_NOT_FOUND', `KOM has no decision ${supersedes} to supersede`, 'supersedes');
  }
  // The decider accepted the decision, so the meeting exists and is held.
  const taken = recorded.reduce(meetingDecider.evolve, states.meeting) as Meeting;
  const supersede: MeetingCommand = {
    type: 'SupersedeDecision',
    meetingId: earlier.meetingId,
    decisionId: supersedes,
    supersededBy: {
      decisionId: command.decisionId,
      supersedes,
      status: 'ACTIVE',
      meeting: { meetingId: taken.meetingId, kind: taken.kind, startsAt: taken.startsAt, status: taken.status },
    },
  };
  try {
    return { meeting: recorded, superseded: meetingDecider.decide(supersede, earlier, context) };
  } catch (error) {
    // Here the input to blame is `supersedes`: a form shows the refusal there.
    if (error instanceof InvalidInput && error.field === undefined) throw new InvalidInput(error.reason, error.message, 'supersedes');
    throw error;
  }
}
