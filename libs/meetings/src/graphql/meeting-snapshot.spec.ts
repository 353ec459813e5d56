import type { RecordedEvent } from '@kom/event-store';
import { ReadModelDatabase } from '@kom/projections';
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

/**
 * One meeting's stream with its metadata. Several events share an instant (one command appends a
 * decision and its positions; a manual clock that did not move), so the order of equal times is
 * exercised too: the read models then order by id.
 */
function stream(events: Array<[at: string, event: MeetingEvent]>): RecordedEvent[] {
  return events.map(([at, event], index) => ({
    id: `e-${index}`,
    type: event.type,
    streamId: `meeting-${M}`,
    revision: BigInt(index),
    position: BigInt(index + 1),
    data: event.data,
    metadata: { occurredAt: at },
    recordedAt: at,
  }));
}

const T = (minute: number) => new Date(Date.UTC(2027, 0, 5, 8, minute)).toISOString();
const added = (itemId: string, position: number, amendment = false): MeetingEvent => ({
  type: 'AgendaItemAdded',
  data: { meetingId: M, itemId, title: `Sak ${itemId}`, description: '', presentingOrganizationId: null, citedMeasures: [6], sourceIssueId: null, position, amendment },
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

const EVENTS = stream([
  [T(0), { type: 'MeetingScheduled', data: { meetingId: M, kind: 'PROJECT_GROUP', title: 'Møte', startsAt: '2027-01-12T09:00:00+01:00', endsAt: '2027-01-12T11:00:00+01:00', location: 'Oslo', videoLink: null, seriesId: null, seriesIndex: null, timeZone: 'Europe/Oslo' } }],
  [T(1), added('a', 0)],
  [T(1), added('b', 1)],
  [T(2), added('c', 0)],
  [T(3), { type: 'AgendaItemRemoved', data: { meetingId: M, itemId: 'c', amendment: false, reason: null } }],
  [T(4), { type: 'MeetingRescheduled', data: { meetingId: M, startsAt: '2027-01-12T10:00:00+01:00', endsAt: '2027-01-12T12:00:00+01:00', location: null, videoLink: 'https://example.org/m' } }],
  [T(5), { type: 'AgendaPublished', data: { meetingId: M, publishedAt: T(5) } }],
  [T(6), added('z', 2, true)],
  [T(6), added('d', 1, true)],
  [T(7), { type: 'AgendaReordered', data: { meetingId: M, itemIds: ['d', 'a', 'z', 'b'], amendment: true } }],
  [T(8), { type: 'AgendaItemUpdated', data: { meetingId: M, itemId: 'a', title: 'Sak a, endret', description: 'ny', presentingOrganizationId: 'org-udi', citedMeasures: [6, 34], amendment: true } }],
  // Two removals at the same instant: the read model orders them by id, not as removed.
  [T(9), { type: 'AgendaItemRemoved', data: { meetingId: M, itemId: 'z', amendment: true, reason: 'utsatt' } }],
  [T(9), { type: 'AgendaItemRemoved', data: { meetingId: M, itemId: 'b', amendment: true, reason: null } }],
  [T(30), { type: 'AttendanceRecorded', data: { meetingId: M, organizationIds: ['org-udi', 'org-Imdi', 'org-nav', 'org-imdi'] } }],
  [T(31), { type: 'AttendanceRecorded', data: { meetingId: M, organizationIds: ['org-udi', 'org-Imdi', 'org-imdi'] } }],
  // Decisions recorded at one instant come back by id; positions by organisation id (binary order).
  [T(32), decided('d9', 'a')],
  [T(32), position('d9', 'org-udi', 'SUPPORTS')],
  [T(32), position('d9', 'org-imdi', 'OBJECTS', 'nei')],
  [T(32), decided('d1', 'd')],
  [T(33), position('d9', 'org-Imdi', 'ABSTAINS')],
  [T(34), position('d9', 'org-imdi', 'SUPPORTS')],
  [T(35), assigned('ai9')],
  [T(35), assigned('ai1')],
  [T(35), assigned('ai5')],
  [T(36), { type: 'ActionItemCompleted', data: { meetingId: M, actionItemId: 'ai9', note: 'ferdig' } }],
  [T(37), { type: 'ActionItemCancelled', data: { meetingId: M, actionItemId: 'ai1', reason: 'utgår' } }],
  [T(38), { type: 'MinutesDrafted', data: { meetingId: M, text: 'Utkast 1' } }],
  [T(39), { type: 'DecisionRevoked', data: { meetingId: M, decisionId: 'd1', reason: 'feil' } }],
  [T(40), { type: 'MinutesDrafted', data: { meetingId: M, text: 'Utkast 2' } }],
  [T(41), { type: 'MinutesApproved', data: { meetingId: M, approvedAtMeetingId: 'm-2' } }],
  [T(50), { type: 'DecisionSuperseded', data: { meetingId: M, decisionId: 'd9', supersededByDecisionId: 'd20', supersededByMeetingId: 'm-3' } }],
  [T(51), { type: 'ActionItemCompleted', data: { meetingId: M, actionItemId: 'ai5', note: null } }],
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
    const readModels = ReadModelDatabase.open(':memory:');
    for (const projection of meetingProjections) projection.setup(readModels.db);
    EVENTS.forEach((event, i) => {
      for (const projection of meetingProjections) if (projection.handles.includes(event.type)) projection.apply(readModels.db, event);
      expect({ after: event.type, i, ...fromHistory(EVENTS.slice(0, i + 1)) }).toEqual({ after: event.type, i, ...fromReadModels(readModels) });
    });
    readModels.close();
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
  /** Events of several meetings, each with its own stream revisions, a minute apart. */
  function log(events: Array<[meetingId: string, event: MeetingEvent]>): RecordedEvent[] {
    const revisions = new Map<string, bigint>();
    return events.map(([meetingId, event], index) => {
      const revision = revisions.has(meetingId) ? revisions.get(meetingId)! + 1n : 0n;
      revisions.set(meetingId, revision);
      const at = T(index);
      return { id: `e-${index}`, type: event.type, streamId: `meeting-${meetingId}`, revision, position: BigInt(index + 1), data: event.data, metadata: { occurredAt: at }, recordedAt: at };
    });
  }
  const schedule = (meetingId: string, kind: 'PROJECT_GROUP' | 'REFERENCE_GROUP', startsAt: string): MeetingEvent => ({
    type: 'MeetingScheduled',
    data: { meetingId, kind, title: meetingId, startsAt, endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(), location: 'Oslo', videoLink: null, seriesId: null, seriesIndex: null, timeZone: 'Europe/Oslo' },
  });
  const assign = (meetingId: string, actionItemId: string, dueDate: string): MeetingEvent => ({
    type: 'ActionItemAssigned',
    data: { meetingId, actionItemId, decisionId: null, agendaItemId: null, description: actionItemId, responsibleOrganizationId: 'org-udi', dueDate },
  });
  const LOG = log([
    ['jan', schedule('jan', 'PROJECT_GROUP', '2027-01-12T08:00:00Z')],
    ['feb', schedule('feb', 'PROJECT_GROUP', '2027-02-12T08:00:00Z')],
    ['ref', schedule('ref', 'REFERENCE_GROUP', '2027-01-20T08:00:00Z')],
    ['jan', assign('jan', 'j2', '2027-02-01')],
    ['jan', assign('jan', 'j1', '2027-02-01')],
    ['jan', assign('jan', 'j3', '2027-01-25')],
    ['jan', assign('jan', 'j4', '2027-02-12')], // due on the meeting's date: not before it
    ['ref', assign('ref', 'r1', '2027-01-25')], // another body
    ['feb', assign('feb', 'f1', '2027-01-01')], // this meeting's own
    ['jan', { type: 'ActionItemCompleted', data: { meetingId: 'jan', actionItemId: 'j3', note: null } }],
    // Moved after February: January's items are no longer of an earlier meeting.
    ['jan', { type: 'MeetingRescheduled', data: { meetingId: 'jan', startsAt: '2027-03-01T08:00:00Z', endsAt: '2027-03-01T09:00:00Z', location: 'Oslo', videoLink: null } }],
    ['jan', { type: 'MeetingRescheduled', data: { meetingId: 'jan', startsAt: '2027-01-13T08:00:00Z', endsAt: '2027-01-13T09:00:00Z', location: 'Oslo', videoLink: null } }],
    ['jan', { type: 'ActionItemCancelled', data: { meetingId: 'jan', actionItemId: 'j1', reason: 'utgår' } }],
  ]);

  it('answers after every event what ActionItemsQueries.suggestedFor answered then', () => {
    const readModels = ReadModelDatabase.open(':memory:');
    for (const projection of meetingProjections) projection.setup(readModels.db);
    const queries = new ActionItemsQueries(readModels, { now: () => new Date(T(0)) });
    const seen: string[][] = [];
    LOG.forEach((event, i) => {
      for (const projection of meetingProjections) if (projection.handles.includes(event.type)) projection.apply(readModels.db, event);
      const asOf = new Date(T(i));
      const histories = ['jan', 'feb', 'ref'].flatMap((id) => meetingHistoryAt(LOG.filter((e) => e.streamId === `meeting-${id}`), asOf) ?? []);
      for (const id of ['jan', 'feb', 'ref']) {
        const meeting = new MeetingsQueries(readModels).byId(id);
        if (!meeting) continue;
        const suggested = suggestedAgendaItemsFrom(meeting, histories, asOf);
        expect({ i, id, suggested }).toEqual({ i, id, suggested: queries.suggestedFor(meeting) });
        if (id === 'feb') seen.push(suggested.map((a) => a.id));
      }
    });
    readModels.close();
    // The log did exercise it: due dates, then ids; gone while moved later; closed items leave.
    expect(seen).toContainEqual(['j3', 'j1', 'j2']);
    expect(seen).toContainEqual([]);
    expect(seen[seen.length - 1]).toEqual(['j2']);
  });
});
