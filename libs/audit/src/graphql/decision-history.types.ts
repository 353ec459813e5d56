import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ActionItemStatusEnum, DecisionStatusEnum, type ActionItemStatus, type DecisionStatus } from '@kom/meetings';
import { DECISION_HISTORY_STEP_KINDS } from '../history/decision-history';
import { AuditEntryType, InclusionProofType } from './audit.types';

export enum DecisionHistoryStepKind {
  ISSUE = 'ISSUE',
  MEETING = 'MEETING',
  AGENDA_ITEM = 'AGENDA_ITEM',
  AGENDA_PUBLISHED = 'AGENDA_PUBLISHED',
  ATTENDANCE = 'ATTENDANCE',
  DECISION = 'DECISION',
  POSITION = 'POSITION',
  SUPERSESSION = 'SUPERSESSION',
  REVOCATION = 'REVOCATION',
  ACTION_ITEM = 'ACTION_ITEM',
  MINUTES = 'MINUTES',
  AGREEMENT = 'AGREEMENT',
}
// The GraphQL enum and the domain list are one list.
DECISION_HISTORY_STEP_KINDS satisfies readonly `${DecisionHistoryStepKind}`[];

registerEnumType(DecisionHistoryStepKind, {
  name: 'DecisionHistoryStepKind',
  description: 'What a step of a decision’s history is about.',
});

@ObjectType('DecisionHistoryStep', { description: 'One step of a decision’s story, with its audit entry.' })
export class DecisionHistoryStepType {
  @Field(() => DecisionHistoryStepKind)
  kind!: DecisionHistoryStepKind;

  @Field(() => AuditEntryType, { description: 'The event: position, time, actor, correlation, hash, summary.' })
  entry!: AuditEntryType;

  @Field(() => InclusionProofType, {
    nullable: true,
    description: 'The proof that the event is in the latest signed checkpoint; null while no checkpoint covers it yet.',
  })
  proof?: InclusionProofType | null;
}

@ObjectType('DecisionHistoryMeeting')
export class DecisionHistoryMeetingType {
  @Field(() => ID) id!: string;
  @Field(() => String) kind!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'ISO 8601.' }) startsAt!: string;
}

@ObjectType('DecisionHistoryAgendaItem')
export class DecisionHistoryAgendaItemType {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => ID, { nullable: true, description: 'The issue the item came from.' }) sourceIssueId!: string | null;
  @Field(() => Boolean) removed!: boolean;
}

@ObjectType('DecisionHistoryIssue')
export class DecisionHistoryIssueType {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  // The issue's and the agreement's statuses are words of the contexts audit reads through its port
  // (libs/audit may not import them: contexts point one way), so they stay strings here.
  @Field(() => String, { description: 'Its status in the issues context (SUBMITTED, FORWARDED, RESOLVED, ...).' }) status!: string;
  @Field(() => ID, { description: 'The submitting organisation.' }) organizationId!: string;
}

@ObjectType('DecisionHistoryPosition')
export class DecisionHistoryPositionType {
  @Field(() => ID) organizationId!: string;
  @Field(() => String) position!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

@ObjectType('DecisionHistoryActionItem')
export class DecisionHistoryActionItemType {
  @Field(() => ID) id!: string;
  @Field(() => String) description!: string;
  @Field(() => ID) responsibleOrganizationId!: string;
  @Field(() => String) dueDate!: string;
  @Field(() => ActionItemStatusEnum) status!: ActionItemStatus;
}

@ObjectType('DecisionHistoryAgreement')
export class DecisionHistoryAgreementType {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'Its status now.' }) status!: string;
}

@ObjectType('DecisionHistory', {
  description:
    'A decision’s whole story: the issue that led to it, the agenda item, the meeting and attendance, each organisation’s position, ' +
    'the supersessions or revocation, the action items and the agreements that cite it — every step with its audit entry.',
})
export class DecisionHistoryType {
  @Field(() => ID) decisionId!: string;
  @Field(() => String, { nullable: true, description: 'The instant (ISO 8601) the story is told as of; null for now.' }) asOf!: string | null;
  @Field(() => String) text!: string;
  @Field(() => DecisionStatusEnum) status!: DecisionStatus;
  @Field(() => ID) meetingId!: string;
  @Field(() => ID) agendaItemId!: string;
  @Field(() => ID, { nullable: true }) supersedes!: string | null;
  @Field(() => ID, { nullable: true }) supersededBy!: string | null;
  @Field(() => String, { nullable: true }) revokedReason!: string | null;
  @Field(() => DecisionHistoryMeetingType, { nullable: true }) meeting!: DecisionHistoryMeetingType | null;
  @Field(() => DecisionHistoryAgendaItemType, { nullable: true }) agendaItem!: DecisionHistoryAgendaItemType | null;
  @Field(() => DecisionHistoryIssueType, { nullable: true }) issue!: DecisionHistoryIssueType | null;
  @Field(() => [String], { description: 'The organisations present at the meeting.' }) attendance!: string[];
  @Field(() => [DecisionHistoryPositionType]) positions!: DecisionHistoryPositionType[];
  @Field(() => [DecisionHistoryActionItemType]) actionItems!: DecisionHistoryActionItemType[];
  @Field(() => [DecisionHistoryAgreementType], { description: 'The agreements that cite the decision (auditors and the secretariat see drafts too).' })
  agreements!: DecisionHistoryAgreementType[];
  @Field(() => [DecisionHistoryStepType], { description: 'Every step in log order.' }) steps!: DecisionHistoryStepType[];
}
