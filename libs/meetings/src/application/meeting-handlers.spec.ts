import { InvalidInput, NotFound, SYSTEM_ACTOR, type Actor, osloDate } from '@kom/kernel';
import { SqliteEventStore, type EventStore } from '@kom/event-store';
import {
  EventSchemaRegistry,
  ManualClock,
  derivedEventId,
  executeCommand,
  type CommandMeta,
  type CommandPath,
} from '@kom/platform';
import type { MeetingCommand, OtherMeeting } from '../domain/meeting.commands';
import { meetingDecider, meetingStream, type Meeting } from '../domain/meeting.decider';
import { meetingEventSchemas } from '../domain/meeting.events';
import { ApproveMinutesCommand, ApproveMinutesHandler } from './approve-minutes.command';
import { PlanMeetingSeriesCommand, PlanMeetingSeriesHandler, seriesMeetingId, type PlanMeetingSeriesRequest } from './plan-meeting-series.command';
import { RecordAttendanceCommand, RecordAttendanceHandler } from './record-attendance.command';
import { SupersedeDecisionCommand, SupersedeDecisionHandler } from './supersede-decision.command';
import type { DecisionFacts, GroupKind, MeetingLookup, MembershipLookup } from './ports';

const secretariat: Actor = { userId: 'u-sec', organizationId: 'org-pod', role: 'SECRETARIAT' };
const meta: CommandMeta = { actor: secretariat, correlationId: 'corr-1' };
const schemas = new EventSchemaRegistry(meetingEventSchemas);

/** The command path without Nest: the same executeCommand the real CommandPath runs. */
function commandPath(store: EventStore, clock: ManualClock): CommandPath {
  return { execute: (decider, streamId, command, m) => executeCommand({ store, clock, schemas }, decider, streamId, command, m) } as CommandPath;
}

const members: Record<GroupKind, string[]> = {
  PROJECT_GROUP: ['org-udi', 'org-police', 'org-imdi'],
  REFERENCE_GROUP: ['org-rosa', 'org-redd-barna'],
};

