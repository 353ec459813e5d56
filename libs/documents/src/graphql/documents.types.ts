import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Lang } from '@kom/platform';
import { DecisionStatusEnum, MeetingKindEnum } from '@kom/meetings';

export enum DocumentKindEnum {
  AGENDA = 'agenda',
  MINUTES = 'minutes',
  DECISION_REGISTER = 'decision-register',
  CALENDAR = 'calendar',
  ANNUAL_REPORT = 'annual-report',
}
registerEnumType(DocumentKindEnum, {
  name: 'DocumentKind',
  description: 'AGENDA and MINUTES of a meeting (PDF, HTML), the DECISION_REGISTER (CSV, XLSX), a CALENDAR of meetings (ICS), the ANNUAL_REPORT (status report of a year: PDF, HTML).',
});

export enum DocumentFormatEnum {
  PDF = 'pdf',
  HTML = 'html',
  CSV = 'csv',
  XLSX = 'xlsx',
  ICS = 'ics',
}
registerEnumType(DocumentFormatEnum, { name: 'DocumentFormat' });

@InputType({ description: 'Which document, in which format and language, with its parameters.' })
export class DocumentInput {
  @Field(() => DocumentKindEnum)
  kind!: DocumentKindEnum;

  @Field(() => DocumentFormatEnum)
  format!: DocumentFormatEnum;

  @Field(() => Lang, { defaultValue: Lang.NB })
  lang!: Lang;

  @Field(() => ID, { nullable: true, description: 'AGENDA, MINUTES: the meeting. DECISION_REGISTER: only its decisions.' })
  meetingId?: string | null;

  @Field(() => MeetingKindEnum, { nullable: true, description: 'DECISION_REGISTER, CALENDAR: one body.' })
  body?: string | null;

  @Field(() => ID, { nullable: true, description: 'DECISION_REGISTER: decisions concerning it. CALENDAR: the meetings of its bodies.' })
  organizationId?: string | null;

  @Field(() => Int, { nullable: true, description: 'DECISION_REGISTER: decisions citing this measure.' })
  measure?: number | null;

  @Field(() => ID, { nullable: true, description: 'DECISION_REGISTER: the plan of `measure` (default 2011-2014).' })
  plan?: string | null;

  @Field(() => DecisionStatusEnum, { nullable: true })
  status?: string | null;

  @Field(() => String, { nullable: true, description: 'DECISION_REGISTER: recorded on or after this date (YYYY-MM-DD, Oslo).' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'DECISION_REGISTER: recorded on or before this date (YYYY-MM-DD, Oslo).' })
  to?: string | null;

  @Field(() => Int, { nullable: true, description: 'ANNUAL_REPORT: the year.' })
  year?: number | null;

  @Field(() => Int, { nullable: true, description: 'ANNUAL_REPORT: the edition (default: the newest the caller may read).' })
  edition?: number | null;

  @Field(() => String, { nullable: true, description: 'Build from the read models as they stood at this log position (default: now).' })
  position?: string | null;
}

@ObjectType({ description: 'A document built from the log, where to download it, and its provenance.' })
export class DocumentLink {
  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'What to save it as.' })
  fileName!: string;

  @Field(() => String)
  contentType!: string;

  @Field(() => String, { description: 'GET this (with the same credentials) for the file; it names the position, so it never changes.' })
  url!: string;

  @Field(() => Int)
  byteLength!: number;

  @Field(() => String, { description: 'SHA-256 of the file (hex): also its ETag.' })
  sha256!: string;

  @Field(() => String, { description: 'The log position the document was built from.' })
  position!: string;

  @Field(() => String, { nullable: true, description: 'The chain hash of the event at that position.' })
  eventHash!: string | null;

  @Field(() => String, { description: 'The Merkle root of the log up to that position.' })
  rootHash!: string;

  @Field(() => Int, { description: 'Leaves under that root.' })
  treeSize!: number;

  @Field(() => Int, { nullable: true, description: 'The signed checkpoint at or before the position (its tree size), if any.' })
  checkpointTreeSize!: number | null;
}

@ObjectType({ description: 'A calendar feed: meetings as iCalendar, subscribed by a secret URL.' })
export class CalendarFeed {
  @Field(() => ID)
  id!: string;

  @Field(() => MeetingKindEnum, { nullable: true })
  body!: string | null;

  @Field(() => ID, { nullable: true })
  organizationId!: string | null;

  @Field(() => Lang)
  lang!: Lang;

  @Field(() => String)
  createdAt!: string;

  @Field(() => String, { nullable: true })
  revokedAt!: string | null;
}

@ObjectType()
export class NewCalendarFeed {
  @Field(() => CalendarFeed)
  feed!: CalendarFeed;

  @Field(() => String, { description: 'The feed URL (path) with its secret: shown once, never again. Revoke the feed if it leaks.' })
  url!: string;
}

@InputType()
export class CreateCalendarFeedInput {
  @Field(() => MeetingKindEnum, { nullable: true, description: 'Follow one body …' })
  body?: string | null;

  @Field(() => ID, { nullable: true, description: '… or the meetings of one organisation (your own, unless you are the secretariat or an auditor).' })
  organizationId?: string | null;

  @Field(() => Lang, { defaultValue: Lang.NB })
  lang!: Lang;
}

@InputType()
export class RevokeCalendarFeedInput {
  @Field(() => ID)
  feedId!: string;
}
