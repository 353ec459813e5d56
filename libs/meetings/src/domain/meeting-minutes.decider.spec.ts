import { InvalidInput, InvalidState, NotFound } from '@kom/kernel';
import { deciderSpec } from '@kom/kernel/testing';
import type { MeetingCommand, OtherMeeting } from './meeting.commands';
import { meetingDecider } from './meeting.decider';
import {
  POLICE,
  actionAssigned,
  approved,
  decided,
  held,
  meetingId,
  minutesApproved,
  minutesDrafted,
  otherMeeting,
  publishedAgenda,
  withDecision,
  withMinutes,
} from '../testing/meeting-fixtures';

const given = deciderSpec(meetingDecider);

describe('meeting decider: action items', () => {
  const assign = (overrides: Partial<Extract<MeetingCommand, { type: 'AssignActionItem' }>> = {}): MeetingCommand => ({
    type: 'AssignActionItem',
    meetingId,
    actionItemId: 'act-1',
    description: ' Utarbeide rutine ',
    responsibleOrganizationId: POLICE,
    dueDate: '2026-04-01',
    ...overrides,
  });
  const withAction = [...withDecision, actionAssigned()];

  it('assigns an action item at a held meeting', () => given(held).when(assign()).then([actionAssigned()]));

  it('links it to a decision, and so to the decision’s agenda item', () =>
    given(withDecision)
      .when(assign({ decisionId: 'dec-1' }))
      .then([{ ...actionAssigned(), data: { ...actionAssigned().data, decisionId: 'dec-1', agendaItemId: 'item-1' } } as never]));

  it('links it to an agenda item', () =>
    given(held)
      .when(assign({ agendaItemId: 'item-2' }))
      .then([{ ...actionAssigned(), data: { ...actionAssigned().data, agendaItemId: 'item-2' } } as never]));

  it('refuses links to what does not exist, or that disagree (ACTION_ITEM_LINKS_DISAGREE)', () => {
    given(withDecision).when(assign({ decisionId: 'dec-9' })).thenThrows(NotFound, 'DECISION_NOT_FOUND');
    given(withDecision).when(assign({ agendaItemId: 'item-9' })).thenThrows(NotFound, 'AGENDA_ITEM_NOT_FOUND');
    given(withDecision).when(assign({ decisionId: 'dec-1', agendaItemId: 'item-2' })).thenThrows(InvalidInput, 'ACTION_ITEM_LINKS_DISAGREE');
  });

  it('sets a due date not before the meeting date (DUE_DATE_BEFORE_MEETING, INVALID_DATE)', () => {
    expect(given(held).when(assign({ dueDate: '2026-03-10' })).events()).toHaveLength(1);
    given(held).when(assign({ dueDate: '2026-03-09' })).thenThrows(InvalidInput, 'DUE_DATE_BEFORE_MEETING');
    given(held).when(assign({ dueDate: '2026-13-01' })).thenThrows(InvalidInput, 'INVALID_DATE');
  });

  it('needs a description and a responsible organisation', () => {
    given(held).when(assign({ description: '' })).thenThrows(InvalidInput, 'DESCRIPTION_REQUIRED');
    given(held).when(assign({ responsibleOrganizationId: ' ' })).thenThrows(InvalidInput, 'RESPONSIBLE_ORGANIZATION_REQUIRED');
  });

  it('assigns only at a held meeting, once, before the minutes are approved', () => {
    given(publishedAgenda).when(assign()).thenThrows(InvalidState, 'MEETING_NOT_HELD');
    given(withAction).when(assign()).thenThrows(InvalidState, 'ACTION_ITEM_ALREADY_ASSIGNED');
    given(approved).when(assign()).thenThrows(InvalidState, 'MINUTES_ALREADY_APPROVED');
  });

  it('completes an open action item, also after the minutes are approved', () => {
    given(withAction)
      .when({ type: 'CompleteActionItem', meetingId, actionItemId: 'act-1', note: ' Rutine sendt ' })
      .then([{ type: 'ActionItemCompleted', data: { meetingId, actionItemId: 'act-1', note: 'Rutine sendt' } }]);
    given([...approved, actionAssigned('act-2')].filter((e) => e !== minutesApproved).concat(minutesApproved))
      .when({ type: 'CompleteActionItem', meetingId, actionItemId: 'act-2' })
      .then([{ type: 'ActionItemCompleted', data: { meetingId, actionItemId: 'act-2', note: null } }]);
  });

  it('cancels an open action item with a reason', () =>
    given(withAction)
      .when({ type: 'CancelActionItem', meetingId, actionItemId: 'act-1', reason: 'Overtatt av tiltak 34' })
      .then([{ type: 'ActionItemCancelled', data: { meetingId, actionItemId: 'act-1', reason: 'Overtatt av tiltak 34' } }]));

  it('completes or cancels only open, known items (ACTION_ITEM_NOT_OPEN, ACTION_ITEM_NOT_FOUND)', () => {
    const done = [...withAction, { type: 'ActionItemCompleted' as const, data: { meetingId, actionItemId: 'act-1', note: null } }];
    const dropped = [...withAction, { type: 'ActionItemCancelled' as const, data: { meetingId, actionItemId: 'act-1', reason: 'x' } }];
    given(done).when({ type: 'CompleteActionItem', meetingId, actionItemId: 'act-1' }).thenThrows(InvalidState, 'ACTION_ITEM_NOT_OPEN');
    given(done).when({ type: 'CancelActionItem', meetingId, actionItemId: 'act-1', reason: 'x' }).thenThrows(InvalidState, 'ACTION_ITEM_NOT_OPEN');
    given(dropped).when({ type: 'CompleteActionItem', meetingId, actionItemId: 'act-1' }).thenThrows(InvalidState, 'ACTION_ITEM_NOT_OPEN');
    given(withAction).when({ type: 'CompleteActionItem', meetingId, actionItemId: 'act-9' }).thenThrows(NotFound, 'ACTION_ITEM_NOT_FOUND');
    given(withAction).when({ type: 'CancelActionItem', meetingId, actionItemId: 'act-9', reason: 'x' }).thenThrows(NotFound, 'ACTION_ITEM_NOT_FOUND');
  });

  it('needs a reason to cancel', () => {
    given(withAction).when({ type: 'CancelActionItem', meetingId, actionItemId: 'act-1', reason: ' ' }).thenThrows(InvalidInput, 'REASON_REQUIRED');
  });
});

