import { Forbidden, InvalidInput, InvalidState, NotFound, fold, type Actor, defaultPlanRefs } from '@kom/kernel';
import { SPEC_NOW, deciderSpec } from '@kom/kernel/testing';
import type { MeetingCommand } from './meeting.commands';
import { meetingDecider, meetingStream, type Meeting } from './meeting.decider';
import {
  DURING,
  ENDS_AT,
  MEMBERS,
  POLICE,
  STARTS_AT,
  UDI,
  actionAssigned,
  actors,
  attended,
  approved,
  cancelled,
  decided,
  drafting,
  held,
  itemAdded,
  meetingId,
  minutesDrafted,
  otherMeeting,
  positioned,
  published,
  publishedAgenda,
  scheduled,
  withDecision,
} from '../testing/meeting-fixtures';

const given = deciderSpec(meetingDecider);

const schedule = (overrides: Partial<Extract<MeetingCommand, { type: 'ScheduleMeeting' }>> = {}): MeetingCommand => ({
  type: 'ScheduleMeeting',
  meetingId,
  kind: 'PROJECT_GROUP',
  title: '  Prosjektgruppemøte   mars ',
  startsAt: '2026-03-10T10:00:00+01:00',
  endsAt: '2026-03-10T12:00:00+01:00',
  location: ' Politidirektoratet, Oslo ',
  ...overrides,
});

/** One command of every type, valid in shape, for the guards every command shares. */
const everyCommand: MeetingCommand[] = [
  { type: 'RescheduleMeeting', meetingId, startsAt: STARTS_AT, endsAt: ENDS_AT },
  { type: 'CancelMeeting', meetingId, reason: 'Streik' },
  { type: 'AddAgendaItem', meetingId, itemId: 'item-9', title: 'Ny sak' },
  { type: 'UpdateAgendaItem', meetingId, itemId: 'item-1', title: 'Endret' },
  { type: 'ReorderAgenda', meetingId, itemIds: ['item-2', 'item-1'] },
  { type: 'RemoveAgendaItem', meetingId, itemId: 'item-1' },
  { type: 'PublishAgenda', meetingId },
  { type: 'RecordAttendance', meetingId, organizationIds: [UDI], members: MEMBERS },
  { type: 'RecordDecision', meetingId, decisionId: 'dec-9', agendaItemId: 'item-1', text: 'Vedtak' },
  { type: 'RecordPosition', meetingId, decisionId: 'dec-1', organizationId: UDI, position: 'SUPPORTS' },
  { type: 'SupersedeDecision', meetingId, decisionId: 'dec-1', supersededBy: { decisionId: 'dec-2', meeting: otherMeeting(), supersedes: 'dec-1' } },
  { type: 'RevokeDecision', meetingId, decisionId: 'dec-1', reason: 'Feil' },
  { type: 'AssignActionItem', meetingId, actionItemId: 'act-9', description: 'Gjør', responsibleOrganizationId: UDI, dueDate: '2026-04-01' },
  { type: 'CompleteActionItem', meetingId, actionItemId: 'act-1' },
  { type: 'ReportActionItemProgress', meetingId, actionItemId: 'act-1', note: 'Godt i gang' },
  { type: 'CancelActionItem', meetingId, actionItemId: 'act-1', reason: 'Utgår' },
  { type: 'RecordMinutes', meetingId, text: 'Referat' },
  { type: 'ApproveMinutes', meetingId, approvingMeeting: otherMeeting(), nextMeetingOfBody: otherMeeting() },
];

describe('meeting decider: guards every command shares', () => {
  it('names its stream meeting-<id>', () => expect(meetingStream('abc')).toBe('meeting-abc'));

  it.each(everyCommand.map((c) => [c.type, c]))('%s: refused on an unknown meeting (MEETING_NOT_FOUND)', (_, command) =>
    given([]).when(command, { actor: actors.secretariat }).thenThrows(NotFound, 'MEETING_NOT_FOUND'));

  it.each(everyCommand.map((c) => [c.type, c]))('%s: refused on a cancelled meeting (MEETING_CANCELLED)', (_, command) =>
    given([...publishedAgenda, cancelled]).when(command, { now: DURING }).thenThrows(InvalidState, 'MEETING_CANCELLED'));

  // Members record their own positions and follow up their own action items (their rules are specified with those commands).
  const MEMBER_COMMANDS = ['RecordPosition', 'CompleteActionItem', 'ReportActionItemProgress'];
  const secretariatOnly = [schedule(), ...everyCommand.filter((c) => !MEMBER_COMMANDS.includes(c.type))];
  it.each(
    secretariatOnly.flatMap((c) => [actors.udi, actors.rosa, actors.auditor].map((actor) => [c.type, actor.role, c, actor] as const)),
  )('%s: refused for %s (SECRETARIAT_ONLY)', (_, __, command, actor) =>
    given(withDecision).when(command, { actor: actor as Actor }).thenThrows(Forbidden, 'SECRETARIAT_ONLY'));
});

