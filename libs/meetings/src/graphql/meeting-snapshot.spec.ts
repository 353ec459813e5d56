import { defaultPlanRefs } from '@kom/kernel';
import type { RecordedEvent } from '@kom/event-store';
import type { ReadModelDatabase } from '@kom/projections';
import { ev, projectionSpec, recordEvents } from '@kom/projections/testing';
import type { MeetingEvent } from '../domain/meeting.events';
import { ActionItemsQueries } from '../read-models/action-items.queries';
import { AgendaQueries } from '../read-models/agenda.queries';
import { AttendanceQueries } from '../read-models/attendance.queries';
import { DecisionsQueries } from '../read-models/decisions.queries';
import { meetingProjections } from '../read-models/index';
import { MeetingsQueries } from '../read-models/meetings.queries';
import { MinutesQueries } from '../read-models/minutes.queries';
import { meetingHistoryAt } from './meeting-history';
import { meetingFromState, suggestedAgendaItemsFrom } from './meeting-snapshot';

const M = 'm-1';

const STREAM = `meeting-${M}`;
const T = (minute: number) => new Date(Date.UTC(2027, 0, 5, 8, minute)).toISOString();
const added = (itemId: string, position: number, amendment = false): MeetingEvent => ({
  type: 'AgendaItemAdded',
  data: { meetingId: M, itemId, title: `Sak ${itemId}`, description: '', presentingOrganizationId: null, citedMeasures: defaultPlanRefs([6]), sourceIssueId: null, position, amendment },
});
const decided = (decisionId: string, agendaItemId: string): MeetingEvent => ({
  type: 'DecisionRecorded',
  data: { meetingId: M, decisionId, agendaItemId, text: `Vedtak ${decisionId}`, rationale: '', citedMeasures: [], reviewDate: null, supersedes: null },
});
const position = (decisionId: string, organizationId: string, pos: 'SUPPORTS' | 'ABSTAINS' | 'OBJECTS', reason: string | null = null): MeetingEvent => ({
  type: 'PositionRecorded',
  data: { meetingId: M, decisionId, organizationId, position: pos, reason },
});
const assigned = (actionItemId: string): MeetingEvent => ({
  type: 'ActionItemAssigned',
  data: { meetingId: M, actionItemId, decisionId: null, agendaItemId: null, description: 'Gjør det', responsibleOrganizationId: 'org-udi', dueDate: '2027-02-01' },
});

/**
 * One meeting's stream with its metadata. Several events share an instant (one command appends a
 * decision and its positions; a manual clock that did not move), so the order of equal times is
 * exercised too: the read models then order by id.
 */