describe('meeting command handlers', () => {
  let store: EventStore;
  let clock: ManualClock;
  let path: CommandPath;
  beforeEach(async () => {
    store = await SqliteEventStore.open(':memory:');
    clock = new ManualClock('2026-03-02T09:00:00Z');
    path = commandPath(store, clock);
  });
  afterEach(() => store.close());

  const run = (meetingId: string, command: MeetingCommand, actor: Actor = SYSTEM_ACTOR) =>
    executeCommand({ store, clock, schemas }, meetingDecider, meetingStream(meetingId), command, { actor, correlationId: 'setup' });

  /** Scheduled (SYSTEM backfills, so any date works), one item, agenda published. */
  async function publishedMeeting(meetingId: string, kind: Meeting['kind'], startsAt: string) {
    const endsAt = new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString();
    await run(meetingId, { type: 'ScheduleMeeting', meetingId, kind, title: `Møte ${meetingId}`, startsAt, endsAt, location: 'POD' });
    await run(meetingId, { type: 'AddAgendaItem', meetingId, itemId: `${meetingId}-item-1`, title: 'Sak 1' });
    await run(meetingId, { type: 'PublishAgenda', meetingId });
  }

  describe('RecordAttendance', () => {
    const asked: Array<[GroupKind, string]> = [];
    const lookup: MembershipLookup = {
      membersOn: (group, date) => {
        asked.push([group, date]);
        return members[group];
      },
    };
    beforeEach(() => (asked.length = 0));

    it('refuses an organisation that was not a member of the body on the meeting date, naming it', async () => {
      // 00:30 on 10 March in Oslo is still 9 March in UTC: the members are asked for the Oslo date.
      await publishedMeeting('m-1', 'PROJECT_GROUP', '2026-03-09T23:30:00.000Z');
      clock.set('2026-03-10T00:00:00Z');
      const handler = new RecordAttendanceHandler(path, store, lookup);
      const error = await handler
        .execute(new RecordAttendanceCommand({ type: 'RecordAttendance', meetingId: 'm-1', organizationIds: ['org-udi', 'org-rosa'] }, meta))
        .catch((e) => e);
      expect(error).toBeInstanceOf(InvalidInput);
      expect(error.reason).toBe('ATTENDEE_NOT_A_MEMBER');
      expect(error.message).toContain('org-rosa');
      expect(asked).toEqual([['PROJECT_GROUP', '2026-03-10']]);
      expect(await store.readStream(meetingStream('m-1'))).toHaveLength(3);
    });

    it('records members, and unions both groups for a joint meeting', async () => {
      await publishedMeeting('m-joint', 'JOINT', '2026-03-10T09:00:00.000Z');
      clock.set('2026-03-10T10:00:00Z');
      const handler = new RecordAttendanceHandler(path, store, { membersOn: async (group) => members[group] });
      const outcome = await handler.execute(
        new RecordAttendanceCommand({ type: 'RecordAttendance', meetingId: 'm-joint', organizationIds: ['org-police', 'org-rosa'] }, meta),
      );
      expect(outcome.events).toEqual([{ type: 'AttendanceRecorded', data: { meetingId: 'm-joint', organizationIds: ['org-police', 'org-rosa'] } }]);
      expect(outcome.state.status).toBe('HELD');
    });

    it('reports an unknown meeting as MEETING_NOT_FOUND without asking for members', async () => {
      const handler = new RecordAttendanceHandler(path, store, lookup);
      const error = await handler.execute(new RecordAttendanceCommand({ type: 'RecordAttendance', meetingId: 'nope', organizationIds: ['org-udi'] }, meta)).catch((e) => e);
      expect(error).toBeInstanceOf(NotFound);
      expect(error.reason).toBe('MEETING_NOT_FOUND');
      expect(asked).toEqual([]);
    });
  });

  describe('meetings that refer to other meetings', () => {
    const march = '2026-03-10T09:00:00.000Z';
    const april = '2026-04-14T08:00:00.000Z';
    const facts: Record<string, DecisionFacts> = {
      'dec-1': { decisionId: 'dec-1', meetingId: 'm-march', supersedes: null },
      'dec-2': { decisionId: 'dec-2', meetingId: 'm-april', supersedes: 'dec-1' },
    };
    let next: OtherMeeting | undefined;
    const lookup: MeetingLookup = {
      meeting: () => undefined,
      nextMeetingOfBody: () => next,
      decision: (id) => facts[id],
    };

    beforeEach(async () => {
      await publishedMeeting('m-march', 'PROJECT_GROUP', march);
      await publishedMeeting('m-april', 'PROJECT_GROUP', april);
      clock.set('2026-03-10T10:00:00Z');
      await run('m-march', { type: 'RecordAttendance', meetingId: 'm-march', organizationIds: ['org-udi'], members: { organizationIds: ['org-udi'] } });
      await run('m-march', { type: 'RecordDecision', meetingId: 'm-march', decisionId: 'dec-1', agendaItemId: 'm-march-item-1', text: 'Rutine A' });
      await run('m-march', { type: 'RecordMinutes', meetingId: 'm-march', text: 'Referat mars' });
      clock.set('2026-04-14T09:00:00Z');
      await run('m-april', { type: 'RecordAttendance', meetingId: 'm-april', organizationIds: ['org-udi'], members: { organizationIds: ['org-udi'] } });
      await run('m-april', {
        type: 'RecordDecision',
        meetingId: 'm-april',
        decisionId: 'dec-2',
        agendaItemId: 'm-april-item-1',
        text: 'Rutine B erstatter A',
        supersedes: 'dec-1',
      });
      next = { meetingId: 'm-april', kind: 'PROJECT_GROUP', startsAt: april, status: 'HELD' };
    });

    it('approves the minutes at the next meeting of the body, with the facts read from its stream', async () => {
      const handler = new ApproveMinutesHandler(path, store, lookup);
      const outcome = await handler.execute(new ApproveMinutesCommand({ type: 'ApproveMinutes', meetingId: 'm-march', approvingMeetingId: 'm-april' }, meta));
      expect(outcome.events).toEqual([{ type: 'MinutesApproved', data: { meetingId: 'm-march', approvedAtMeetingId: 'm-april' } }]);
    });

    it('refuses approval when the lookup knows an earlier next meeting, or the approving meeting is unknown', async () => {
      const handler = new ApproveMinutesHandler(path, store, lookup);
      next = { meetingId: 'm-extra', kind: 'PROJECT_GROUP', startsAt: '2026-03-24T09:00:00.000Z', status: 'SCHEDULED' };
      await expect(
        handler.execute(new ApproveMinutesCommand({ type: 'ApproveMinutes', meetingId: 'm-march', approvingMeetingId: 'm-april' }, meta)),
      ).rejects.toMatchObject({ reason: 'APPROVING_MEETING_NOT_NEXT' });
      await expect(
        handler.execute(new ApproveMinutesCommand({ type: 'ApproveMinutes', meetingId: 'm-march', approvingMeetingId: 'm-nope' }, meta)),
      ).rejects.toMatchObject({ reason: 'MEETING_NOT_FOUND' });
    });

    it('supersedes a decision by the later decision that names it, finding the old meeting when not given', async () => {
      const handler = new SupersedeDecisionHandler(path, store, lookup);
      const outcome = await handler.execute(
        new SupersedeDecisionCommand({ type: 'SupersedeDecision', decisionId: 'dec-1', supersededByDecisionId: 'dec-2' }, meta),
      );
      expect(outcome.streamId).toBe(meetingStream('m-march'));
      expect(outcome.events).toEqual([
        { type: 'DecisionSuperseded', data: { meetingId: 'm-march', decisionId: 'dec-1', supersededByDecisionId: 'dec-2', supersededByMeetingId: 'm-april' } },
      ]);
    });

    it('refuses an unknown replacing decision (DECISION_NOT_FOUND)', async () => {
      const handler = new SupersedeDecisionHandler(path, store, lookup);
      await expect(
        handler.execute(new SupersedeDecisionCommand({ type: 'SupersedeDecision', meetingId: 'm-march', decisionId: 'dec-1', supersededByDecisionId: 'dec-9' }, meta)),
      ).rejects.toMatchObject({ reason: 'DECISION_NOT_FOUND' });
    });
  });

  describe('PlanMeetingSeries', () => {
    const plan: PlanMeetingSeriesRequest = {
      type: 'PlanMeetingSeries',
      seriesId: 'series-2026-pg',
      kind: 'PROJECT_GROUP',
      title: 'Prosjektgruppemøte',
      firstStartsAt: '2026-03-31T08:00:00Z', // 10:00 in Oslo, summer time
      firstEndsAt: '2026-03-31T10:00:00Z',
      location: 'Politidirektoratet',
      count: 6,
    };
    const streams = (seriesId = plan.seriesId, count = plan.count) =>
      Promise.all(Array.from({ length: count }, (_, i) => store.readStream(meetingStream(seriesMeetingId(seriesId, i))).catch(() => [])));

    it('schedules the whole series in one command: monthly, clamped to month ends, at 10:00 Oslo time', async () => {
      const outcome = await new PlanMeetingSeriesHandler(path).execute(new PlanMeetingSeriesCommand(plan, meta));
      expect(outcome.meetingIds).toEqual(Array.from({ length: 6 }, (_, i) => seriesMeetingId(plan.seriesId, i)));
      expect(outcome.scheduledMeetingIds).toEqual(outcome.meetingIds);
      const events = (await streams()).map((s) => s[0]);
      expect(events.map((e) => osloDate((e.data as { startsAt: string }).startsAt))).toEqual([
        '2026-03-31',
        '2026-04-30',
        '2026-05-31',
        '2026-06-30',
        '2026-07-31',
        '2026-08-31',
      ]);
      events.forEach((e, i) => {
        expect(e.data).toMatchObject({ kind: 'PROJECT_GROUP', seriesId: plan.seriesId, seriesIndex: i, location: 'Politidirektoratet' });
        expect(e.id).toBe(derivedEventId(`series:${plan.seriesId}:${i}`, 0));
        expect(e.metadata).toMatchObject({ causationId: `series:${plan.seriesId}:${i}`, correlationId: 'corr-1', actor: secretariat });
      });
    });

    it('completes a series that stopped half-way when run again, appending nothing twice', async () => {
      // The fourth append fails (a crash): three meetings are scheduled.
      let appends = 0;
      const crashing: EventStore = Object.create(store, {
        appendToStream: {
          value: (...args: Parameters<EventStore['appendToStream']>) => {
            if (++appends === 4) return Promise.reject(new Error('power cut'));
            return store.appendToStream(...args);
          },
        },
      });
      await expect(new PlanMeetingSeriesHandler(commandPath(crashing, clock)).execute(new PlanMeetingSeriesCommand(plan, meta))).rejects.toThrow(
        'power cut',
      );
      expect((await streams()).map((s) => s.length)).toEqual([1, 1, 1, 0, 0, 0]);

      const again = await new PlanMeetingSeriesHandler(path).execute(new PlanMeetingSeriesCommand(plan, meta));
      expect(again.scheduledMeetingIds).toEqual(again.meetingIds.slice(3));
      const thrice = await new PlanMeetingSeriesHandler(path).execute(new PlanMeetingSeriesCommand(plan, meta));
      expect(thrice.scheduledMeetingIds).toEqual([]);
      expect((await streams()).map((s) => s.length)).toEqual([1, 1, 1, 1, 1, 1]);
      expect(await store.readAll()).toHaveLength(6);
    });

    it('re-runs a series whose meetings were rescheduled since without touching them', async () => {
      await new PlanMeetingSeriesHandler(path).execute(new PlanMeetingSeriesCommand({ ...plan, count: 2 }, meta));
      const first = seriesMeetingId(plan.seriesId, 0);
      await run(first, { type: 'RescheduleMeeting', meetingId: first, startsAt: '2026-04-01T08:00:00Z', endsAt: '2026-04-01T10:00:00Z' });
      const again = await new PlanMeetingSeriesHandler(path).execute(new PlanMeetingSeriesCommand({ ...plan, count: 2 }, meta));
      expect(again.scheduledMeetingIds).toEqual([]);
      expect(await store.readAll()).toHaveLength(3);
    });

    it('plans a half-yearly joint series, and refuses more than 24 meetings before scheduling any', async () => {
      const joint = await new PlanMeetingSeriesHandler(path).execute(
        new PlanMeetingSeriesCommand({ ...plan, seriesId: 'joint', kind: 'JOINT', firstStartsAt: '2026-05-20T08:00:00Z', firstEndsAt: '2026-05-20T14:00:00Z', count: 2 }, meta),
      );
      const [second] = await store.readStream(meetingStream(joint.meetingIds[1]));
      expect(second.data).toMatchObject({ kind: 'JOINT', startsAt: '2026-11-20T09:00:00.000Z', endsAt: '2026-11-20T15:00:00.000Z' });

      await expect(new PlanMeetingSeriesHandler(path).execute(new PlanMeetingSeriesCommand({ ...plan, seriesId: 'too-long', count: 25 }, meta))).rejects.toMatchObject({
        reason: 'SERIES_COUNT_OUT_OF_RANGE',
      });
      expect(await store.readAll()).toHaveLength(2);
    });

    it('applies the scheduling rules: a person cannot plan a series in the past', async () => {
      await expect(
        new PlanMeetingSeriesHandler(path).execute(new PlanMeetingSeriesCommand({ ...plan, firstStartsAt: '2026-01-05T09:00:00Z', firstEndsAt: '2026-01-05T10:00:00Z' }, meta)),
      ).rejects.toMatchObject({ reason: 'MEETING_IN_THE_PAST' });
      expect(await store.readAll()).toHaveLength(0);
    });
  });
});
