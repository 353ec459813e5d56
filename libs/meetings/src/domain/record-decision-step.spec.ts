import { DomainError, InvalidInput, InvalidState, fold, type Actor } from '@kom/kernel';
import { SPEC_ACTOR, SPEC_NOW } from '@kom/kernel/testing';
import type { MeetingCommand } from './meeting.commands';
import { meetingDecider } from './meeting.decider';
import type { MeetingEvent, MeetingKind } from './meeting.events';
import { recordDecisionAcrossMeetings, type DecisionMeetingEvents } from './record-decision-step';
import { actors, attended, decided, held, itemAdded, meetingId, published, scheduled, withDecision } from '../testing/meeting-fixtures';

/** given the two meetings' events / when RecordDecision / then both meetings' events (or a refusal). */
function given(streams: { meeting: MeetingEvent[]; superseded?: MeetingEvent[] }) {
  return {
    when(command: Extract<MeetingCommand, { type: 'RecordDecision' }>, actor: Actor = SPEC_ACTOR) {
      const run = () =>
        recordDecisionAcrossMeetings(
          { meeting: fold(meetingDecider, streams.meeting), ...(streams.superseded ? { superseded: fold(meetingDecider, streams.superseded) } : {}) },
          command,
          { now: SPEC_NOW, actor },
        );
      return {
        then: (expected: DecisionMeetingEvents) => expect(run()).toEqual(expected),
        thenThrows(errorClass: abstract new (...args: never[]) => DomainError, reason: string, field?: string) {
          let caught: unknown;
          try {
            run();
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(errorClass);
          expect(caught).toMatchObject({ reason, ...(field ? { field } : {}) });
        },
      };
    },
  };
}

const LATER = 'm-2026-04';
const at = (id: string) => (event: MeetingEvent): MeetingEvent => ({ ...event, data: { ...event.data, meetingId: id } }) as MeetingEvent;
/** A held meeting with one agenda item (`item-9`), after the March meeting unless told otherwise. */
const laterMeeting = (kind: MeetingKind = 'PROJECT_GROUP', startsAt = '2026-04-14T08:00:00.000Z'): MeetingEvent[] => [
  scheduled(kind, { meetingId: LATER, startsAt, endsAt: new Date(Date.parse(startsAt) + 7_200_000).toISOString() }),
  ...[itemAdded('item-9', 0), published, attended()].map(at(LATER)),
];
const record = (supersedes: string | null, decisionId = 'dec-2'): Extract<MeetingCommand, { type: 'RecordDecision' }> => ({
  type: 'RecordDecision',
  meetingId: LATER,
  decisionId,
  agendaItemId: 'item-9',
  text: 'Felles rutine for identifisering vedtas',
  supersedes,
});
const recordedLater = (decisionId = 'dec-2', supersedes: string | null = 'dec-1') => at(LATER)(decided(decisionId, 'item-9', supersedes));
const supersededBy = (decisionId = 'dec-2'): MeetingEvent => ({
  type: 'DecisionSuperseded',
  data: { meetingId, decisionId: 'dec-1', supersededByDecisionId: decisionId, supersededByMeetingId: LATER },
});

describe('recording a decision that supersedes an earlier one: both meetings or neither', () => {
  it('records the decision and marks the one it names superseded by it, linking both ways', () =>
    given({ meeting: laterMeeting(), superseded: withDecision }).when(record('dec-1')).then({ meeting: [recordedLater()], superseded: [supersededBy()] }));

  it('writes only the decision when it names none', () =>
    given({ meeting: laterMeeting() }).when(record(null)).then({ meeting: [recordedLater('dec-2', null)], superseded: [] }));

  it('lets a joint meeting supersede a decision of either group', () =>
    given({ meeting: laterMeeting('JOINT'), superseded: withDecision })
      .when(record('dec-1'))
      .then({ meeting: [recordedLater()], superseded: [supersededBy()] }));

  it('refuses a decision no meeting holds (SUPERSEDED_DECISION_NOT_FOUND, at supersedes)', () => {
    given({ meeting: laterMeeting() }).when(record('dec-nowhere')).thenThrows(InvalidInput, 'SUPERSEDED_DECISION_NOT_FOUND', 'supersedes');
    given({ meeting: laterMeeting(), superseded: held }).when(record('dec-1')).thenThrows(InvalidInput, 'SUPERSEDED_DECISION_NOT_FOUND', 'supersedes');
  });

  it('refuses a second claim on a decision already superseded, and a revoked one (DECISION_NOT_ACTIVE)', () => {
    given({ meeting: [...laterMeeting(), recordedLater()], superseded: [...withDecision, supersededBy()] })
      .when(record('dec-1', 'dec-3'))
      .thenThrows(InvalidState, 'DECISION_NOT_ACTIVE');
    const revoked: MeetingEvent = { type: 'DecisionRevoked', data: { meetingId, decisionId: 'dec-1', reason: 'Feil' } };
    given({ meeting: laterMeeting(), superseded: [...withDecision, revoked] }).when(record('dec-1')).thenThrows(InvalidState, 'DECISION_NOT_ACTIVE');
  });

  it('refuses a decision of another body: the project group does not replace the reference group (REPLACING_DECISION_OTHER_BODY)', () => {
    const referenceGroup = [scheduled('REFERENCE_GROUP'), ...withDecision.slice(1)];
    given({ meeting: laterMeeting(), superseded: referenceGroup }).when(record('dec-1')).thenThrows(InvalidInput, 'REPLACING_DECISION_OTHER_BODY', 'supersedes');
    const joint = [scheduled('JOINT'), ...withDecision.slice(1)];
    given({ meeting: laterMeeting(), superseded: joint }).when(record('dec-1')).thenThrows(InvalidInput, 'REPLACING_DECISION_OTHER_BODY', 'supersedes');
  });

  it('refuses a decision of a meeting that is not earlier (REPLACING_DECISION_NOT_LATER)', () =>
    given({ meeting: laterMeeting('PROJECT_GROUP', '2026-03-01T08:00:00.000Z'), superseded: withDecision })
      .when(record('dec-1'))
      .thenThrows(InvalidInput, 'REPLACING_DECISION_NOT_LATER', 'supersedes'));

  it("refuses on the decision's own rules first, whatever it names (MEETING_NOT_HELD, SECRETARIAT_ONLY)", () => {
    given({ meeting: laterMeeting().slice(0, -1), superseded: withDecision }).when(record('dec-1')).thenThrows(InvalidState, 'MEETING_NOT_HELD');
    given({ meeting: laterMeeting(), superseded: withDecision }).when(record('dec-1'), actors.udi).thenThrows(DomainError, 'SECRETARIAT_ONLY');
  });

  it('leaves SupersedeDecision with nothing to do afterwards for the same pair, still refusing another', () => {
    const after = [...withDecision, supersededBy()];
    const again = (decisionId: string): MeetingCommand => ({
      type: 'SupersedeDecision',
      meetingId,
      decisionId: 'dec-1',
      supersededBy: { decisionId, supersedes: 'dec-1', status: 'ACTIVE', meeting: { meetingId: LATER, kind: 'PROJECT_GROUP', startsAt: '2026-04-14T08:00:00.000Z', status: 'HELD' } },
    });
    expect(meetingDecider.decide(again('dec-2'), fold(meetingDecider, after), { now: SPEC_NOW, actor: SPEC_ACTOR })).toEqual([]);
    expect(() => meetingDecider.decide(again('dec-3'), fold(meetingDecider, after), { now: SPEC_NOW, actor: SPEC_ACTOR })).toThrow(
      expect.objectContaining({ reason: 'DECISION_NOT_ACTIVE' }),
    );
  });
});
