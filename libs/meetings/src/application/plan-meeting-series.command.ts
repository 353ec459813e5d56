import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPath, derivedEventId, type CommandMeta } from '@kom/platform';
import type { MeetingKind } from '../domain/meeting.events';
import { meetingDecider, meetingStream } from '../domain/meeting.decider';
import { seriesOccurrences } from '../domain/meeting-series';

/** Plan `count` meetings of one body: monthly for a group, half-yearly for the joint meeting. */
export interface PlanMeetingSeriesRequest {
  readonly type: 'PlanMeetingSeries';
  /** Chosen by the caller (a fresh id per series); re-sending the same id completes the same series. */
  readonly seriesId: string;
  readonly kind: MeetingKind;
  readonly title: string;
  readonly firstStartsAt: string;
  readonly firstEndsAt: string;
  readonly location?: string | null;
  readonly videoLink?: string | null;
  /** 1 to 24. */
  readonly count: number;
}

export interface MeetingSeriesOutcome {
  readonly seriesId: string;
  /** Every meeting of the series, in order (seriesIndex 0, 1, ...). */
  readonly meetingIds: readonly string[];
  /** The meetings this run scheduled (the others were already there). */
  readonly scheduledMeetingIds: readonly string[];
}

/** The id of the meeting at `index` in a series: derived, so a re-run names the same meetings. */
export const seriesMeetingId = (seriesId: string, index: number): string => derivedEventId(`series:${seriesId}`, index);

/**
 * Not a KomCommand: it spans many streams and answers with the series, not one stream's outcome.
 * Same shape (payload, meta) on the bus.
 */
export class PlanMeetingSeriesCommand extends Command<MeetingSeriesOutcome> {
  constructor(
    readonly payload: PlanMeetingSeriesRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

/**
 * Runs ScheduleMeeting for each occurrence, one after the other, each with event ids derived from
 * `series:<seriesId>:<index>` and a meeting id derived from the series. If a run stops half-way
 * (a crash, a refusal), running the same series id again schedules what is missing and appends
 * nothing twice: a meeting already scheduled by this series is left as it is (also if it was
 * rescheduled or cancelled since).
 */
@Injectable()
@CommandHandler(PlanMeetingSeriesCommand)
export class PlanMeetingSeriesHandler implements ICommandHandler<PlanMeetingSeriesCommand, MeetingSeriesOutcome> {
  constructor(@Inject(CommandPath) private readonly path: CommandPath) {}

  async execute({ payload, meta }: PlanMeetingSeriesCommand): Promise<MeetingSeriesOutcome> {
    const occurrences = seriesOccurrences(payload.kind, payload.firstStartsAt, payload.firstEndsAt, payload.count);
    const meetingIds: string[] = [];
    const scheduledMeetingIds: string[] = [];
    for (const { index, startsAt, endsAt } of occurrences) {
      const meetingId = seriesMeetingId(payload.seriesId, index);
      const outcome = await this.path.execute(
        meetingDecider,
        meetingStream(meetingId),
        {
          type: 'ScheduleMeeting',
          meetingId,
          kind: payload.kind,
          title: payload.title,
          startsAt,
          endsAt,
          location: payload.location ?? null,
          videoLink: payload.videoLink ?? null,
          seriesId: payload.seriesId,
          seriesIndex: index,
        },
        { actor: meta.actor, correlationId: meta.correlationId, causationId: `series:${payload.seriesId}:${index}`, deriveEventIds: true },
      );
      meetingIds.push(meetingId);
      if (outcome.events.length > 0) scheduledMeetingIds.push(meetingId);
    }
    return { seriesId: payload.seriesId, meetingIds, scheduledMeetingIds };
  }
}
