import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { NotFound, type Actor } from '@kom/kernel';
import { RequestMeta } from '@kom/auth';
import { CITABLE_MEASURES, IdempotentMutations, citedMeasureRefs as measureRefsOf, newId, type CitableMeasures, type Meta, withRevision } from '@kom/platform';
import { AddAgendaItemCommand } from '../application/add-agenda-item.command';
import { ApproveMinutesCommand } from '../application/approve-minutes.command';
import { CancelMeetingCommand } from '../application/cancel-meeting.command';
import { PlanMeetingSeriesCommand } from '../application/plan-meeting-series.command';
import { PublishAgendaCommand } from '../application/publish-agenda.command';
import { RecordAttendanceCommand } from '../application/record-attendance.command';
import { RecordMinutesCommand } from '../application/record-minutes.command';
import { RemoveAgendaItemCommand } from '../application/remove-agenda-item.command';
import { ReorderAgendaCommand } from '../application/reorder-agenda.command';
import { RescheduleMeetingCommand } from '../application/reschedule-meeting.command';
import { ScheduleMeetingCommand } from '../application/schedule-meeting.command';
import { UpdateAgendaItemCommand } from '../application/update-agenda-item.command';
import { MeetingsQueries, type MeetingView } from '../read-models/meetings.queries';
import {
  AddAgendaItemInput,
  ApproveMinutesInput,
  CancelMeetingInput,
  PlanMeetingSeriesInput,
  PublishAgendaInput,
  RecordAttendanceInput,
  RecordMinutesInput,
  RemoveAgendaItemInput,
  ReorderAgendaInput,
  RescheduleMeetingInput,
  ScheduleMeetingInput,
  UpdateAgendaItemInput,
} from './meeting.inputs';
import { Meeting } from './meeting.types';

/**
 * The secretariat runs meetings, agendas, attendance and minutes (the decider refuses anyone else
 * too: SECRETARIAT_ONLY). Each mutation returns the meeting as the read model shows it afterwards.
 * The creating ones take an idempotencyKey: a retry with it answers as the first call did.
 */
