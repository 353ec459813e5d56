import { Inject } from '@nestjs/common';
import { Args, ID, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Forbidden, requireIsoInstant, type Actor, osloDate } from '@kom/kernel';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@kom/event-store';
import { CurrentActor } from '@kom/auth';
import { Lang, ProjectionsService, committedEvents, cursorPart, decodeCursorPair, labelIn, pageSize, toConnection } from '@kom/platform';
import { meetingStream } from '../domain/meeting.decider';
import { ActionItemsQueries } from '../read-models/action-items.queries';
import { AgendaQueries, type AgendaAmendmentView, type AgendaItemView } from '../read-models/agenda.queries';
import { AttendanceQueries, type AttendanceView } from '../read-models/attendance.queries';
import { DecisionsQueries } from '../read-models/decisions.queries';
import { MeetingsQueries, type MeetingView } from '../read-models/meetings.queries';
import { MinutesQueries, type MinutesView } from '../read-models/minutes.queries';
import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS, MINUTES_STATUS_LABELS } from './meeting.enums';
import { loadMeetingHistoryAt } from './meeting-history';
import { meetingFromState, suggestedAgendaItemsFrom } from './meeting-snapshot';
import {
  ActionItem,
  AgendaAmendment,
  AgendaItem,
  Attendance,
  Decision,
  Meeting,
  MeetingConnection,
  MeetingsArgs,
  Minutes,
  type MeetingNode,
} from './meeting.types';
import type { ActionItemNode } from './action-item.resolver';
import type { DecisionNode } from './decision.resolver';

/** The events that change an agenda: agendaChanged pushes the meeting after each of them. */
export const AGENDA_EVENT_TYPES: readonly string[] = [
  'AgendaItemAdded',
  'AgendaItemUpdated',
  'AgendaReordered',
  'AgendaItemRemoved',
  'AgendaPublished',
];

const cursorKey = (row: MeetingView) => JSON.stringify([row.startsAt, row.id]);

const READERS = ['SECRETARIAT', 'AGENCY_MEMBER', 'NGO_REPRESENTATIVE', 'AUDITOR'] as const;

/**
 * Reading meetings. Every authenticated role reads meetings, published agendas, decisions and
 * action items; a DRAFT agenda (not yet published) is the secretariat's only — also when the
 * meeting is answered as of an earlier instant.
 */
