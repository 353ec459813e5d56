import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IDEMPOTENCY_KEY_FIELD, MeasureRefInput } from '@kom/platform';
import type { ExploitationForm, IssueCategory, IssueStatus } from '../domain/issue.events';
import { ExploitationFormEnum, IssueCategoryEnum, IssueStatusEnum } from './issue.enums';

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

  @Field(() => Int, { nullable: true, description: 'Issues citing this measure number (of `plan`).' })
  measure?: number | null;

  @Field(() => ID, { nullable: true, description: 'The plan of `measure` (default 2011-2014).' })
  plan?: string | null;

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

const EXPECTED_REVISION = { nullable: true, description: 'The revision you read; a newer one is a CONFLICT.' } as const;

/** What an issue says: the same fields when it is submitted and when it is edited. */
@InputType({ isAbstract: true })
class IssueContentInput {
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
}

@InputType()
export class SubmitIssueInput extends IssueContentInput {
  @Field(() => String, IDEMPOTENCY_KEY_FIELD)
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'Your own organisation, a member of the reference group.' })
  organizationId!: string;

  @Field(() => [ID], { nullable: true, description: 'Earlier issues this one cites.' })
  citedIssueIds?: string[] | null;
}

@InputType()
export class EditIssueInput extends IssueContentInput {
  @Field(() => ID)
  issueId!: string;

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
