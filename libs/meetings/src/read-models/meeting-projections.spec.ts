import { defaultPlanRefs } from '@kom/kernel';
import type { RecordedEvent } from '@kom/event-store';
import { ev, projectionSpec, type ProjectionSpec } from '@kom/projections/testing';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingProjections } from './index';

const M1 = 'meeting-1';
const M2 = 'meeting-2';

/** Each meeting its own stream; the events a second apart, in log order. */
const stream = (meetingId: string) => `meeting-${meetingId}`;
const at = (index: number) => new Date(Date.UTC(2027, 0, 5, 8, 0, index)).toISOString();

const scheduled = (meetingId: string, startsAt: string): MeetingEvent => ({
  type: 'MeetingScheduled',
  data: {
    meetingId,
    kind: 'PROJECT_GROUP',
    title: `Møte ${meetingId}`,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 7_200_000).toISOString(),
    location: 'Oslo',
    videoLink: null,
    seriesId: 's-1',
    seriesIndex: meetingId === M1 ? 0 : 1,
    timeZone: 'Europe/Oslo',
  },
});
const added = (meetingId: string, itemId: string, position: number, amendment = false): MeetingEvent => ({
  type: 'AgendaItemAdded',
  data: { meetingId, itemId, title: `Sak ${itemId}`, description: '', presentingOrganizationId: 'org-udi', citedMeasures: defaultPlanRefs([6]), sourceIssueId: null, position, amendment },
});

const GIVEN = [
  ev(stream(M1), scheduled(M1, '2027-01-12T09:00:00+01:00')),
  ev(stream(M1), added(M1, 'a', 0)),
  ev(stream(M1), added(M1, 'b', 1)),
  ev(stream(M1), added(M1, 'c', 0)),
  ev(stream(M1), { type: 'AgendaItemRemoved', data: { meetingId: M1, itemId: 'c', amendment: false, reason: null } }),
  ev(stream(M1), { type: 'AgendaPublished', data: { meetingId: M1, publishedAt: '2027-01-05T09:00:00.000Z' } }),
  ev(stream(M1), added(M1, 'd', 1, true)),
  ev(stream(M1), { type: 'AgendaReordered', data: { meetingId: M1, itemIds: ['d', 'a', 'b'], amendment: true } }),
  ev(stream(M1), { type: 'AgendaItemUpdated', data: { meetingId: M1, itemId: 'a', title: 'Sak a, endret', description: 'ny', presentingOrganizationId: null, citedMeasures: defaultPlanRefs([6, 34]), amendment: true } }),
  ev(stream(M1), { type: 'AgendaItemRemoved', data: { meetingId: M1, itemId: 'b', amendment: true, reason: 'utsatt' } }),
  ev(stream(M1), { type: 'AttendanceRecorded', data: { meetingId: M1, organizationIds: ['org-udi', 'org-imdi', 'org-nav'] } }),
  ev(stream(M1), { type: 'AttendanceRecorded', data: { meetingId: M1, organizationIds: ['org-udi', 'org-imdi'] } }),
  ev(stream(M1), { type: 'DecisionRecorded', data: { meetingId: M1, decisionId: 'd1', agendaItemId: 'a', text: 'Vedtak', rationale: '', citedMeasures: [6], reviewDate: null, supersedes: null } }),
  ev(stream(M1), { type: 'PositionRecorded', data: { meetingId: M1, decisionId: 'd1', organizationId: 'org-imdi', position: 'OBJECTS', reason: 'nei' } }),
  ev(stream(M1), { type: 'PositionRecorded', data: { meetingId: M1, decisionId: 'd1', organizationId: 'org-imdi', position: 'ABSTAINS', reason: null } }),
  ev(stream(M1), { type: 'ActionItemAssigned', data: { meetingId: M1, actionItemId: 'ai1', decisionId: 'd1', agendaItemId: 'a', description: 'Gjør det', responsibleOrganizationId: 'org-udi', dueDate: '2027-02-01' } }),
  ev(stream(M1), { type: 'MinutesDrafted', data: { meetingId: M1, text: 'Utkast 1' } }),
  ev(stream(M2), scheduled(M2, '2027-02-12T08:00:00Z')),
  ev(stream(M1), { type: 'MinutesDrafted', data: { meetingId: M1, text: 'Utkast 2' } }),
  ev(stream(M2), added(M2, 'e', 0)),
  ev(stream(M2), { type: 'AgendaPublished', data: { meetingId: M2, publishedAt: '2027-02-01T09:00:00.000Z' } }),
  ev(stream(M2), { type: 'AttendanceRecorded', data: { meetingId: M2, organizationIds: ['org-udi'] } }),
  ev(stream(M1), { type: 'MinutesApproved', data: { meetingId: M1, approvedAtMeetingId: M2 } }),
  ev(stream(M2), { type: 'DecisionRecorded', data: { meetingId: M2, decisionId: 'd2', agendaItemId: 'e', text: 'Nytt vedtak', rationale: '', citedMeasures: [], reviewDate: '2027-06-01', supersedes: 'd1' } }),
  ev(stream(M1), { type: 'DecisionSuperseded', data: { meetingId: M1, decisionId: 'd1', supersededByDecisionId: 'd2', supersededByMeetingId: M2 } }),
  ev(stream(M1), { type: 'ActionItemCompleted', data: { meetingId: M1, actionItemId: 'ai1', note: 'ferdig' } }),
];