const EVENTS = recordEvents([
  ev(STREAM, { type: 'MeetingScheduled', data: { meetingId: M, kind: 'PROJECT_GROUP', title: 'Møte', startsAt: '2027-01-12T09:00:00+01:00', endsAt: '2027-01-12T11:00:00+01:00', location: 'Oslo', videoLink: null, seriesId: null, seriesIndex: null, timeZone: 'Europe/Oslo' } }, { at: T(0) }),
  ev(STREAM, added('a', 0), { at: T(1) }),
  ev(STREAM, added('b', 1), { at: T(1) }),
  ev(STREAM, added('c', 0), { at: T(2) }),
  ev(STREAM, { type: 'AgendaItemRemoved', data: { meetingId: M, itemId: 'c', amendment: false, reason: null } }, { at: T(3) }),
  ev(STREAM, { type: 'MeetingRescheduled', data: { meetingId: M, startsAt: '2027-01-12T10:00:00+01:00', endsAt: '2027-01-12T12:00:00+01:00', location: null, videoLink: 'https://example.org/m' } }, { at: T(4) }),
  ev(STREAM, { type: 'AgendaPublished', data: { meetingId: M, publishedAt: T(5) } }, { at: T(5) }),
  ev(STREAM, added('z', 2, true), { at: T(6) }),
  ev(STREAM, added('d', 1, true), { at: T(6) }),
  ev(STREAM, { type: 'AgendaReordered', data: { meetingId: M, itemIds: ['d', 'a', 'z', 'b'], amendment: true } }, { at: T(7) }),
  ev(STREAM, { type: 'AgendaItemUpdated', data: { meetingId: M, itemId: 'a', title: 'Sak a, endret', description: 'ny', presentingOrganizationId: 'org-udi', citedMeasures: [6, 34], amendment: true } }, { at: T(8) }),
  // Two removals at the same instant: the read model orders them by id, not as removed.
  ev(STREAM, { type: 'AgendaItemRemoved', data: { meetingId: M, itemId: 'z', amendment: true, reason: 'utsatt' } }, { at: T(9) }),
  ev(STREAM, { type: 'AgendaItemRemoved', data: { meetingId: M, itemId: 'b', amendment: true, reason: null } }, { at: T(9) }),
  ev(STREAM, { type: 'AttendanceRecorded', data: { meetingId: M, organizationIds: ['org-udi', 'org-Imdi', 'org-nav', 'org-imdi'] } }, { at: T(30) }),
  ev(STREAM, { type: 'AttendanceRecorded', data: { meetingId: M, organizationIds: ['org-udi', 'org-Imdi', 'org-imdi'] } }, { at: T(31) }),
  // Decisions recorded at one instant come back by id; positions by organisation id (binary order).
  ev(STREAM, decided('d9', 'a'), { at: T(32) }),
  ev(STREAM, position('d9', 'org-udi', 'SUPPORTS'), { at: T(32) }),
  ev(STREAM, position('d9', 'org-imdi', 'OBJECTS', 'nei'), { at: T(32) }),
  ev(STREAM, decided('d1', 'd'), { at: T(32) }),
  ev(STREAM, position('d9', 'org-Imdi', 'ABSTAINS'), { at: T(33) }),
  ev(STREAM, position('d9', 'org-imdi', 'SUPPORTS'), { at: T(34) }),
  ev(STREAM, assigned('ai9'), { at: T(35) }),
  ev(STREAM, assigned('ai1'), { at: T(35) }),
  ev(STREAM, assigned('ai5'), { at: T(35) }),
  ev(STREAM, { type: 'ActionItemCompleted', data: { meetingId: M, actionItemId: 'ai9', note: 'ferdig' } }, { at: T(36) }),
  ev(STREAM, { type: 'ActionItemCancelled', data: { meetingId: M, actionItemId: 'ai1', reason: 'utgår' } }, { at: T(37) }),
  ev(STREAM, { type: 'MinutesDrafted', data: { meetingId: M, text: 'Utkast 1' } }, { at: T(38) }),
  ev(STREAM, { type: 'DecisionRevoked', data: { meetingId: M, decisionId: 'd1', reason: 'feil' } }, { at: T(39) }),
  ev(STREAM, { type: 'MinutesDrafted', data: { meetingId: M, text: 'Utkast 2' } }, { at: T(40) }),
  ev(STREAM, { type: 'MinutesApproved', data: { meetingId: M, approvedAtMeetingId: 'm-2' } }, { at: T(41) }),
  ev(STREAM, { type: 'DecisionSuperseded', data: { meetingId: M, decisionId: 'd9', supersededByDecisionId: 'd20', supersededByMeetingId: 'm-3' } }, { at: T(50) }),
  ev(STREAM, { type: 'ActionItemCompleted', data: { meetingId: M, actionItemId: 'ai5', note: null } }, { at: T(51) }),
]);

/** What the read models answer for the meeting, in the shape of the snapshot. */
function fromReadModels(readModels: ReadModelDatabase) {
  const decisionsQueries = new DecisionsQueries(readModels);
  const decisions = decisionsQueries.byMeeting(M);
  return {
    meeting: new MeetingsQueries(readModels).byId(M),
    agenda: new AgendaQueries(readModels).items(M),
    amendments: new AgendaQueries(readModels).amendments(M),
    attendance: new AttendanceQueries(readModels).byMeeting(M),
    decisions,
    positions: decisions.flatMap((d) => decisionsQueries.positions(d.id)),
    actionItems: new ActionItemsQueries(readModels, { now: () => new Date(T(0)) }).byMeeting(M),
    minutes: new MinutesQueries(readModels).byMeeting(M),
  };
}

function fromHistory(recorded: RecordedEvent[], asOf?: Date) {
  const history = meetingHistoryAt(recorded, asOf)!;
  if (history.state.status === 'none') throw new Error('no meeting');
  const { snapshot, asOf: _asOf, ...meeting } = meetingFromState(history.state, history.revision, asOf ?? new Date(0), history.times);
  return { meeting, ...snapshot! };
}

describe('the meeting as of an instant (meetingHistoryAt + meetingFromState)', () => {
  it('answers after every event exactly what the read models answered then', () => {
    const spec = projectionSpec(meetingProjections);
    EVENTS.forEach((event, i) => {
      spec.apply([event]);
      expect({ after: event.type, i, ...fromHistory(EVENTS.slice(0, i + 1)) }).toEqual({ after: event.type, i, ...fromReadModels(spec.readModels) });
    });
    spec.close();
  });

  it('takes the events that happened up to and including asOf, by metadata.occurredAt', () => {
    expect(meetingHistoryAt(EVENTS, new Date(Date.parse(T(0)) - 1))).toBeUndefined();
    const atSix = meetingHistoryAt(EVENTS, new Date(T(6)))!;
    expect(atSix.revision).toBe(8n);
    expect(fromHistory(EVENTS, new Date(T(6)))).toEqual(fromHistory(EVENTS.slice(0, 9)));
    expect(fromHistory(EVENTS, new Date(Date.parse(T(32)) + 59_999))).toEqual(fromHistory(EVENTS.slice(0, 19)));
  });

  it('shows the times the state has no place for: recordedAt, amendments occurredAt and revision', () => {
    const { decisions, amendments, agenda } = fromHistory(EVENTS);
    expect(decisions.map((d) => [d.id, d.recordedAt, d.status])).toEqual([
      ['d1', T(32), 'REVOKED'],
      ['d9', T(32), 'SUPERSEDED'],
    ]);
    expect(amendments.map((a) => [a.kind, a.itemId, a.occurredAt, a.revision])).toEqual([
      ['ADDED', 'z', T(6), 7],
      ['ADDED', 'd', T(6), 8],
      ['REORDERED', null, T(7), 9],
      ['UPDATED', 'a', T(8), 10],
      ['REMOVED', 'z', T(9), 11],
      ['REMOVED', 'b', T(9), 12],
    ]);
    expect(agenda.map((i) => [i.id, i.position, i.removedByAmendment])).toEqual([
      ['d', 0, false],
      ['a', 1, false],
      ['b', null, true],
      ['z', null, true],
    ]);
  });
});

