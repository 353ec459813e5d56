import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, PageArgs, registerLabelledEnum, IDEMPOTENCY_KEY_FIELD } from '@kom/platform';
import type { AgreementStatus } from '../domain/agreement-status';
import type { ClauseSection } from '../domain/agreement.events';

export const AGREEMENT_STATUS_LABELS = {
  DRAFT: { nb: 'Utkast', en: 'Draft' },
  AWAITING_SIGNATURES: { nb: 'Venter på signaturer', en: 'Awaiting signatures' },
  PENDING: { nb: 'Signert, ikke trådt i kraft', en: 'Signed, not yet in force' },
  IN_FORCE: { nb: 'I kraft', en: 'In force' },
  EXPIRED: { nb: 'Utløpt', en: 'Expired' },
  TERMINATED: { nb: 'Sagt opp', en: 'Terminated' },
} as const satisfies Record<AgreementStatus, { nb: string; en: string }>;

export const AgreementStatusEnum = registerLabelledEnum<AgreementStatus>(
  'AgreementStatus',
  AGREEMENT_STATUS_LABELS,
  'Where a cooperation agreement stands today (computed from its dates and signatures, from the clock).',
);

export const CLAUSE_SECTION_LABELS = {
  ROLES_AND_RESPONSIBILITIES: { nb: 'Roller og ansvar', en: 'Roles and responsibilities' },
  CONTACT_POINTS: { nb: 'Kontaktpunkter', en: 'Contact points' },
  INFORMATION_SHARING_AND_CONFIDENTIALITY: { nb: 'Informasjonsdeling og taushetsplikt', en: 'Information sharing and duty of confidentiality' },
  VICTIM_ROUTE: { nb: 'Offerets vei mellom partene', en: "The victim's route between the parties" },
  TERM_AND_REVIEW: { nb: 'Varighet og evaluering', en: 'Term and review' },
} as const satisfies Record<ClauseSection, { nb: string; en: string }>;

export const ClauseSectionEnum = registerLabelledEnum<ClauseSection>(
  'AgreementClauseSection',
  CLAUSE_SECTION_LABELS,
  'The structured sections of a cooperation agreement.',
);

export enum ChangeKind {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  CHANGED = 'CHANGED',
}
registerEnumType(ChangeKind, { name: 'AgreementChangeKind', description: 'How a clause or party differs between two versions.' });

@ObjectType({ description: 'An organisation that is party to a version of an agreement, and its role in the cooperation.' })
export class AgreementParty {
  @Field(() => ID) organizationId!: string;
  @Field(() => String, { description: 'The name in the register when the version was made (a merged district keeps the name it signed under).' })
  name!: string;
  @Field(() => String, { description: 'The kind in the register (POLICE, NGO, AGENCY, ...): its primary classification, not its roles.' }) kind!: string;
  @Field(() => Boolean, { description: 'The police party of the version: it held the POLICE role in the register when it became the police party.' })
  police!: boolean;
  @Field(() => String) role!: string;
}

@ObjectType({ description: 'The organisation that holds a merged police district’s place today, as the register names it now.' })
export class AgreementPartyHolder {
  @Field(() => ID) organizationId!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ description: 'One section of an agreement: Norwegian text, optionally English.' })
export class AgreementClause {
  @Field(() => ClauseSectionEnum) section!: ClauseSection;
  @Field(() => String, { description: 'Norwegian text (binding).' }) nb!: string;
  @Field(() => String, { nullable: true, description: 'English translation, when given.' }) en!: string | null;
}

@ObjectType({ description: 'A party signed a version: who signed, when, for which organisation.' })
export class AgreementSignature {
  @Field(() => Int) version!: number;
  @Field(() => ID) organizationId!: string;
  @Field(() => String, { nullable: true, description: 'The organisation as named in that version.' }) organizationName!: string | null;
  @Field(() => String, { description: 'The user id of the signer (from the verified token).' }) signedBy!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The registered representative who signed (see `representative` for the name as registered now); null when not recorded then.',
  })
  representativeId!: string | null;
  @Field(() => String, { description: 'ISO 8601.' }) signedAt!: string;
}

