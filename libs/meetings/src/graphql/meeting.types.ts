import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { MeasureCitationRef } from '@kom/kernel';
import { Connection, MeasureRef, PageArgs } from '@kom/platform';
import type { MeetingKind, Position } from '../domain/meeting.events';
import type { ActionItemStatus, ActionItemView } from '../read-models/action-items.queries';
import type { AgendaAmendmentKind, AgendaAmendmentView, AgendaItemView } from '../read-models/agenda.queries';
import type { AttendanceView } from '../read-models/attendance.queries';
import type { DecisionStatus, DecisionView, PositionView } from '../read-models/decisions.queries';
import type { MeetingStatus, MeetingView, MinutesStatus } from '../read-models/meetings.queries';
import type { MinutesView } from '../read-models/minutes.queries';
import {
  ActionItemStatusEnum,
  AgendaAmendmentKindEnum,
  DecisionStatusEnum,
  MeetingKindEnum,
  MeetingStatusEnum,
  MinutesStatusEnum,
  PositionEnum,
} from './meeting.enums';

/**
 * The meeting as its own events showed it at an instant (asOf): everything the Meeting's fields
 * answer, taken from the decider's state instead of the read models.
 */
export interface MeetingSnapshot {
  readonly agenda: AgendaItemView[];
  readonly amendments: AgendaAmendmentView[];
  readonly attendance: AttendanceView[];
  readonly decisions: DecisionView[];
  readonly positions: PositionView[];
  readonly actionItems: ActionItemView[];
  readonly minutes: MinutesView | undefined;
}

/** What a Meeting field resolver gets as its parent: the view, and for asOf the snapshot. */
export type MeetingNode = MeetingView & { snapshot?: MeetingSnapshot };

@ObjectType({ description: 'A meeting of the project group, the reference group, or both (joint).' })
export class Meeting implements MeetingView {
  @Field(() => ID)
  id!: string;

  @Field(() => MeetingKindEnum)
  kind!: MeetingKind;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'ISO 8601 instant (UTC).' })
  startsAt!: string;

  @Field(() => String, { description: 'ISO 8601 instant (UTC).' })
  endsAt!: string;

  @Field(() => String, { nullable: true })
  location!: string | null;

  @Field(() => String, { nullable: true })
  videoLink!: string | null;

  @Field(() => MeetingStatusEnum)
  status!: MeetingStatus;

  @Field(() => ID, { nullable: true, description: 'The series the meeting was planned in.' })
  seriesId!: string | null;

  @Field(() => Int, { nullable: true, description: '0-based place in its series.' })
  seriesIndex!: number | null;

  @Field(() => String, { nullable: true, description: 'When the agenda was published (ISO 8601); null while it is a draft.' })
  agendaPublishedAt!: string | null;

  @Field(() => String, { nullable: true })
  cancelledReason!: string | null;

  @Field(() => MinutesStatusEnum)
  minutesStatus!: MinutesStatus;

  @Field(() => Int, { description: "The meeting stream's revision." })
  revision!: number;

  @Field(() => String, { nullable: true, description: 'Set when answered from the events up to this instant (asOf).' })
  asOf?: string | null;
}

export const MeetingConnection = Connection(Meeting);

@ObjectType({ description: 'An item of an agenda. After publishing, changes are amendments and stay visible as such.' })
export class AgendaItem implements AgendaItemView {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  meetingId!: string;

  @Field(() => Int, { nullable: true, description: '0-based place on the agenda; null once removed by an amendment.' })
  position!: number | null;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => ID, { nullable: true })
  presentingOrganizationId!: string | null;

  /** (plan, number), served as `citedMeasureRefs` straight from the view (no resolver); the deprecated
   * `citedMeasures` numbers are a field resolver. */
  @Field(() => [MeasureRef], { name: 'citedMeasureRefs', description: 'The measures cited, as (plan, number) with the measure.' })
  citedMeasures!: MeasureCitationRef[];

  @Field(() => ID, { nullable: true, description: 'The issue the item comes from, if any.' })
  sourceIssueId!: string | null;

  @Field(() => Boolean, { description: 'Added after the agenda was published.' })
  addedByAmendment!: boolean;

  @Field(() => Boolean, { description: 'Changed after the agenda was published.' })
  updatedByAmendment!: boolean;

  @Field(() => Boolean, { description: 'Removed after the agenda was published (kept visible).' })
  removedByAmendment!: boolean;

  @Field(() => String, { nullable: true })
  removalReason!: string | null;
}

@ObjectType({ description: 'One change made to an agenda after it was published.' })
export class AgendaAmendment implements AgendaAmendmentView {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => AgendaAmendmentKindEnum)
  kind!: AgendaAmendmentKind;

  @Field(() => ID, { nullable: true })
  itemId!: string | null;

  @Field(() => String, { nullable: true, description: "The item's title after the change (before it, for a removal)." })
  title!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => [ID], { nullable: true, description: 'The new order, for a reordering.' })
  itemIds!: string[] | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601.' })
  occurredAt!: string | null;

  @Field(() => Int, { description: "The meeting stream's revision of the change." })
  revision!: number;
}

@ObjectType({ description: 'An organisation present at a meeting.' })
export class Attendance implements AttendanceView {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID)
  organizationId!: string;
}

