import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection, registerLabelledEnum, type Labels, IDEMPOTENCY_KEY_FIELD, MeasureRefInput } from '@kom/platform';
import type { ExploitationForm, IssueCategory, IssueStatus } from '../domain/issue.events';
import { ActionItemStatusEnum, DecisionStatusEnum, type ActionItemStatus, type DecisionStatus } from '@kom/meetings';

export const ISSUE_STATUS_LABELS = {
  SUBMITTED: { nb: 'Meldt inn', en: 'Submitted' },
  ON_REFERENCE_AGENDA: { nb: 'På referansegruppens saksliste', en: "On the reference group's agenda" },
  FORWARDED: { nb: 'Oversendt prosjektgruppen', en: 'Forwarded to the project group' },
  ON_PROJECT_AGENDA: { nb: 'På prosjektgruppens saksliste', en: "On the project group's agenda" },
  RESOLVED: { nb: 'Avgjort', en: 'Resolved' },
  WITHDRAWN: { nb: 'Trukket', en: 'Withdrawn' },
  CLOSED: { nb: 'Avsluttet', en: 'Closed' },
} as const satisfies Labels<IssueStatus>;

export const ISSUE_CATEGORY_LABELS = {
  INTERNATIONAL_FRAMEWORK: { nb: 'Internasjonalt rammeverk og samarbeid', en: 'International framework and cooperation' },
  COOPERATION_AND_COMPETENCE: { nb: 'Tverrfaglig samarbeid og kompetanse', en: 'Cross-agency cooperation and competence' },
  PREVENTION: { nb: 'Forebygging', en: 'Prevention' },
  IDENTIFICATION_AND_ASSISTANCE: { nb: 'Identifisering og bistand', en: 'Identification and assistance' },
  CHILDREN: { nb: 'Barn', en: 'Children' },
  PROSECUTION: { nb: 'Straffeforfølgning', en: 'Prosecution' },
} as const satisfies Labels<IssueCategory>;

export const EXPLOITATION_FORM_LABELS = {
  SEXUAL: { nb: 'Seksuell utnyttelse', en: 'Sexual exploitation' },
  FORCED_LABOUR: { nb: 'Tvangsarbeid', en: 'Forced labour' },
  BEGGING: { nb: 'Tigging', en: 'Begging' },
  FORCED_CRIME: { nb: 'Tvungen kriminalitet', en: 'Forced crime' },
  ORGAN_REMOVAL: { nb: 'Fjerning av organer', en: 'Organ removal' },
  OTHER: { nb: 'Annen utnyttelse', en: 'Other exploitation' },
} as const satisfies Labels<ExploitationForm>;

export const IssueStatusEnum = registerLabelledEnum<IssueStatus>('IssueStatus', ISSUE_STATUS_LABELS, "Where an issue is in its lifecycle.");
export const IssueCategoryEnum = registerLabelledEnum<IssueCategory>('IssueCategory', ISSUE_CATEGORY_LABELS, "The action plan's area an issue concerns.");
export const ExploitationFormEnum = registerLabelledEnum<ExploitationForm>('ExploitationForm', EXPLOITATION_FORM_LABELS, 'A form of exploitation an issue concerns.');

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

  @Field(() => [Int], { description: 'Measure numbers (1-35) of the action plan.' })
  citedMeasures!: number[];

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

@InputType()
export class IssueFilterInput {
  @Field(() => IssueStatusEnum, { nullable: true })
  status?: IssueStatus | null;

  @Field(() => ID, { nullable: true })
  submittingOrganizationId?: string | null;

  @Field(() => IssueCategoryEnum, { nullable: true })
  category?: IssueCategory | null;

  @Field(() => ExploitationFormEnum, { nullable: true })
  tag?: ExploitationForm | null;

  @Field(() => Int, { nullable: true })
  measure?: number | null;

  @Field(() => Int, { nullable: true, description: 'The year of submission (Europe/Oslo).' })
  year?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only issues the reference group forwarded to the project group, whatever became of them since; false: only the others.',
  })
  forwarded?: boolean | null;
}

@ArgsType()
export class IssuesArgs {
  @Field(() => IssueFilterInput, { nullable: true })
  filter?: IssueFilterInput | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}

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

const EXPECTED_REVISION = { nullable: true, description: 'The revision you read; a newer one is a CONFLICT.' } as const;