@Resolver(() => Meeting)
export class MeetingResolver {
  constructor(
    @Inject(MeetingsQueries) private readonly queries: MeetingsQueries,
    @Inject(AgendaQueries) private readonly agendas: AgendaQueries,
    @Inject(AttendanceQueries) private readonly attendances: AttendanceQueries,
    @Inject(DecisionsQueries) private readonly decisionsQueries: DecisionsQueries,
    @Inject(ActionItemsQueries) private readonly actionItemsQueries: ActionItemsQueries,
    @Inject(MinutesQueries) private readonly minutesQueries: MinutesQueries,
    @Inject(ProjectionsService) private readonly projections: ProjectionsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Query(() => MeetingConnection, { description: 'Meetings by start time.' })
  meetings(@Args() args: MeetingsArgs) {
    const size = pageSize(args.first);
    const after = decodeCursorPair(args.after, cursorPart.instant);
    const rows = this.queries.page({
      limit: size + 1,
      filter: args.filter ?? undefined,
      after: after ? { startsAt: after[0], id: after[1] } : undefined,
    });
    return toConnection(rows, size, cursorKey);
  }

  @Query(() => Meeting, {
    nullable: true,
    description:
      'A meeting. With asOf (an ISO 8601 instant) it is answered from its own events up to that instant ' +
      '(null if it did not exist yet).',
  })
  async meeting(
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', { type: () => String, nullable: true }) asOf?: string | null,
  ): Promise<MeetingNode | undefined> {
    if (asOf === undefined || asOf === null) return this.queries.byId(id);
    const at = requireIsoInstant(asOf, 'asOf');
    // The decider's state up to asOf, with the times of its events (the read models show some).
    const history = await loadMeetingHistoryAt(this.store, id, at);
    if (!history || history.state.status === 'none') return undefined;
    return meetingFromState(history.state, history.revision, at, history.times);
  }

  @Subscription(() => Meeting, {
    description: 'The meeting as the read model shows it after each change to its agenda (including publishing).',
    resolve(this: MeetingResolver, event: RecordedEvent) {
      return this.queries.byId((event.data as { meetingId: string }).meetingId);
    },
  })
  agendaChanged(@Args('meetingId', { type: () => ID }) meetingId: string) {
    return committedEvents(
      this.projections,
      (e) => AGENDA_EVENT_TYPES.includes(e.type) && (e.data as { meetingId?: string }).meetingId === meetingId,
    );
  }

  @Subscription(() => Meeting, {
    description:
      "The meeting as the read model shows it after each change to it: schedule, agenda, attendance, decisions, each " +
      "organisation's position, action items and minutes (every event of the meeting's stream).",
    resolve(this: MeetingResolver, event: RecordedEvent) {
      return this.queries.byId((event.data as { meetingId: string }).meetingId);
    },
  })
  meetingChanged(@Args('meetingId', { type: () => ID }) meetingId: string) {
    const stream = meetingStream(meetingId);
    return committedEvents(this.projections, (e) => e.streamId === stream);
  }

  @ResolveField(() => String, { description: 'The kind in Norwegian (NB, default) or English (EN).' })
  kindLabel(@Parent() meeting: MeetingNode, @Args('lang', { type: () => Lang, defaultValue: Lang.NB }) lang: Lang): string {
    return labelIn(MEETING_KIND_LABELS[meeting.kind], lang);
  }

  @ResolveField(() => String, { description: 'The status in Norwegian (NB, default) or English (EN).' })
  statusLabel(@Parent() meeting: MeetingNode, @Args('lang', { type: () => Lang, defaultValue: Lang.NB }) lang: Lang): string {
    return labelIn(MEETING_STATUS_LABELS[meeting.status], lang);
  }

  @ResolveField(() => String, { description: "The minutes' status in Norwegian (NB, default) or English (EN)." })
  minutesStatusLabel(@Parent() meeting: MeetingNode, @Args('lang', { type: () => Lang, defaultValue: Lang.NB }) lang: Lang): string {
    return labelIn(MINUTES_STATUS_LABELS[meeting.minutesStatus], lang);
  }

  @ResolveField(() => [AgendaItem], {
    nullable: true,
    description:
      'The agenda in order; items removed after publishing follow, marked removedByAmendment. ' +
      'A draft agenda (not published) is visible to the secretariat only: others get FORBIDDEN (AGENDA_NOT_PUBLISHED).',
  })
  agenda(@Parent() meeting: MeetingNode, @CurrentActor() actor: Actor): readonly AgendaItemView[] {
    assertAgendaVisible(meeting, actor);
    return meeting.snapshot ? meeting.snapshot.agenda : this.agendas.items(meeting.id);
  }

  @ResolveField(() => [AgendaAmendment], { description: 'Every change made to the agenda after it was published, oldest first.' })
  amendments(@Parent() meeting: MeetingNode, @CurrentActor() actor: Actor): AgendaAmendmentView[] {
    assertAgendaVisible(meeting, actor);
    return meeting.snapshot ? meeting.snapshot.amendments : this.agendas.amendments(meeting.id);
  }

  @ResolveField(() => [Attendance], { description: 'The organisations present (empty until the meeting is held).' })
  attendance(@Parent() meeting: MeetingNode): AttendanceView[] {
    return meeting.snapshot ? meeting.snapshot.attendance : this.attendances.byMeeting(meeting.id);
  }

  @ResolveField(() => [Decision], { description: 'Decisions taken at this meeting, in the order recorded.' })
  decisions(@Parent() meeting: MeetingNode): readonly DecisionNode[] {
    if (!meeting.snapshot) return this.decisionsQueries.byMeeting(meeting.id);
    const positions = meeting.snapshot.positions;
    return meeting.snapshot.decisions.map((d) => ({
      ...d,
      snapshotPositions: positions.filter((p) => p.decisionId === d.id),
      snapshotMeeting: meeting,
    }));
  }

  @ResolveField(() => [ActionItem], { description: 'Action items set at this meeting.' })
  actionItems(@Parent() meeting: MeetingNode): ActionItemNode[] {
    if (!meeting.snapshot) return this.actionItemsQueries.byMeeting(meeting.id);
    // Overdue as it was on asOf's date, not today.
    const snapshotToday = meeting.asOf ? osloDate(meeting.asOf) : undefined;
    return meeting.snapshot.actionItems.map((a) => ({ ...a, snapshotToday, snapshotAt: meeting.asOf ?? undefined }));
  }

  @ResolveField(() => Minutes, { nullable: true })
  minutes(@Parent() meeting: MeetingNode): MinutesView | undefined {
    return meeting.snapshot ? meeting.snapshot.minutes : this.minutesQueries.byMeeting(meeting.id);
  }

  @ResolveField(() => [ActionItem], {
    description:
      'Offered as items of this meeting: OPEN action items set at earlier meetings of the same body that are overdue ' +
      "at this meeting's start (due before its date in Europe/Oslo); under asOf, as they stood then.",
  })
  async suggestedAgendaItems(@Parent() meeting: MeetingNode): Promise<ActionItemNode[]> {
    if (!meeting.snapshot || !meeting.asOf) return this.actionItemsQueries.suggestedFor(meeting);
    // As of then: the other meetings of the body, each from its own events up to asOf (a meeting's
    // kind never changes, so the read model names the candidates; their times and items come from history).
    const at = new Date(meeting.asOf);
    const others = await Promise.all(
      this.meetingIdsOfKind(meeting.kind)
        .filter((id) => id !== meeting.id)
        .map((id) => loadMeetingHistoryAt(this.store, id, at)),
    );
    const snapshotToday = osloDate(meeting.asOf);
    return suggestedAgendaItemsFrom(meeting, others.flatMap((h) => h ?? []), at).map((a) => ({ ...a, snapshotToday }));
  }

  private meetingIdsOfKind(kind: MeetingView['kind']): string[] {
    const ids: string[] = [];
    let after: { startsAt: string; id: string } | undefined;
    for (;;) {
      const rows = this.queries.page({ limit: 500, filter: { kind }, after });
      ids.push(...rows.map((row) => row.id));
      if (rows.length < 500) return ids;
      const last = rows[rows.length - 1]!;
      after = { startsAt: last.startsAt, id: last.id };
    }
  }
}

/** A draft agenda (not yet published) is the secretariat's only. */
function assertAgendaVisible(meeting: MeetingNode, actor: Actor): void {
  if (meeting.agendaPublishedAt === null && actor.role !== 'SECRETARIAT') {
    throw new Forbidden('AGENDA_NOT_PUBLISHED', 'The agenda is a draft until it is published; only the secretariat sees drafts');
  }
}