@ObjectType({ description: 'A version of an agreement. Every change makes a new version; old versions stay readable.' })
export class AgreementVersion {
  @Field(() => Int) number!: number;
  @Field(() => String) title!: string;
  @Field(() => String) purpose!: string;
  @Field(() => [AgreementParty]) parties!: AgreementParty[];
  @Field(() => [AgreementClause]) clauses!: AgreementClause[];
  @Field(() => String, { description: 'YYYY-MM-DD: the first day the version can be in force.' }) effectiveFrom!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the first day it is no longer in force; null: no end date.' })
  expiresOn!: string | null;
  @Field(() => [String], { description: 'Ids of the KOM decisions cited.' }) citedDecisionIds!: string[];
  @Field(() => String, { description: 'ISO 8601.' }) createdAt!: string;
  @Field(() => String, { nullable: true, description: 'ISO 8601; null while not proposed for signature.' }) proposedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 8601: when the last party signed; null while a signature is missing.' })
  fullySignedAt!: string | null;
  @Field(() => [AgreementSignature]) signatures!: AgreementSignature[];
  @Field(() => [ID], { description: 'The parties that have not signed this version.' }) missingSignatures!: string[];
}

@ObjectType({ description: 'Notice of termination given by a party.' })
export class AgreementTermination {
  @Field(() => ID) organizationId!: string;
  @Field(() => String) terminatedBy!: string;
  @Field(() => String) reason!: string;
  @Field(() => String, { description: 'YYYY-MM-DD: the first day the agreement is no longer in force.' }) effectiveOn!: string;
  @Field(() => String, { description: 'ISO 8601: when notice was given.' }) noticeGivenAt!: string;
}

@ObjectType({ description: 'A cooperation agreement between the police and their partners (measure 34).' })
export class Agreement {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Title of the current version.' }) title!: string;
  @Field(() => String, { description: 'Purpose of the current version.' }) purpose!: string;
  @Field(() => AgreementStatusEnum) status!: AgreementStatus;
  @Field(() => String, { description: 'ISO 8601: the instant the status and versionInForce are computed for (now, or asOf).' })
  statusAt!: string;
  @Field(() => [AgreementParty], { description: 'The parties of the current version.' }) parties!: AgreementParty[];
  @Field(() => [AgreementVersion], { description: 'Every version you may read, oldest first.' }) versions!: AgreementVersion[];
  @Field(() => [AgreementSignature], { description: 'Every signature on the versions you may read.' }) signatures!: AgreementSignature[];
  @Field(() => AgreementVersion, { description: 'The newest version you may read.' }) currentVersion!: AgreementVersion;
  @Field(() => AgreementVersion, { nullable: true, description: 'The version in force at statusAt, if any.' })
  versionInForce!: AgreementVersion | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: expiry of the version in force, else of the current version.' })
  expiresOn!: string | null;
  @Field(() => [String], { description: 'KOM decisions cited by the current version.' }) citedDecisionIds!: string[];
  @Field(() => AgreementTermination, { nullable: true }) termination!: AgreementTermination | null;
  @Field(() => Int, { description: 'Revision of the agreement; pass it as expectedRevision to guard a change.' }) revision!: number;
}

export const AgreementConnection = Connection(Agreement);

@InputType()
export class AgreementsFilter {
  @Field(() => ID, { nullable: true, description: "Agreements this organisation is party to (in any version), or a merged police district is whose place it holds today." })
  partyId?: string | null;
  @Field(() => AgreementStatusEnum, { nullable: true, description: 'Status today.' }) status?: AgreementStatus | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: agreements whose expiresOn is before this date.' })
  expiringBefore?: string | null;
  @Field(() => ID, { nullable: true, description: 'Agreements citing this KOM decision (in any version).' })
  citingDecisionId?: string | null;
}

@ArgsType()
export class AgreementsArgs extends PageArgs {
  @Field(() => AgreementsFilter, { nullable: true }) filter?: AgreementsFilter | null;
}

@InputType()
export class AgreementPartyInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => String, { description: 'What this party does in the cooperation.' }) role!: string;
}

@InputType()
export class AgreementClauseInput {
  @Field(() => ClauseSectionEnum) section!: ClauseSection;
  @Field(() => String) nb!: string;
  @Field(() => String, { nullable: true }) en?: string | null;
}

@InputType()
export class DraftAgreementInput {
  @Field(() => String, IDEMPOTENCY_KEY_FIELD)
  idempotencyKey?: string | null;

  @Field(() => String) title!: string;
  @Field(() => String) purpose!: string;
  @Field(() => [AgreementPartyInput], { description: 'One police organisation and at least one other.' }) parties!: AgreementPartyInput[];
  @Field(() => [AgreementClauseInput]) clauses!: AgreementClauseInput[];
  @Field(() => String, { description: 'YYYY-MM-DD.' }) effectiveFrom!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, after effectiveFrom.' }) expiresOn?: string | null;
  @Field(() => [ID], { nullable: true }) citedDecisionIds?: string[] | null;
}

