import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IDEMPOTENCY_KEY_FIELD, MeasureRefInput } from '@kom/platform';
import type { MeetingKind, Position } from '../domain/meeting.events';
import { MeetingKindEnum, PositionEnum } from './meeting.enums';

const EXPECTED_REVISION = {
  nullable: true,
  description: "The meeting's revision you read; a different current revision is a CONFLICT.",
} as const;

@InputType()
export class ScheduleMeetingInput {
  @Field(() => String, IDEMPOTENCY_KEY_FIELD)
  idempotencyKey?: string | null;

  @Field(() => MeetingKindEnum)
  kind!: MeetingKind;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'ISO 8601 instant with a zone.' })
  startsAt!: string;

  @Field(() => String, { description: 'ISO 8601 instant with a zone.' })
  endsAt!: string;

  @Field(() => String, { nullable: true, description: 'A location, a video link, or both.' })
  location?: string | null;

  @Field(() => String, { nullable: true })
  videoLink?: string | null;
}

@InputType()
export class PlanMeetingSeriesInput {
  @Field(() => String, IDEMPOTENCY_KEY_FIELD)
  idempotencyKey?: string | null;

  @Field(() => MeetingKindEnum, { description: 'Monthly for a group, half-yearly for JOINT.' })
  kind!: MeetingKind;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'Start of the first meeting (ISO 8601 instant); the Oslo wall-clock time is kept.' })
  firstStartsAt!: string;

  @Field(() => String, { description: 'End of the first meeting; every meeting lasts as long.' })
  firstEndsAt!: string;

  @Field(() => Int, { description: '1 to 24 meetings.' })
  count!: number;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => String, { nullable: true })
  videoLink?: string | null;
}

@InputType()
export class RescheduleMeetingInput {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => String)
  startsAt!: string;

  @Field(() => String)
  endsAt!: string;

  @Field(() => String, { nullable: true, description: 'Omitted: unchanged; null: cleared.' })
  location?: string | null;

  @Field(() => String, { nullable: true, description: 'Omitted: unchanged; null: cleared.' })
  videoLink?: string | null;

  @Field(() => Int, EXPECTED_REVISION)
  expectedRevision?: number | null;
}

@InputType()
export class CancelMeetingInput {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => Int, EXPECTED_REVISION)
  expectedRevision?: number | null;
}

@InputType()
export class AddAgendaItemInput {
  @Field(() => String, IDEMPOTENCY_KEY_FIELD)
  idempotencyKey?: string | null;

  @Field(() => ID)
  meetingId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID, { nullable: true })
  presentingOrganizationId?: string | null;

  @Field(() => [Int], { nullable: true, description: 'Measure numbers (1-35) of the action plan.' })
  citedMeasures?: number[] | null;

  @Field(() => [MeasureRefInput], { nullable: true, description: 'The measures cited as (plan, number), with or instead of citedMeasures.' })
  citedMeasureRefs?: MeasureRefInput[] | null;

  @Field(() => ID, { nullable: true, description: 'The issue the item comes from.' })
  sourceIssueId?: string | null;

  @Field(() => Int, { nullable: true, description: '0-based place; default: at the end.' })
  position?: number | null;

  @Field(() => Int, EXPECTED_REVISION)
  expectedRevision?: number | null;
}

@InputType()
export class UpdateAgendaItemInput {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID)
  itemId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true, description: 'Omitted: unchanged; null: cleared.' })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'Omitted: unchanged; null: cleared.' })
  presentingOrganizationId?: string | null;

  @Field(() => [Int], { nullable: true, description: 'Omitted: unchanged.' })
  citedMeasures?: number[] | null;

  @Field(() => [MeasureRefInput], { nullable: true, description: 'The measures cited as (plan, number), with or instead of citedMeasures.' })
  citedMeasureRefs?: MeasureRefInput[] | null;

  @Field(() => Int, EXPECTED_REVISION)
  expectedRevision?: number | null;
}

@InputType()
export class ReorderAgendaInput {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => [ID], { description: 'Every current item exactly once, in the new order.' })
  itemIds!: string[];

  @Field(() => Int, EXPECTED_REVISION)
  expectedRevision?: number | null;
}

@InputType()
export class RemoveAgendaItemInput {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID)
  itemId!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => Int, EXPECTED_REVISION)
  expectedRevision?: number | null;
}

