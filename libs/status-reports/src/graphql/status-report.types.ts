import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Lang } from '@kom/platform';

export enum ReportChapterEnum {
  TRENDS = 'TRENDS',
  CHALLENGES = 'CHALLENGES',
  RESEARCH_NEEDS = 'RESEARCH_NEEDS',
}
registerEnumType(ReportChapterEnum, { name: 'ReportChapter', description: "The secretariat's chapters of the annual status report." });

export enum ReportEditionStatusEnum {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(ReportEditionStatusEnum, { name: 'ReportEditionStatus' });

@ObjectType({ description: 'One chapter in one language.' })
export class ReportChapterText {
  @Field(() => ReportChapterEnum) chapter!: ReportChapterEnum;
  @Field(() => Lang) lang!: Lang;
  @Field() text!: string;
  @Field() writtenAt!: string;
}

@ObjectType({ description: "An agency's annual count of identified presumed victims by form of exploitation (as recorded; documents suppress small numbers)." })
export class ReportFigures {
  @Field(() => ID) organizationId!: string;
  @Field(() => Int) sexualExploitation!: number;
  @Field(() => Int) forcedLabour!: number;
  @Field(() => Int) forcedCriminality!: number;
  @Field(() => Int) begging!: number;
  @Field(() => Int) other!: number;
}

@ObjectType({ description: 'An edition of a status report. A published edition never changes; a correction is the next edition.' })
export class StatusReportEdition {
  @Field(() => Int) edition!: number;
  @Field(() => ReportEditionStatusEnum) status!: ReportEditionStatusEnum;
  @Field(() => String, { nullable: true, description: 'What a correction changed (editions after the first).' }) correctionNote!: string | null;
  @Field(() => ID, { nullable: true, description: "The project group's decision that approved it." }) decisionId!: string | null;
  @Field(() => String, { nullable: true }) approvedAt!: string | null;
  @Field(() => String, { nullable: true }) publishedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'The log position of its publication: it is built there, the same bytes forever.' })
  publishedPosition!: string | null;
  @Field(() => String, { nullable: true, description: 'Where anyone can GET it without credentials, once published (add .html for HTML, ?lang=en for English).' })
  publicUrl!: string | null;
  @Field(() => [ReportChapterText]) chapters!: ReportChapterText[];
  @Field(() => [ReportFigures], { description: 'Recorded figures; to the secretariat and agency members only.' }) figures!: ReportFigures[];
}

@ObjectType({ description: 'The annual status report of a year (measure 6): trends, challenges and research needs.' })
export class StatusReport {
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: 'The newest edition this caller may see.' }) edition!: number;
  @Field(() => ReportEditionStatusEnum) status!: ReportEditionStatusEnum;
  @Field(() => [StatusReportEdition], { description: 'Oldest first; drafts only to the secretariat and agency members.' }) editions!: StatusReportEdition[];
}

@InputType()
export class StatusReportYearInput {
  @Field(() => Int) year!: number;
}

@InputType()
export class WriteStatusReportChapterInput {
  @Field(() => Int) year!: number;
  @Field(() => ReportChapterEnum) chapter!: ReportChapterEnum;
  @Field(() => Lang) lang!: Lang;
  @Field({ description: 'Paragraphs separated by a blank line; lines starting with "- " are a list.' }) text!: string;
}

@InputType({ description: 'Whole numbers for the year; a form left out counts 0. Replaces what the organisation recorded before.' })
export class RecordStatusReportFiguresInput {
  @Field(() => Int) year!: number;
  @Field(() => ID) organizationId!: string;
  @Field(() => Int, { nullable: true }) sexualExploitation?: number | null;
  @Field(() => Int, { nullable: true }) forcedLabour?: number | null;
  @Field(() => Int, { nullable: true }) forcedCriminality?: number | null;
  @Field(() => Int, { nullable: true }) begging?: number | null;
  @Field(() => Int, { nullable: true }) other?: number | null;
}

@InputType()
export class ApproveStatusReportInput {
  @Field(() => Int) year!: number;
  @Field(() => ID, { description: 'A decision taken at a PROJECT_GROUP or JOINT meeting.' }) decisionId!: string;
}

@InputType()
export class CorrectStatusReportInput {
  @Field(() => Int) year!: number;
  @Field({ description: 'What the correction changes; shown in the new edition.' }) note!: string;
}