describe('meeting decider: minutes', () => {
  it('drafts minutes at a held meeting, and drafts them again until approved', () => {
    given(withDecision).when({ type: 'RecordMinutes', meetingId, text: ' Referat ' }).then([minutesDrafted('Referat')]);
    given(withMinutes).when({ type: 'RecordMinutes', meetingId, text: 'Referat, rettet' }).then([minutesDrafted('Referat, rettet')]);
    given(withMinutes).when({ type: 'RecordMinutes', meetingId, text: 'Referat' }).then([]);
  });

  it('refuses minutes before the meeting is held, empty, or after approval', () => {
    given(publishedAgenda).when({ type: 'RecordMinutes', meetingId, text: 'Referat' }).thenThrows(InvalidState, 'MEETING_NOT_HELD');
    given(held).when({ type: 'RecordMinutes', meetingId, text: '  ' }).thenThrows(InvalidInput, 'MINUTES_TEXT_REQUIRED');
    given(approved).when({ type: 'RecordMinutes', meetingId, text: 'Endret' }).thenThrows(InvalidState, 'MINUTES_ALREADY_APPROVED');
  });

  const approve = (approvingMeeting: OtherMeeting = otherMeeting(), nextMeetingOfBody: OtherMeeting | null = approvingMeeting): MeetingCommand => ({
    type: 'ApproveMinutes',
    meetingId,
    approvingMeeting,
    nextMeetingOfBody,
  });

  it('approves the minutes at the next held meeting of the same body', () => given(withMinutes).when(approve()).then([minutesApproved]));

  it('approves once; approved minutes are immutable (MINUTES_ALREADY_APPROVED)', () =>
    given(approved).when(approve()).thenThrows(InvalidState, 'MINUTES_ALREADY_APPROVED'));

  it('needs drafted minutes (MINUTES_NOT_DRAFTED) of a held meeting (MEETING_NOT_HELD)', () => {
    given(withDecision).when(approve()).thenThrows(InvalidState, 'MINUTES_NOT_DRAFTED');
    given(publishedAgenda).when(approve()).thenThrows(InvalidState, 'MEETING_NOT_HELD');
  });

  it('needs a meeting of the same body (APPROVING_MEETING_OTHER_BODY)', () => {
    given(withMinutes).when(approve(otherMeeting({ kind: 'JOINT' }))).thenThrows(InvalidInput, 'APPROVING_MEETING_OTHER_BODY');
    given(withMinutes).when(approve(otherMeeting({ kind: 'REFERENCE_GROUP' }))).thenThrows(InvalidInput, 'APPROVING_MEETING_OTHER_BODY');
  });

  it('needs a later meeting (APPROVING_MEETING_NOT_LATER)', () => {
    given(withMinutes).when(approve(otherMeeting({ startsAt: '2026-02-10T09:00:00.000Z' }))).thenThrows(InvalidInput, 'APPROVING_MEETING_NOT_LATER');
    given(withMinutes).when(approve(otherMeeting({ meetingId }))).thenThrows(InvalidInput, 'APPROVING_MEETING_NOT_LATER');
  });

  it('needs a held, not cancelled approving meeting (APPROVING_MEETING_CANCELLED, APPROVING_MEETING_NOT_HELD)', () => {
    given(withMinutes).when(approve(otherMeeting({ status: 'CANCELLED' }))).thenThrows(InvalidState, 'APPROVING_MEETING_CANCELLED');
    given(withMinutes).when(approve(otherMeeting({ status: 'PUBLISHED' }))).thenThrows(InvalidState, 'APPROVING_MEETING_NOT_HELD');
    given(withMinutes).when(approve(otherMeeting({ status: 'SCHEDULED' }))).thenThrows(InvalidState, 'APPROVING_MEETING_NOT_HELD');
  });

  it('needs the NEXT meeting of the body (APPROVING_MEETING_NOT_NEXT)', () => {
    const may = otherMeeting({ meetingId: 'm-2026-05', startsAt: '2026-05-12T08:00:00.000Z' });
    given(withMinutes).when(approve(may, otherMeeting())).thenThrows(InvalidInput, 'APPROVING_MEETING_NOT_NEXT');
    given(withMinutes).when(approve(otherMeeting(), null)).thenThrows(InvalidInput, 'APPROVING_MEETING_NOT_NEXT');
  });

  it('keeps decisions open to supersession and revocation after approval', () =>
    expect(
      given([...approved, decided('dec-2')].filter((e) => e !== minutesApproved).concat(minutesApproved))
        .when({ type: 'RevokeDecision', meetingId, decisionId: 'dec-2', reason: 'Erstattet' })
        .events(),
    ).toHaveLength(1));
});