@InputType()
export class PublishAgendaInput {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => Int, EXPECTED_REVISION)
  expectedRevision?: number | null;
}

@InputType()
export class RecordAttendanceInput {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => [ID], { description: "The organisations present: members of the meeting's body on its date." })
  organizationIds!: string[];

  @Field(() => Int, EXPECTED_REVISION)
  expectedRevision?: number | null;
}

@InputType()
export class PositionInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => PositionEnum)
  position!: Position;

  @Field(() => String, { nullable: true, description: 'Required for OBJECTS.' })
  reason?: string | null;
}

@InputType()
export class RecordDecisionInput {
  @Field(() => String, IDEMPOTENCY_KEY_FIELD)
  idempotencyKey?: string | null;

  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID)
  agendaItemId!: string;

  @Field(() => String)
  text!: string;

  @Field(() => String, { nullable: true })
  rationale?: string | null;

  @Field(() => [Int], { nullable: true })
  citedMeasures?: number[] | null;

  @Field(() => [MeasureRefInput], { nullable: true, description: 'The measures cited as (plan, number), with or instead of citedMeasures.' })
  citedMeasureRefs?: MeasureRefInput[] | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not before the meeting date.' })
  reviewDate?: string | null;

  @Field(() => [PositionInput], { nullable: true, description: "Attending organisations' positions." })
  positions?: PositionInput[] | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The earlier decision this one replaces, marked superseded by it in the same write. It must exist (SUPERSEDED_DECISION_NOT_FOUND), ' +
      'be active (DECISION_NOT_ACTIVE: one successor only) and be of an earlier meeting of the same body, or this meeting is joint.',
  })
  supersedes?: string | null;
}

@InputType()
export class RecordPositionInput {
  @Field(() => ID)
  decisionId!: string;

  @Field(() => ID, { description: 'Your own organisation, unless you are the secretariat.' })
  organizationId!: string;

  @Field(() => PositionEnum)
  position!: Position;

  @Field(() => String, { nullable: true, description: 'Required for OBJECTS.' })
  reason?: string | null;
}

@InputType()
export class SupersedeDecisionInput {
  @Field(() => ID, { description: 'The decision to mark superseded.' })
  decisionId!: string;

  @Field(() => ID, { description: 'The replacing decision, recorded at a later meeting with supersedes = decisionId.' })
  supersededByDecisionId!: string;
}

@InputType()
export class RevokeDecisionInput {
  @Field(() => ID)
  decisionId!: string;

  @Field(() => String)
  reason!: string;
}

@InputType()
export class FlagDecisionResearchNeedInput {
  @Field(() => ID)
  decisionId!: string;

  @Field(() => String, { description: 'The research need, in a short text (at most 1000 characters; never a person).' })
  text!: string;
}

@InputType()
export class AssignActionItemInput {
  @Field(() => String, IDEMPOTENCY_KEY_FIELD)
  idempotencyKey?: string | null;

  @Field(() => ID)
  meetingId!: string;

  @Field(() => String)
  description!: string;

  @Field(() => ID)
  responsibleOrganizationId!: string;

  @Field(() => String, { description: 'YYYY-MM-DD, not before the meeting date.' })
  dueDate!: string;

  @Field(() => ID, { nullable: true })
  decisionId?: string | null;

  @Field(() => ID, { nullable: true })
  agendaItemId?: string | null;
}

@InputType()
export class CompleteActionItemInput {
  @Field(() => ID)
  actionItemId!: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class ReportActionItemProgressInput {
  @Field(() => ID)
  actionItemId!: string;

  @Field(() => String, { description: 'How it is going (1 to 5000 characters).' })
  note!: string;
}

@InputType()
export class CancelActionItemInput {
  @Field(() => ID)
  actionItemId!: string;

  @Field(() => String)
  reason!: string;
}

@InputType()
export class RecordMinutesInput {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => String)
  text!: string;

  @Field(() => Int, EXPECTED_REVISION)
  expectedRevision?: number | null;
}

@InputType()
export class ApproveMinutesInput {
  @Field(() => ID, { description: 'The meeting whose minutes are approved.' })
  meetingId!: string;

  @Field(() => ID, { description: 'The next meeting of the same body, held, that approves them.' })
  approvingMeetingId!: string;
}