describe('meeting decider: scheduling', () => {
  it('schedules a meeting, tidying the title and place and storing times in UTC', () =>
    given([])
      .when(schedule())
      .then([
        {
          type: 'MeetingScheduled',
          data: {
            meetingId,
            kind: 'PROJECT_GROUP',
            title: 'Prosjektgruppemøte mars',
            startsAt: '2026-03-10T09:00:00.000Z',
            endsAt: '2026-03-10T11:00:00.000Z',
            location: 'Politidirektoratet, Oslo',
            videoLink: null,
            seriesId: null,
            seriesIndex: null,
            timeZone: 'Europe/Oslo',
          },
        },
      ]));

  it('schedules a video meeting as part of a series', () =>
    given([])
      .when(schedule({ location: null, videoLink: 'https://video.example/kom', seriesId: 's-1', seriesIndex: 3, kind: 'JOINT' }))
      .then([scheduled('JOINT', { title: 'Prosjektgruppemøte mars', location: null, videoLink: 'https://video.example/kom', seriesId: 's-1', seriesIndex: 3 })]));

  it('changes nothing when the same series schedules the same meeting again (series re-run)', () =>
    given([scheduled('PROJECT_GROUP', { seriesId: 's-1', seriesIndex: 0 })]).when(schedule({ seriesId: 's-1', seriesIndex: 0 })).then([]));

  it('refuses to schedule a meeting twice (MEETING_ALREADY_SCHEDULED)', () => {
    given([scheduled()]).when(schedule()).thenThrows(InvalidState, 'MEETING_ALREADY_SCHEDULED');
    given([scheduled('PROJECT_GROUP', { seriesId: 's-1', seriesIndex: 0 })])
      .when(schedule({ seriesId: 's-1', seriesIndex: 1 }))
      .thenThrows(InvalidState, 'MEETING_ALREADY_SCHEDULED');
    given([scheduled(), cancelled]).when(schedule()).thenThrows(InvalidState, 'MEETING_ALREADY_SCHEDULED');
  });

  it('requires a title (TITLE_REQUIRED, TITLE_TOO_LONG)', () => {
    given([]).when(schedule({ title: '   ' })).thenThrows(InvalidInput, 'TITLE_REQUIRED');
    given([]).when(schedule({ title: 'x'.repeat(301) })).thenThrows(InvalidInput, 'TITLE_TOO_LONG');
  });

  it('requires ISO instants with a zone (INVALID_INSTANT)', () => {
    given([]).when(schedule({ startsAt: '2026-03-10 10:00' })).thenThrows(InvalidInput, 'INVALID_INSTANT');
    given([]).when(schedule({ endsAt: '2026-03-10T12:00:00' })).thenThrows(InvalidInput, 'INVALID_INSTANT');
    given([]).when(schedule({ startsAt: '2026-02-30T10:00:00Z' })).thenThrows(InvalidInput, 'INVALID_INSTANT');
  });

  it('requires the end after the start (END_NOT_AFTER_START)', () => {
    given([]).when(schedule({ endsAt: '2026-03-10T10:00:00+01:00' })).thenThrows(InvalidInput, 'END_NOT_AFTER_START');
    given([]).when(schedule({ endsAt: '2026-03-10T08:00:00Z' })).thenThrows(InvalidInput, 'END_NOT_AFTER_START');
  });

  it('requires a location or a video link (PLACE_REQUIRED), a link that is a URL, and sane lengths', () => {
    given([]).when(schedule({ location: ' ', videoLink: null })).thenThrows(InvalidInput, 'PLACE_REQUIRED');
    given([]).when(schedule({ location: undefined })).thenThrows(InvalidInput, 'PLACE_REQUIRED');
    given([]).when(schedule({ videoLink: 'teams møte' })).thenThrows(InvalidInput, 'VIDEO_LINK_NOT_A_URL');
    given([]).when(schedule({ location: 'x'.repeat(301) })).thenThrows(InvalidInput, 'LOCATION_TOO_LONG');
    given([]).when(schedule({ videoLink: 'https://x/' + 'x'.repeat(500) })).thenThrows(InvalidInput, 'VIDEO_LINK_TOO_LONG');
  });

  it('refuses a meeting in the past for people, but lets the platform backfill one (MEETING_IN_THE_PAST)', () => {
    const past = schedule({ startsAt: '2026-03-01T10:00:00Z', endsAt: '2026-03-01T12:00:00Z' });
    given([]).when(past).thenThrows(InvalidInput, 'MEETING_IN_THE_PAST');
    expect(given([]).when(past, { actor: actors.system }).events()).toHaveLength(1);
  });

  it('refuses an unknown kind, a half-named series and bad ids', () => {
    given([]).when(schedule({ kind: 'BOARD' as never })).thenThrows(InvalidInput, 'UNKNOWN_MEETING_KIND');
    given([]).when(schedule({ seriesId: 's-1' })).thenThrows(InvalidInput, 'INVALID_SERIES');
    given([]).when(schedule({ seriesId: 's-1', seriesIndex: -1 })).thenThrows(InvalidInput, 'INVALID_SERIES');
    given([]).when(schedule({ seriesIndex: 2 })).thenThrows(InvalidInput, 'INVALID_SERIES');
    given([]).when(schedule({ meetingId: 'x'.repeat(101) })).thenThrows(InvalidInput, 'INVALID_ID');
  });

});