@InputType({ description: 'A new version: fields left out keep the current version’s value; expiresOn: null removes the expiry date.' })
export class AmendAgreementInput {
  @Field(() => ID) agreementId!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) purpose?: string | null;
  @Field(() => [AgreementPartyInput], { nullable: true }) parties?: AgreementPartyInput[] | null;
  @Field(() => [AgreementClauseInput], { nullable: true }) clauses?: AgreementClauseInput[] | null;
  @Field(() => String, { nullable: true }) effectiveFrom?: string | null;
  @Field(() => String, { nullable: true }) expiresOn?: string | null;
  @Field(() => [ID], { nullable: true }) citedDecisionIds?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'The revision you read; a different current revision is a CONFLICT.' })
  expectedRevision?: number | null;
}

@InputType({ description: 'Propose the current version for signature by every party.' })
export class ProposeAgreementForSignatureInput {
  @Field(() => ID) agreementId!: string;
  @Field(() => Int, { description: 'The version number: the current version.' }) version!: number;
  @Field(() => Int, { nullable: true, description: 'The revision you read; a different current revision is a CONFLICT.' })
  expectedRevision?: number | null;
}

@InputType({ description: "Sign the proposed version for your organisation (the token's organisation)." })
export class SignAgreementInput {
  @Field(() => ID) agreementId!: string;
  @Field(() => Int, { description: 'The version number: the version proposed for signature.' }) version!: number;
  @Field(() => Int, { nullable: true, description: 'The revision you read; a different current revision is a CONFLICT.' })
  expectedRevision?: number | null;
}

@InputType()
export class RenewAgreementInput {
  @Field(() => ID) agreementId!: string;
  @Field(() => String, { description: 'YYYY-MM-DD: the new expiry date, after the current one.' }) expiresOn!: string;
  @Field(() => Int, { nullable: true }) expectedRevision?: number | null;
}

@InputType()
export class TerminateAgreementInput {
  @Field(() => ID) agreementId!: string;
  @Field(() => String) reason!: string;
  @Field(() => String, { description: 'YYYY-MM-DD: the first day the agreement is no longer in force (today or later).' })
  effectiveOn!: string;
  @Field(() => Int, { nullable: true }) expectedRevision?: number | null;
}

@ObjectType()
export class AgreementTextChange {
  @Field(() => String, { nullable: true }) from!: string | null;
  @Field(() => String, { nullable: true }) to!: string | null;
}

@ObjectType({ description: 'How one section differs between two versions, per language.' })
export class AgreementClauseDiff {
  @Field(() => ClauseSectionEnum) section!: ClauseSection;
  @Field(() => ChangeKind) change!: ChangeKind;
  @Field(() => AgreementTextChange, { nullable: true, description: 'Set when the Norwegian text differs.' }) nb!: AgreementTextChange | null;
  @Field(() => AgreementTextChange, { nullable: true, description: 'Set when the English text differs.' }) en!: AgreementTextChange | null;
}

@ObjectType({ description: 'How one party differs between two versions.' })
export class AgreementPartyDiff {
  @Field(() => ID) organizationId!: string;
  @Field(() => String) name!: string;
  @Field(() => ChangeKind) change!: ChangeKind;
  @Field(() => AgreementTextChange, { nullable: true }) role!: AgreementTextChange | null;
}

@ObjectType()
export class AgreementCitedDecisionsDiff {
  @Field(() => [ID]) added!: string[];
  @Field(() => [ID]) removed!: string[];
}

@ObjectType({ description: 'Two versions of an agreement compared: only what differs is listed.' })
export class AgreementVersionDiff {
  @Field(() => ID) agreementId!: string;
  @Field(() => Int) fromVersion!: number;
  @Field(() => Int) toVersion!: number;
  @Field(() => AgreementTextChange, { nullable: true }) title!: AgreementTextChange | null;
  @Field(() => AgreementTextChange, { nullable: true }) purpose!: AgreementTextChange | null;
  @Field(() => AgreementTextChange, { nullable: true }) effectiveFrom!: AgreementTextChange | null;
  @Field(() => AgreementTextChange, { nullable: true }) expiresOn!: AgreementTextChange | null;
  @Field(() => [AgreementClauseDiff]) clauses!: AgreementClauseDiff[];
  @Field(() => [AgreementPartyDiff]) parties!: AgreementPartyDiff[];
  @Field(() => AgreementCitedDecisionsDiff) citedDecisions!: AgreementCitedDecisionsDiff;
}