describe('suggested agenda items as of an instant (suggestedAgendaItemsFrom)', () => {
  const streamOf = (meetingId: string) => `meeting-${meetingId}`;
  const schedule = (meetingId: string, kind: 'PROJECT_GROUP' | 'REFERENCE_GROUP', startsAt: string): MeetingEvent => ({
    type: 'MeetingScheduled',
    data: { meetingId, kind, title: meetingId, startsAt, endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(), location: 'Oslo', videoLink: null, seriesId: null, seriesIndex: null, timeZone: 'Europe/Oslo' },
  });
  const assign = (meetingId: string, actionItemId: string, dueDate: string): MeetingEvent => ({
    type: 'ActionItemAssigned',
    data: { meetingId, actionItemId, decisionId: null, agendaItemId: null, description: actionItemId, responsibleOrganizationId: 'org-udi', dueDate },
  });
  /** Events of several meetings, each with its own stream revisions, a minute apart. */
  const LOG = recordEvents(
    [
      ev(streamOf('jan'), schedule('jan', 'PROJECT_GROUP', '2027-01-12T08:00:00Z')),
      ev(streamOf('feb'), schedule('feb', 'PROJECT_GROUP', '2027-02-12T08:00:00Z')),
      ev(streamOf('ref'), schedule('ref', 'REFERENCE_GROUP', '2027-01-20T08:00:00Z')),
      ev(streamOf('jan'), assign('jan', 'j2', '2027-02-01')),
      ev(streamOf('jan'), assign('jan', 'j1', '2027-02-01')),
      ev(streamOf('jan'), assign('jan', 'j3', '2027-01-25')),
      ev(streamOf('jan'), assign('jan', 'j4', '2027-02-12')), // due on the meeting's date: not before it
      ev(streamOf('ref'), assign('ref', 'r1', '2027-01-25')), // another body
      ev(streamOf('feb'), assign('feb', 'f1', '2027-01-01')), // this meeting's own
      ev(streamOf('jan'), { type: 'ActionItemCompleted', data: { meetingId: 'jan', actionItemId: 'j3', note: null } }),
      // Moved after February: January's items are no longer of an earlier meeting.
      ev(streamOf('jan'), { type: 'MeetingRescheduled', data: { meetingId: 'jan', startsAt: '2027-03-01T08:00:00Z', endsAt: '2027-03-01T09:00:00Z', location: 'Oslo', videoLink: null } }),
      ev(streamOf('jan'), { type: 'MeetingRescheduled', data: { meetingId: 'jan', startsAt: '2027-01-13T08:00:00Z', endsAt: '2027-01-13T09:00:00Z', location: 'Oslo', videoLink: null } }),
      ev(streamOf('jan'), { type: 'ActionItemCancelled', data: { meetingId: 'jan', actionItemId: 'j1', reason: 'utgår' } }),
    ],
    { at: T },
  );

  it('answers after every event what ActionItemsQueries.suggestedFor answered then', () => {
    const spec = projectionSpec(meetingProjections);
    const readModels = spec.readModels;
    const queries = new ActionItemsQueries(readModels, { now: () => new Date(T(0)) });
    const seen: string[][] = [];
    LOG.forEach((event, i) => {
      spec.apply([event]);
      const asOf = new Date(T(i));
      const histories = ['jan', 'feb', 'ref'].flatMap((id) => meetingHistoryAt(LOG.filter((e) => e.streamId === streamOf(id)), asOf) ?? []);
      for (const id of ['jan', 'feb', 'ref']) {
        const meeting = new MeetingsQueries(readModels).byId(id);
        if (!meeting) continue;
        const suggested = suggestedAgendaItemsFrom(meeting, histories, asOf);
        expect({ i, id, suggested }).toEqual({ i, id, suggested: queries.suggestedFor(meeting) });
        if (id === 'feb') seen.push(suggested.map((a) => a.id));
      }
    });
    spec.close();
    // The log did exercise it: due dates, then ids; gone while moved later; closed items leave.
    expect(seen).toContainEqual(['j3', 'j1', 'j2']);
    expect(seen).toContainEqual([]);
    expect(seen[seen.length - 1]).toEqual(['j2']);
  });
});