describe('meeting decider: rescheduling', () => {
  const reschedule = (overrides: Partial<Extract<MeetingCommand, { type: 'RescheduleMeeting' }>> = {}): MeetingCommand => ({
    type: 'RescheduleMeeting',
    meetingId,
    startsAt: '2026-03-12T09:00:00Z',
    endsAt: '2026-03-12T11:00:00Z',
    ...overrides,
  });

  it('moves the meeting, keeping the place when none is given', () =>
    given([scheduled()])
      .when(reschedule())
      .then([
        {
          type: 'MeetingRescheduled',
          data: { meetingId, startsAt: '2026-03-12T09:00:00.000Z', endsAt: '2026-03-12T11:00:00.000Z', location: 'Politidirektoratet, Oslo', videoLink: null },
        },
      ]));

  it('moves a published meeting online (null clears the location)', () =>
    given(publishedAgenda)
      .when(reschedule({ startsAt: STARTS_AT, endsAt: ENDS_AT, location: null, videoLink: 'https://video.example/kom' }))
      .then([{ type: 'MeetingRescheduled', data: { meetingId, startsAt: STARTS_AT, endsAt: ENDS_AT, location: null, videoLink: 'https://video.example/kom' } }]));

  it('changes nothing when nothing changes', () => given([scheduled()]).when(reschedule({ startsAt: STARTS_AT, endsAt: ENDS_AT })).then([]));

  it('refuses to reschedule a held meeting (MEETING_ALREADY_HELD)', () =>
    given(held).when(reschedule(), { now: DURING }).thenThrows(InvalidState, 'MEETING_ALREADY_HELD'));

  it('applies the scheduling rules to the new time and place', () => {
    given([scheduled()]).when(reschedule({ endsAt: '2026-03-12T09:00:00Z' })).thenThrows(InvalidInput, 'END_NOT_AFTER_START');
    given([scheduled()]).when(reschedule({ startsAt: '2026-03-01T09:00:00Z' })).thenThrows(InvalidInput, 'MEETING_IN_THE_PAST');
    given([scheduled()]).when(reschedule({ location: null })).thenThrows(InvalidInput, 'PLACE_REQUIRED');
  });
});

describe('meeting decider: cancelling', () => {
  it('cancels a scheduled or published meeting with a reason', () => {
    given([scheduled()]).when({ type: 'CancelMeeting', meetingId, reason: ' Streik ' }).then([cancelled]);
    given(publishedAgenda).when({ type: 'CancelMeeting', meetingId, reason: 'Streik' }).then([cancelled]);
  });

  it('needs a reason (REASON_REQUIRED)', () => {
    given([scheduled()]).when({ type: 'CancelMeeting', meetingId, reason: '  ' }).thenThrows(InvalidInput, 'REASON_REQUIRED');
  });

  it('refuses to cancel a held meeting (MEETING_ALREADY_HELD) or a cancelled one (MEETING_CANCELLED)', () => {
    given(held).when({ type: 'CancelMeeting', meetingId, reason: 'x' }).thenThrows(InvalidState, 'MEETING_ALREADY_HELD');
    given([scheduled(), cancelled]).when({ type: 'CancelMeeting', meetingId, reason: 'x' }).thenThrows(InvalidState, 'MEETING_CANCELLED');
  });
});

