import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { MeasureCitationRef } from '@kom/kernel';
import { Connection, IDEMPOTENCY_KEY_FIELD, PageArgs, registerLabelledEnum, type Labels, MeasureRef, MeasureRefInput } from '@kom/platform';
import type { AgendaProposalStatus } from '../domain/agenda-proposal.decider';
import type { AgendaProposalView } from '../read-models/agenda-proposals.queries';

export const AGENDA_PROPOSAL_STATUS_LABELS = {
  PROPOSED: { nb: 'Foreslått', en: 'Proposed' },
  ACCEPTED: { nb: 'Satt på sakslisten', en: 'Placed on the agenda' },
  DECLINED: { nb: 'Avslått', en: 'Declined' },
  WITHDRAWN: { nb: 'Trukket', en: 'Withdrawn' },
} as const satisfies Labels<AgendaProposalStatus>;

export const AgendaProposalStatusEnum = registerLabelledEnum<AgendaProposalStatus>(
  'AgendaProposalStatus',
  AGENDA_PROPOSAL_STATUS_LABELS,
  'PROPOSED until the secretariat ACCEPTS it (the item joins the agenda) or DECLINES it with a reason, or the proposer WITHDRAWS it.',
);

@ObjectType({ description: "A member organisation's proposal of an item for a coming meeting's agenda." })
export class AgendaProposal implements Omit<AgendaProposalView, 'seq' | 'proposedBy'> {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID, { description: 'The proposing organisation.' })
  organizationId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  /** (plan, number), served as `citedMeasureRefs` straight from the view (no resolver); the deprecated
   * `citedMeasures` numbers are a field resolver. */
  @Field(() => [MeasureRef], { name: 'citedMeasureRefs', description: 'The measures cited, as (plan, number) with the measure.' })
  citedMeasures!: MeasureCitationRef[];

  @Field(() => [ID], { description: 'Issues the proposal cites.' })
  citedIssueIds!: string[];

  @Field(() => AgendaProposalStatusEnum)
  status!: AgendaProposalStatus;

  @Field(() => String, { nullable: true, description: 'Why it was declined (or withdrawn, when the proposer said).' })
  reason!: string | null;

  @Field(() => ID, { nullable: true, description: 'The agenda item it became, once accepted.' })
  agendaItemId!: string | null;

  @Field(() => String, { description: 'ISO 8601 instant.' })
  proposedAt!: string;

  @Field(() => String, { nullable: true, description: 'When it was accepted, declined or withdrawn (ISO 8601).' })
  decidedAt!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The organisation's registered representative who proposed it (see `proposedBy`); null when not recorded (before identities were linked).",
  })
  representativeId!: string | null;

  @Field(() => Int, { description: "The proposal stream's revision." })
  revision!: number;
}

export const AgendaProposalConnection = Connection(AgendaProposal);

@InputType()
export class AgendaProposalFilterInput {
  @Field(() => ID, { nullable: true })
  meetingId?: string | null;

  @Field(() => ID, { nullable: true, description: "Representatives always see only their own organisation's proposals." })
  organizationId?: string | null;

  @Field(() => AgendaProposalStatusEnum, { nullable: true })
  status?: AgendaProposalStatus | null;
}

@ArgsType()
export class AgendaProposalsArgs extends PageArgs {
  @Field(() => AgendaProposalFilterInput, { nullable: true })
  filter?: AgendaProposalFilterInput | null;
}

@InputType()
export class ProposeAgendaItemInput {
  @Field(() => String, IDEMPOTENCY_KEY_FIELD)
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'A coming meeting of a body your organisation belongs to.' })
  meetingId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [Int], { nullable: true, description: 'Measure numbers (1-35) of the 2011–2014 action plan.' })
  citedMeasures?: number[] | null;

  @Field(() => [MeasureRefInput], { nullable: true, description: 'The measures cited as (plan, number), with or instead of citedMeasures.' })
  citedMeasureRefs?: MeasureRefInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'Issues the item concerns (at most 20).' })
  citedIssueIds?: string[] | null;
}

@InputType()
export class AcceptAgendaProposalInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => Int, { nullable: true, description: '0-based place on the agenda; default: at the end.' })
  position?: number | null;
}

@InputType()
export class DeclineAgendaProposalInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => String, { description: 'Told to the proposer.' })
  reason!: string;

  @Field(() => Int, { nullable: true, description: "The proposal's revision you read; a newer one is a CONFLICT." })
  expectedRevision?: number | null;
}

@InputType()
export class WithdrawAgendaProposalInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => Int, { nullable: true, description: "The proposal's revision you read; a newer one is a CONFLICT." })
  expectedRevision?: number | null;
}
