import { Test } from '@nestjs/testing';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { SYSTEM_ACTOR } from '@kom/kernel';
import { EVENT_STORE, SqliteEventStore, type EventStore } from '@kom/event-store';
import { CommandPath, EventSchemaRegistry, ManualClock, executeCommand } from '@kom/platform';
import { meetingEventSchemas } from '../domain/meeting.events';
import { PlanMeetingSeriesCommand, PlanMeetingSeriesHandler } from './plan-meeting-series.command';
import { PublishAgendaCommand, PublishAgendaHandler } from './publish-agenda.command';
import { AddAgendaItemCommand, AddAgendaItemHandler } from './add-agenda-item.command';
import { SourcedAgendaItemsSlot } from './sourced-agenda-items';
import { RecordAttendanceCommand, RecordAttendanceHandler } from './record-attendance.command';
import { ApproveMinutesHandler } from './approve-minutes.command';
import { SupersedeDecisionHandler } from './supersede-decision.command';
import { ScheduleMeetingCommand, ScheduleMeetingHandler } from './schedule-meeting.command';
import { MEETING_LOOKUP, MEMBERSHIP_LOOKUP, type MeetingLookup, type MembershipLookup } from './ports';

// The handlers as Nest wires them: routed by command class on the bus, ports injected by token.
describe('meeting command handlers on the Nest command bus', () => {
  let store: EventStore;
  let bus: CommandBus;
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const meta = { actor: SYSTEM_ACTOR, correlationId: 'corr-nest' };

  beforeEach(async () => {
    store = await SqliteEventStore.open(':memory:');
    const schemas = new EventSchemaRegistry(meetingEventSchemas);
    const path = { execute: (d: never, s: string, c: never, m: never) => executeCommand({ store, clock, schemas }, d, s, c, m) };
    const membership: MembershipLookup = { membersOn: (group) => (group === 'PROJECT_GROUP' ? ['org-udi'] : []) };
    const meetings: MeetingLookup = { meeting: () => undefined, nextMeetingOfBody: () => undefined, decision: () => undefined };
    const moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: CommandPath, useValue: path },
        { provide: EVENT_STORE, useValue: store },
        { provide: MEMBERSHIP_LOOKUP, useValue: membership },
        { provide: MEETING_LOOKUP, useValue: meetings },
        ScheduleMeetingHandler,
        AddAgendaItemHandler,
        SourcedAgendaItemsSlot,
        PublishAgendaHandler,
        RecordAttendanceHandler,
        ApproveMinutesHandler,
        SupersedeDecisionHandler,
        PlanMeetingSeriesHandler,
      ],
    }).compile();
    await moduleRef.init();
    bus = moduleRef.get(CommandBus);
  });
  afterEach(() => store.close());

  it('routes each command class to its handler and records a whole morning', async () => {
    const series = await bus.execute(
      new PlanMeetingSeriesCommand(
        {
          type: 'PlanMeetingSeries',
          seriesId: 's-nest',
          kind: 'PROJECT_GROUP',
          title: 'Prosjektgruppemøte',
          firstStartsAt: '2026-03-10T09:00:00Z',
          firstEndsAt: '2026-03-10T11:00:00Z',
          videoLink: 'https://video.example/kom',
          count: 3,
        },
        meta,
      ),
    );
    expect(series.meetingIds).toHaveLength(3);
    const meetingId = series.meetingIds[0];
    await bus.execute(new AddAgendaItemCommand({ type: 'AddAgendaItem', meetingId, itemId: 'i-1', title: 'Status' }, meta));
    await bus.execute(new PublishAgendaCommand({ type: 'PublishAgenda', meetingId }, meta));
    clock.set('2026-03-10T09:15:00Z');
    await expect(
      bus.execute(new RecordAttendanceCommand({ type: 'RecordAttendance', meetingId, organizationIds: ['org-rosa'] }, meta)),
    ).rejects.toMatchObject({ reason: 'ATTENDEE_NOT_A_MEMBER' });
    const held = await bus.execute(new RecordAttendanceCommand({ type: 'RecordAttendance', meetingId, organizationIds: ['org-udi'] }, meta));
    expect(held.state.status).toBe('HELD');
    await expect(
      bus.execute(
        new ScheduleMeetingCommand(
          { type: 'ScheduleMeeting', meetingId, kind: 'JOINT', title: 'x', startsAt: '2026-06-01T09:00:00Z', endsAt: '2026-06-01T10:00:00Z', location: 'POD' },
          meta,
        ),
      ),
    ).rejects.toMatchObject({ reason: 'MEETING_ALREADY_SCHEDULED' });
  });
});