describe('meeting decider: state', () => {
  it('folds a whole meeting: agenda in order, attendance, decisions, action items, minutes', () => {
    const state = fold(meetingDecider, [
      ...drafting,
      itemAdded('item-0', 0),
      published,
      { type: 'AgendaReordered', data: { meetingId, itemIds: ['item-2', 'item-0', 'item-1'], amendment: true } },
      { type: 'AgendaItemRemoved', data: { meetingId, itemId: 'item-0', amendment: true, reason: null } },
      { type: 'AttendanceRecorded', data: { meetingId, organizationIds: [UDI, POLICE] } },
      decided('dec-1'),
      positioned(UDI, 'OBJECTS', 'Mangler budsjett'),
      positioned(UDI, 'SUPPORTS'),
      decided('dec-2', 'item-2'),
      { type: 'DecisionRevoked', data: { meetingId, decisionId: 'dec-2', reason: 'Feil' } },
      actionAssigned('act-1'),
      actionAssigned('act-2'),
      { type: 'ActionItemCompleted', data: { meetingId, actionItemId: 'act-1', note: null } },
      minutesDrafted('Utkast'),
      minutesDrafted('Referat'),
      { type: 'MinutesApproved', data: { meetingId, approvedAtMeetingId: 'm-next' } },
      { type: 'DecisionSuperseded', data: { meetingId, decisionId: 'dec-1', supersededByDecisionId: 'dec-9', supersededByMeetingId: 'm-next' } },
    ]) as Meeting;
    expect(state.status).toBe('HELD');
    expect(state.agendaPublishedAt).toBe('2026-03-02T09:00:00.000Z');
    expect(state.agenda.map((i) => i.itemId)).toEqual(['item-2', 'item-1']);
    expect(state.usedItemIds).toEqual(['item-1', 'item-2', 'item-0']);
    expect(state.attendance).toEqual([UDI, POLICE]);
    expect(state.decisions.map((d) => [d.decisionId, d.status])).toEqual([
      ['dec-1', 'SUPERSEDED'],
      ['dec-2', 'REVOKED'],
    ]);
    expect(state.decisions[0].positions).toEqual({ [UDI]: { position: 'SUPPORTS', reason: null } });
    expect(state.decisions[0].supersededBy).toEqual({ decisionId: 'dec-9', meetingId: 'm-next' });
    expect(state.actionItems.map((a) => [a.actionItemId, a.status])).toEqual([
      ['act-1', 'COMPLETED'],
      ['act-2', 'OPEN'],
    ]);
    expect(state.minutes).toEqual({ status: 'approved', text: 'Referat', approvedAtMeetingId: 'm-next' });
  });

  it('keeps amendments visible: flags on the items, removed items with their reason, and the log of changes', () => {
    const state = fold(meetingDecider, [
      ...drafting,
      itemAdded('item-0', 0),
      { type: 'AgendaItemUpdated', data: { meetingId, itemId: 'item-1', title: 'Utkast endret', description: '', presentingOrganizationId: null, citedMeasures: [], amendment: false } },
      { type: 'AgendaItemRemoved', data: { meetingId, itemId: 'item-0', amendment: false, reason: null } },
      published,
      itemAdded('item-3', 1, true),
      { type: 'AgendaItemUpdated', data: { meetingId, itemId: 'item-1', title: 'Sak 1, endret', description: 'Ny', presentingOrganizationId: UDI, citedMeasures: defaultPlanRefs([6]), amendment: true } },
      { type: 'AgendaItemUpdated', data: { meetingId, itemId: 'item-1', title: 'Sak 1, endret igjen', description: 'Ny', presentingOrganizationId: UDI, citedMeasures: defaultPlanRefs([6]), amendment: true } },
      { type: 'AgendaReordered', data: { meetingId, itemIds: ['item-3', 'item-2', 'item-1'], amendment: true } },
      { type: 'AgendaItemRemoved', data: { meetingId, itemId: 'item-2', amendment: true, reason: 'Utsatt' } },
      { type: 'AgendaItemRemoved', data: { meetingId, itemId: 'item-3', amendment: true, reason: null } },
    ]) as Meeting;
    expect(state.agenda.map((i) => [i.itemId, i.title, i.addedByAmendment, i.updatedByAmendment])).toEqual([['item-1', 'Sak 1, endret igjen', false, true]]);
    // Removed while drafting: gone. Removed by amendment: kept, in the order removed, with the reason.
    expect(state.removedItems.map((i) => [i.itemId, i.title, i.addedByAmendment, i.updatedByAmendment, i.removalReason])).toEqual([
      ['item-2', 'Sak item-2', false, false, 'Utsatt'],
      ['item-3', 'Sak item-3', true, false, null],
    ]);
    expect(state.amendments).toEqual([
      { kind: 'ADDED', itemId: 'item-3', title: 'Sak item-3', reason: null, itemIds: null },
      { kind: 'UPDATED', itemId: 'item-1', title: 'Sak 1, endret', reason: null, itemIds: null },
      { kind: 'UPDATED', itemId: 'item-1', title: 'Sak 1, endret igjen', reason: null, itemIds: null },
      { kind: 'REORDERED', itemId: null, title: null, reason: null, itemIds: ['item-3', 'item-2', 'item-1'] },
      { kind: 'REMOVED', itemId: 'item-2', title: 'Sak item-2', reason: 'Utsatt', itemIds: null },
      { kind: 'REMOVED', itemId: 'item-3', title: 'Sak item-3', reason: null, itemIds: null },
    ]);
    // A removed item is no longer on the agenda for decide: its id stays used, nothing is decided on it.
    expect(state.usedItemIds).toEqual(['item-1', 'item-2', 'item-0', 'item-3']);
  });

  it('records nothing as an amendment while the agenda is a draft', () => {
    const state = fold(meetingDecider, [
      ...drafting,
      { type: 'AgendaReordered', data: { meetingId, itemIds: ['item-2', 'item-1'], amendment: false } },
      { type: 'AgendaItemRemoved', data: { meetingId, itemId: 'item-1', amendment: false, reason: 'Feil' } },
      published,
    ]) as Meeting;
    expect(state.agenda.map((i) => [i.itemId, i.addedByAmendment, i.updatedByAmendment])).toEqual([['item-2', false, false]]);
    expect(state.removedItems).toEqual([]);
    expect(state.amendments).toEqual([]);
  });

  it('keeps the completion note and the cancellation reason of action items', () => {
    const state = fold(meetingDecider, [
      ...held,
      actionAssigned('act-1'),
      actionAssigned('act-2'),
      actionAssigned('act-3'),
      { type: 'ActionItemCompleted', data: { meetingId, actionItemId: 'act-1', note: 'Rutinen er vedtatt' } },
      { type: 'ActionItemCompleted', data: { meetingId, actionItemId: 'act-2', note: null } },
      { type: 'ActionItemCancelled', data: { meetingId, actionItemId: 'act-3', reason: 'Utgår' } },
    ]) as Meeting;
    expect(state.actionItems.map((a) => [a.actionItemId, a.status, a.completionNote, a.cancelledReason])).toEqual([
      ['act-1', 'COMPLETED', 'Rutinen er vedtatt', null],
      ['act-2', 'COMPLETED', null, null],
      ['act-3', 'CANCELLED', null, 'Utgår'],
    ]);
  });

  it('decides as before on an amended agenda: a removed item takes no decisions and is not updated', () => {
    const amended = [...publishedAgenda, { type: 'AgendaItemRemoved', data: { meetingId, itemId: 'item-2', amendment: true, reason: 'Utsatt' } } as const];
    given(amended).when({ type: 'UpdateAgendaItem', meetingId, itemId: 'item-2', title: 'Tilbake' }).thenThrows(NotFound);
    given(amended).when({ type: 'RemoveAgendaItem', meetingId, itemId: 'item-2' }).thenThrows(NotFound);
    given(amended).when({ type: 'AddAgendaItem', meetingId, itemId: 'item-2', title: 'Gjenbruk' }).thenThrows(InvalidState, 'AGENDA_ITEM_ALREADY_EXISTS');
    given([...amended, attended()])
      .when({ type: 'RecordDecision', meetingId, decisionId: 'dec-1', agendaItemId: 'item-2', text: 'Vedtak' })
      .thenThrows(NotFound);
  });

  it('is cancelled with its reason, and ignores events before it was scheduled', () => {
    expect(fold(meetingDecider, [scheduled(), cancelled])).toMatchObject({ status: 'CANCELLED', cancelledReason: 'Streik' });
    expect(fold(meetingDecider, [published])).toEqual({ status: 'none' });
  });

  it('uses SPEC_NOW before the meeting in these specs', () => expect(SPEC_NOW.getTime()).toBeLessThan(Date.parse(STARTS_AT)));

  // Keeps the fixtures honest: the stages used across the specs are reachable by commands.
  it('reaches every stage through commands', () => {
    expect(approved.length).toBeGreaterThan(withDecision.length);
    expect(given(held).when({ type: 'RecordMinutes', meetingId, text: 'Referat' }).events()).toHaveLength(1);
  });
});