@Resolver(() => Meeting)
export class MeetingMutationsResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(MeetingsQueries) private readonly meetings: MeetingsQueries,
    @Inject(IdempotentMutations) private readonly idempotency: IdempotentMutations,
    @Inject(CITABLE_MEASURES) private readonly measures: CitableMeasures,
  ) {}

  @Mutation(() => Meeting)
  async scheduleMeeting(@Args('input') input: ScheduleMeetingInput, @RequestMeta() meta: Meta): Promise<MeetingView> {
    const { idempotencyKey, ...command } = input;
    const meetingId = await this.idempotency.run<string>({ actor: meta.actor, operation: 'scheduleMeeting', key: idempotencyKey, input }, async (remember) => {
      const meetingId = remember(newId());
      await this.commands.execute(new ScheduleMeetingCommand({ type: 'ScheduleMeeting', meetingId, ...command }, meta));
      return meetingId;
    });
    return this.mustFind(meetingId);
  }

  @Mutation(() => [Meeting], { description: 'Plans a series: monthly meetings of a group, or half-yearly joint meetings.' })
  async planMeetingSeries(@Args('input') input: PlanMeetingSeriesInput, @RequestMeta() meta: Meta): Promise<MeetingView[]> {
    const { idempotencyKey, ...command } = input;
    const meetingIds = await this.idempotency.run({ actor: meta.actor, operation: 'planMeetingSeries', key: idempotencyKey, input }, async () => {
      const outcome = await this.commands.execute(new PlanMeetingSeriesCommand({ type: 'PlanMeetingSeries', seriesId: newId(), ...command }, meta));
      return [...outcome.meetingIds];
    });
    return meetingIds.map((id) => this.mustFind(id));
  }

  @Mutation(() => Meeting)
  async rescheduleMeeting(@Args('input') input: RescheduleMeetingInput, @RequestMeta() meta: Meta): Promise<MeetingView> {
    const { expectedRevision, ...command } = input;
    await this.commands.execute(
      new RescheduleMeetingCommand({ type: 'RescheduleMeeting', ...command }, withRevision(meta, expectedRevision)),
    );
    return this.mustFind(input.meetingId);
  }

  @Mutation(() => Meeting)
  async cancelMeeting(@Args('input') input: CancelMeetingInput, @RequestMeta() meta: Meta): Promise<MeetingView> {
    const { expectedRevision, ...command } = input;
    await this.commands.execute(new CancelMeetingCommand({ type: 'CancelMeeting', ...command }, withRevision(meta, expectedRevision)));
    return this.mustFind(input.meetingId);
  }

  @Mutation(() => Meeting, { description: 'Adds an item; after publishing it is an amendment and shows as one.' })
  async addAgendaItem(@Args('input') input: AddAgendaItemInput, @RequestMeta() meta: Meta): Promise<MeetingView> {
    const { expectedRevision, citedMeasureRefs, idempotencyKey, ...rest } = input;
    const { citedMeasures: _numbers, ...command } = rest;
    const citedMeasures = measureRefsOf(input.citedMeasures, citedMeasureRefs);
    await this.idempotency.run({ actor: meta.actor, operation: 'addAgendaItem', key: idempotencyKey, input }, async () => {
      await this.commands.execute(
        new AddAgendaItemCommand(
          { type: 'AddAgendaItem', itemId: newId(), ...command, ...(citedMeasures == null ? {} : { citedMeasures, citable: this.measures.citable() }) },
          withRevision(meta, expectedRevision),
        ),
      );
    });
    return this.mustFind(input.meetingId);
  }

  @Mutation(() => Meeting)
  async updateAgendaItem(@Args('input') input: UpdateAgendaItemInput, @RequestMeta() meta: Meta): Promise<MeetingView> {
    const { expectedRevision, citedMeasureRefs, citedMeasures: _numbers, ...command } = input;
    const citedMeasures = measureRefsOf(input.citedMeasures, citedMeasureRefs);
    await this.commands.execute(
      new UpdateAgendaItemCommand(
        { type: 'UpdateAgendaItem', ...command, ...(citedMeasures == null ? {} : { citedMeasures, citable: this.measures.citable() }) },
        withRevision(meta, expectedRevision),
      ),
    );
    return this.mustFind(input.meetingId);
  }

  @Mutation(() => Meeting)
  async reorderAgenda(@Args('input') input: ReorderAgendaInput, @RequestMeta() meta: Meta): Promise<MeetingView> {
    const { expectedRevision, ...command } = input;
    await this.commands.execute(new ReorderAgendaCommand({ type: 'ReorderAgenda', ...command }, withRevision(meta, expectedRevision)));
    return this.mustFind(input.meetingId);
  }

  @Mutation(() => Meeting)
  async removeAgendaItem(@Args('input') input: RemoveAgendaItemInput, @RequestMeta() meta: Meta): Promise<MeetingView> {
    const { expectedRevision, ...command } = input;
    await this.commands.execute(
      new RemoveAgendaItemCommand({ type: 'RemoveAgendaItem', ...command }, withRevision(meta, expectedRevision)),
    );
    return this.mustFind(input.meetingId);
  }

  @Mutation(() => Meeting)
  async publishAgenda(@Args('input') input: PublishAgendaInput, @RequestMeta() meta: Meta): Promise<MeetingView> {
    const { expectedRevision, ...command } = input;
    await this.commands.execute(new PublishAgendaCommand({ type: 'PublishAgenda', ...command }, withRevision(meta, expectedRevision)));
    return this.mustFind(input.meetingId);
  }

  @Mutation(() => Meeting, { description: "Records who attended (members of the meeting's body); the meeting is then held." })
  async recordAttendance(@Args('input') input: RecordAttendanceInput, @RequestMeta() meta: Meta): Promise<MeetingView> {
    const { expectedRevision, ...command } = input;
    await this.commands.execute(
      new RecordAttendanceCommand({ type: 'RecordAttendance', ...command }, withRevision(meta, expectedRevision)),
    );
    return this.mustFind(input.meetingId);
  }

  @Mutation(() => Meeting, { description: 'Drafts (or re-drafts) the minutes, until they are approved.' })
  async recordMinutes(@Args('input') input: RecordMinutesInput, @RequestMeta() meta: Meta): Promise<MeetingView> {
    const { expectedRevision, ...command } = input;
    await this.commands.execute(new RecordMinutesCommand({ type: 'RecordMinutes', ...command }, withRevision(meta, expectedRevision)));
    return this.mustFind(input.meetingId);
  }

  @Mutation(() => Meeting, { description: 'Approves the minutes at the next (held) meeting of the same body; returns the approved meeting.' })
  async approveMinutes(@Args('input') input: ApproveMinutesInput, @RequestMeta() meta: Meta): Promise<MeetingView> {
    await this.commands.execute(new ApproveMinutesCommand({ type: 'ApproveMinutes', ...input }, meta));
    return this.mustFind(input.meetingId);
  }

  private mustFind(id: string): MeetingView {
    const row = this.meetings.byId(id);
    if (!row) throw new NotFound('meeting', id);
    return row;
  }
}