@InputType()
export class SubmitIssueInput {
  @Field(() => String, IDEMPOTENCY_KEY_FIELD)
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'Your own organisation, a member of the reference group.' })
  organizationId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => IssueCategoryEnum)
  category!: IssueCategory;

  @Field(() => [ExploitationFormEnum], { nullable: true })
  tags?: ExploitationForm[] | null;

  @Field(() => [Int], { nullable: true })
  citedMeasures?: number[] | null;

  @Field(() => [MeasureRefInput], { nullable: true, description: 'The measures cited as (plan, number), with or instead of citedMeasures.' })
  citedMeasureRefs?: MeasureRefInput[] | null;

  @Field(() => String, { nullable: true, description: 'Give a reason to ask for urgent treatment.' })
  urgencyReason?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Earlier issues this one cites.' })
  citedIssueIds?: string[] | null;
}

@InputType()
export class EditIssueInput {
  @Field(() => ID)
  issueId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => IssueCategoryEnum)
  category!: IssueCategory;

  @Field(() => [ExploitationFormEnum], { nullable: true })
  tags?: ExploitationForm[] | null;

  @Field(() => [Int], { nullable: true })
  citedMeasures?: number[] | null;

  @Field(() => [MeasureRefInput], { nullable: true, description: 'The measures cited as (plan, number), with or instead of citedMeasures.' })
  citedMeasureRefs?: MeasureRefInput[] | null;

  @Field(() => String, { nullable: true })
  urgencyReason?: string | null;

  @Field(() => Int, EXPECTED_REVISION)
  expectedRevision?: number | null;
}

@InputType()
export class WithdrawIssueInput {
  @Field(() => ID)
  issueId!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => Int, EXPECTED_REVISION)
  expectedRevision?: number | null;
}

@InputType()
export class CommentOnIssueInput {
  @Field(() => String, IDEMPOTENCY_KEY_FIELD)
  idempotencyKey?: string | null;

  @Field(() => ID)
  issueId!: string;

  @Field(() => String)
  text!: string;
}

@InputType()
export class PlaceIssueOnAgendaInput {
  @Field(() => String, IDEMPOTENCY_KEY_FIELD)
  idempotencyKey?: string | null;

  @Field(() => ID)
  issueId!: string;

  @Field(() => ID, { description: 'A reference-group meeting for a submitted issue; a project-group or joint meeting for a forwarded one.' })
  meetingId!: string;
}

@InputType()
export class IssueActionItemInput {
  @Field(() => String)
  description!: string;

  @Field(() => ID)
  responsibleOrganizationId!: string;

  @Field(() => String, { description: 'YYYY-MM-DD, not before the meeting date.' })
  dueDate!: string;
}

@InputType()
export class ForwardIssueInput {
  @Field(() => String, IDEMPOTENCY_KEY_FIELD)
  idempotencyKey?: string | null;

  @Field(() => ID)
  issueId!: string;

  @Field(() => String, { description: "The reference group's decision, recorded on the issue's agenda item." })
  decision!: string;

  @Field(() => String, { nullable: true })
  rationale?: string | null;
}

@InputType()
export class ResolveIssueInput {
  @Field(() => String, IDEMPOTENCY_KEY_FIELD)
  idempotencyKey?: string | null;

  @Field(() => ID)
  issueId!: string;

  @Field(() => String, { description: "The project group's decision, recorded on the issue's agenda item." })
  decision!: string;

  @Field(() => String, { nullable: true })
  rationale?: string | null;

  @Field(() => [Int], { nullable: true })
  citedMeasures?: number[] | null;

  @Field(() => [MeasureRefInput], { nullable: true, description: 'The measures cited as (plan, number), with or instead of citedMeasures.' })
  citedMeasureRefs?: MeasureRefInput[] | null;

  @Field(() => [IssueActionItemInput], { nullable: true, description: 'Action items tied to the decision.' })
  actionItems?: IssueActionItemInput[] | null;
}

@InputType()
export class CloseIssueInput {
  @Field(() => ID)
  issueId!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => Int, EXPECTED_REVISION)
  expectedRevision?: number | null;
}

@InputType()
export class MarkIssueDuplicateInput {
  @Field(() => ID, { description: 'The duplicate: an open issue; it is closed, pointing to the original.' })
  issueId!: string;

  @Field(() => ID, { description: 'The original: another issue, not withdrawn or closed, and not itself a duplicate.' })
  duplicateOfIssueId!: string;

  @Field(() => String, { description: 'Why, in words; the duplicate’s closing reason (the submitter is told as for any closure).' })
  reason!: string;

  @Field(() => Int, EXPECTED_REVISION)
  expectedRevision?: number | null;
}

@InputType()
export class FlagResearchNeedInput {
  @Field(() => ID)
  issueId!: string;

  @Field(() => String, { description: 'The research need, in a short text (at most 1000 characters; never a person).' })
  text!: string;

  @Field(() => Int, EXPECTED_REVISION)
  expectedRevision?: number | null;
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