/** A fresh read-model database with the meeting projections, given the recorded events as they are. */
const applied = (events: readonly RecordedEvent[]) => projectionSpec(meetingProjections).apply(events);

function dump(spec: ProjectionSpec): Record<string, unknown[]> {
  const tables = meetingProjections.flatMap((p) => p.tables);
  return Object.fromEntries(tables.map((table) => [table, spec.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()]));
}

describe('meeting projections', () => {
  let spec: ProjectionSpec;
  beforeAll(() => (spec = projectionSpec(meetingProjections, { at }).given(GIVEN)));
  afterAll(() => spec.close());

  it('are idempotent by stream revision: an event applied again, at once or after later ones, changes nothing', () => {
    const events = spec.recorded;
    const twice = applied(events.flatMap((event) => [event, event]));
    const replayedAgain = applied([...events, ...events, ...events.slice(3, 12)]);
    expect(dump(twice)).toEqual(dump(spec));
    expect(dump(replayedAgain)).toEqual(dump(spec));
    twice.close();
    replayedAgain.close();
  });

  it('keep the agenda in order, with amendments visible and drafts forgotten', () => {
    const rows = spec.db
      .prepare(`SELECT item_id, position, title, added_by_amendment, updated_by_amendment, removed_by_amendment, removal_reason FROM agenda_items WHERE meeting_id = ? ORDER BY position IS NULL, position`)
      .all(M1);
    expect(rows).toEqual([
      { item_id: 'd', position: 0, title: 'Sak d', added_by_amendment: 1, updated_by_amendment: 0, removed_by_amendment: 0, removal_reason: null },
      { item_id: 'a', position: 1, title: 'Sak a, endret', added_by_amendment: 0, updated_by_amendment: 1, removed_by_amendment: 0, removal_reason: null },
      { item_id: 'b', position: null, title: 'Sak b', added_by_amendment: 0, updated_by_amendment: 0, removed_by_amendment: 1, removal_reason: 'utsatt' },
    ]);
    const amendments = spec.db.prepare(`SELECT kind, item_id FROM agenda_amendments WHERE meeting_id = ? ORDER BY revision`).all(M1);
    expect(amendments).toEqual([
      { kind: 'ADDED', item_id: 'd' },
      { kind: 'REORDERED', item_id: null },
      { kind: 'UPDATED', item_id: 'a' },
      { kind: 'REMOVED', item_id: 'b' },
    ]);
  });

  it('keep meetings, attendance, decisions both ways, positions, action items and minutes', () => {
    expect(spec.db.prepare(`SELECT id, starts_at, status, minutes_status, revision FROM meetings ORDER BY starts_at`).all()).toEqual([
      { id: M1, starts_at: '2027-01-12T08:00:00.000Z', status: 'HELD', minutes_status: 'APPROVED', revision: 20 },
      { id: M2, starts_at: '2027-02-12T08:00:00.000Z', status: 'HELD', minutes_status: 'NONE', revision: 4 },
    ]);
    expect(spec.db.prepare(`SELECT organization_id FROM meeting_attendance WHERE meeting_id = ? ORDER BY 1`).all(M1)).toEqual([
      { organization_id: 'org-imdi' },
      { organization_id: 'org-udi' },
    ]);
    expect(spec.db.prepare(`SELECT id, status, supersedes, superseded_by FROM decisions ORDER BY id`).all()).toEqual([
      { id: 'd1', status: 'SUPERSEDED', supersedes: null, superseded_by: 'd2' },
      { id: 'd2', status: 'ACTIVE', supersedes: 'd1', superseded_by: null },
    ]);
    expect(spec.db.prepare(`SELECT organization_id, position, reason FROM decision_positions`).all()).toEqual([
      { organization_id: 'org-imdi', position: 'ABSTAINS', reason: null },
    ]);
    expect(spec.db.prepare(`SELECT id, status, completion_note FROM action_items`).all()).toEqual([
      { id: 'ai1', status: 'COMPLETED', completion_note: 'ferdig' },
    ]);
    expect(spec.db.prepare(`SELECT text, status, approved_at_meeting_id FROM meeting_minutes`).all()).toEqual([
      { text: 'Utkast 2', status: 'APPROVED', approved_at_meeting_id: M2 },
    ]);
  });
});
