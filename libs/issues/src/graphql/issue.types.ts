import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { MeasureCitationRef } from '@kom/kernel';
import { Connection, MeasureRef } from '@kom/platform';
import { ActionItemStatusEnum, DecisionStatusEnum, type ActionItemStatus, type DecisionStatus } from '@kom/meetings';
import type { ExploitationForm, IssueCategory, IssueStatus } from '../domain/issue.events';
import { ExploitationFormEnum, IssueCategoryEnum, IssueStatusEnum } from './issue.enums';

@ObjectType({ description: 'A comment by a member organisation.' })
export class IssueComment {
  @Field(() => ID)
  commentId!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => String)
  text!: string;

  @Field(() => String, { description: 'When it was made (ISO 8601).' })
  at!: string;
}

@ObjectType({ description: 'One step of an issue: what happened, when, by whom (from the event metadata), and the status after it.' })
export class IssueTimelineEntry {
  @Field(() => String, { description: 'The event type, e.g. IssueSubmitted, IssueForwarded.' })
  event!: string;

  @Field(() => IssueStatusEnum, { description: 'The status after this step.' })
  status!: IssueStatus;

  @Field(() => String)
  at!: string;

  @Field(() => ID, { nullable: true })
  actorUserId!: string | null;

  @Field(() => ID, { nullable: true })
  actorOrganizationId!: string | null;

  @Field(() => String, { nullable: true, description: 'SECRETARIAT, AGENCY_MEMBER, NGO_REPRESENTATIVE or SYSTEM.' })
  actorRole!: string | null;

  @Field(() => ID, { nullable: true })
  meetingId!: string | null;

  @Field(() => ID, { nullable: true })
  agendaItemId!: string | null;

  @Field(() => ID, { nullable: true })
  decisionId!: string | null;

  @Field(() => String, { nullable: true, description: 'A reason (withdrawn, closed) or the body (placed on an agenda).' })
  note!: string | null;
}

@ObjectType('IssueLineageAgendaItem')
export class IssueLineageAgendaItem {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID)
  agendaItemId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => Boolean, { description: 'Removed from the agenda before the meeting was held.' })
  removed!: boolean;

  @Field(() => String)
  at!: string;
}

@ObjectType('IssueLineageDecision')
export class IssueLineageDecision {
  @Field(() => ID)
  decisionId!: string;

  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID)
  agendaItemId!: string;

  @Field(() => String)
  text!: string;

  @Field(() => DecisionStatusEnum)
  status!: DecisionStatus;

  @Field(() => String)
  at!: string;
}

@ObjectType('IssueLineageActionItem')
export class IssueLineageActionItem {
  @Field(() => ID)
  actionItemId!: string;

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

  @Field(() => String)
  dueDate!: string;

  @Field(() => ActionItemStatusEnum)
  status!: ActionItemStatus;

  @Field(() => String)
  at!: string;
}

@ObjectType({ description: 'What came of an issue in the meetings: agenda items, the decisions on them, and the action items.' })
export class IssueLineage {
  @Field(() => [IssueLineageAgendaItem])
  agendaItems!: IssueLineageAgendaItem[];

  @Field(() => [IssueLineageDecision])
  decisions!: IssueLineageDecision[];

  @Field(() => [IssueLineageActionItem])
  actionItems!: IssueLineageActionItem[];
}

@ObjectType({ description: 'An issue (problemstilling) raised by an NGO in the reference group.' })
export class Issue {
  @Field(() => ID)
  id!: string;

  @Field(() => IssueStatusEnum)
  status!: IssueStatus;

  @Field(() => ID, { description: 'The submitting organisation.' })
  organizationId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => IssueCategoryEnum)
  category!: IssueCategory;

  @Field(() => [ExploitationFormEnum])
  tags!: ExploitationForm[];

  /** (plan, number), served as `citedMeasureRefs` straight from the view (no resolver); the deprecated
   * `citedMeasures` numbers are a field resolver. */
  @Field(() => [MeasureRef], { name: 'citedMeasureRefs', description: 'The measures cited, as (plan, number) with the measure.' })
  citedMeasures!: MeasureCitationRef[];

  @Field(() => String, { nullable: true, description: 'Why the submitter wishes it treated urgently; null: no such wish.' })
  urgencyReason!: string | null;

  @Field(() => [ID], { description: 'Earlier issues this one cites.' })
  citedIssueIds!: string[];

  @Field(() => String)
  submittedAt!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The organisation's registered representative who submitted it (see `submittedBy`); null when not recorded then.",
  })
  submittedByRepresentativeId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The meeting whose agenda it is on now.' })
  meetingId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Its agenda item at that meeting.' })
  agendaItemId!: string | null;

  @Field(() => String, { nullable: true, description: 'When it was resolved or closed.' })
  outcomeAt!: string | null;

  @Field(() => ID, { nullable: true, description: 'The decision that resolved it.' })
  outcomeDecisionId!: string | null;

  @Field(() => String, { nullable: true, description: 'The reason it was closed or withdrawn.' })
  closingReason!: string | null;

  @Field(() => String, { nullable: true, description: 'The research need it was flagged as pointing to (the annual report lists them).' })
  researchNeed!: string | null;

  @Field(() => ID, { nullable: true, description: 'Set when it was marked a duplicate: the issue it duplicates (see duplicateOf).' })
  duplicateOfIssueId!: string | null;

  @Field(() => Int, { description: 'The stream revision; pass it as expectedRevision.' })
  revision!: number;

  @Field(() => String, { nullable: true, description: 'Set when read asOf an instant.' })
  asOf!: string | null;
}

export const IssueConnection = Connection(Issue);

@ObjectType()
export class IssueCount {
  @Field(() => String)
  key!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "The raw material of KOM's annual status report (measure 6) for the issues submitted in a year." })
export class IssueStatistics {
  @Field(() => Int)
  year!: number;

  @Field(() => Int, { description: 'Issues submitted in the year.' })
  submitted!: number;

  @Field(() => [IssueCount], { description: 'By current status.' })
  byStatus!: IssueCount[];

  @Field(() => [IssueCount])
  byCategory!: IssueCount[];

  @Field(() => [IssueCount])
  byTag!: IssueCount[];

  @Field(() => [IssueCount], { description: 'By cited measure number.' })
  byMeasure!: IssueCount[];

  @Field(() => Int, { description: 'Issues of the year with an outcome (resolved or closed).' })
  outcomes!: number;

  @Field(() => Float, { nullable: true, description: 'Median days from submission to outcome; null without outcomes.' })
  medianDaysToOutcome!: number | null;
}

@ObjectType('IssueChange', { description: 'One step in the story of an issue, pushed as it happens, with the issue as the read model shows it after it.' })
export class IssueChange {
  @Field(() => ID)
  issueId!: string;

  @Field(() => String, { description: 'The event type: IssueCommented, IssuePlacedOnAgenda, PositionRecorded, DecisionRecorded, ActionItemAssigned, ...' })
  event!: string;

  @Field(() => String, { description: 'Its position in the log (decimal).' })
  position!: string;

  @Field(() => String, { description: 'ISO 8601: when it happened.' })
  at!: string;

  @Field(() => Issue, { nullable: true })
  issue!: Issue | null;
}