@ObjectType()
export class Minutes implements MinutesView {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => String)
  text!: string;

  @Field(() => MinutesStatusEnum)
  status!: 'DRAFT' | 'APPROVED';

  @Field(() => ID, { nullable: true, description: 'The meeting (of the same body) that approved them.' })
  approvedAtMeetingId!: string | null;
}

@ObjectType({ description: 'A decision taken on an agenda item. Never edited: superseded or revoked.' })
export class Decision implements DecisionView {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID)
  agendaItemId!: string;

  @Field(() => String)
  text!: string;

  @Field(() => String)
  rationale!: string;

  /** (plan, number), served as `citedMeasureRefs` straight from the view (no resolver); the deprecated
   * `citedMeasures` numbers are a field resolver. */
  @Field(() => [MeasureRef], { name: 'citedMeasureRefs', description: 'The measures cited, as (plan, number) with the measure.' })
  citedMeasures!: MeasureCitationRef[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  reviewDate!: string | null;

  @Field(() => DecisionStatusEnum)
  status!: DecisionStatus;

  @Field(() => ID, { nullable: true, description: 'The earlier decision this one replaces.' })
  supersedes!: string | null;

  @Field(() => ID, { nullable: true, description: 'The later decision that replaced this one.' })
  supersededBy!: string | null;

  @Field(() => String, { nullable: true })
  revokedReason!: string | null;

  @Field(() => String, { nullable: true, description: 'The research need it was flagged as pointing to (the annual report lists them).' })
  researchNeed!: string | null;

  @Field(() => String, { nullable: true, description: 'When it was recorded (ISO 8601).' })
  recordedAt!: string | null;
}

export const DecisionConnection = Connection(Decision);

@ObjectType({ description: "An organisation's position on a decision." })
export class DecisionPosition implements PositionView {
  @Field(() => ID)
  decisionId!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => PositionEnum)
  position!: Position;

  @Field(() => String, { nullable: true, description: 'Required for OBJECTS.' })
  reason!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The organisation's registered representative who recorded it (see `representative`); null when not recorded (by the secretariat, or before identities were linked).",
  })
  representativeId!: string | null;
}

@ObjectType('ActionItemProgress', { description: 'A note on how an open action item is going.' })
export class ActionItemProgress {
  @Field(() => String)
  note!: string;

  @Field(() => String, { description: 'ISO 8601.' })
  reportedAt!: string;

  @Field(() => ID, { nullable: true, description: 'The organisation of whoever reported it.' })
  organizationId!: string | null;
}

@ObjectType({ description: 'A follow-up task set at a meeting, for one organisation, by a due date.' })
export class ActionItem implements ActionItemView {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID, { nullable: true })
  decisionId!: string | null;

  @Field(() => ID, { nullable: true })
  agendaItemId!: string | null;

  @Field(() => String)
  description!: string;

  @Field(() => ID)
  responsibleOrganizationId!: string;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  dueDate!: string;

  @Field(() => ActionItemStatusEnum)
  status!: ActionItemStatus;

  @Field(() => String, { nullable: true })
  completionNote!: string | null;

  @Field(() => String, { nullable: true })
  cancelledReason!: string | null;
}

export const ActionItemConnection = Connection(ActionItem);

@InputType()
export class MeetingFilter {
  @Field(() => MeetingKindEnum, { nullable: true })
  kind?: MeetingKind | null;

  @Field(() => MeetingStatusEnum, { nullable: true })
  status?: MeetingStatus | null;

  @Field(() => String, { nullable: true, description: 'Meetings starting at or after this ISO 8601 instant or date.' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Meetings starting before this ISO 8601 instant or date.' })
  to?: string | null;

  @Field(() => ID, { nullable: true })
  seriesId?: string | null;
}

@ArgsType()
export class MeetingsArgs extends PageArgs {
  @Field(() => MeetingFilter, { nullable: true })
  filter?: MeetingFilter | null;
}

@InputType()
export class DecisionFilter {
  @Field(() => Int, { nullable: true, description: 'Decisions citing this measure number (of `plan`).' })
  measure?: number | null;

  @Field(() => ID, { nullable: true, description: 'The plan of `measure` (default 2011-2014).' })
  plan?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Decisions concerning this organisation: it recorded a position on them, or it presents their agenda item.',
  })
  organizationId?: string | null;

  @Field(() => MeetingKindEnum, { nullable: true, description: 'The body: the kind of meeting that took the decision.' })
  kind?: MeetingKind | null;

  @Field(() => DecisionStatusEnum, { nullable: true })
  status?: DecisionStatus | null;

  @Field(() => ID, { nullable: true, description: 'Decisions taken at this meeting.' })
  meetingId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Decisions whose text or rationale contains these words, in this order (case-insensitive; at most 200 characters).',
  })
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 instant, inclusive, on recordedAt.' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 instant, exclusive, on recordedAt.' })
  to?: string | null;
}

@ArgsType()
export class DecisionsArgs extends PageArgs {
  @Field(() => DecisionFilter, { nullable: true })
  filter?: DecisionFilter | null;
}

@InputType()
export class ActionItemFilter {
  @Field(() => ID, { nullable: true })
  responsibleOrganizationId?: string | null;

  @Field(() => ActionItemStatusEnum, { nullable: true })
  status?: ActionItemStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'true: OPEN and due before today (Europe/Oslo); false: all others.' })
  overdue?: boolean | null;
}

@ArgsType()
export class ActionItemsArgs extends PageArgs {
  @Field(() => ActionItemFilter, { nullable: true })
  filter?: ActionItemFilter | null;
}
