import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { registerLabelledEnum } from '@kom/platform';
import type { MeasureArea, Ministry } from '../domain/measure.events';
import type { MeasureCitationKind } from '../application/citations.port';

/** The plan's six goals (chapters 4 to 9), under which its measures are listed. */
export const MEASURE_AREA_LABELS = {
  INTERNATIONAL_FRAMEWORK: {
    nb: 'Det internasjonale rammeverk og samarbeid skal styrkes',
    en: 'The international framework and cooperation shall be strengthened',
  },
  COOPERATION_AND_COMPETENCE: {
    nb: 'Tverrfaglig samarbeid og kompetanseutvikling skal intensiveres',
    en: 'Multidisciplinary cooperation and competence building shall be intensified',
  },
  PREVENTION: { nb: 'Menneskehandel skal forebygges', en: 'Human trafficking shall be prevented' },
  IDENTIFICATION_AND_ASSISTANCE: {
    nb: 'Flere ofre skal identifiseres og tilbys bistand og beskyttelse',
    en: 'More victims shall be identified and offered assistance and protection',
  },
  CHILDREN: { nb: 'Menneskehandel med barn skal hindres', en: 'Trafficking in children shall be prevented' },
  PROSECUTION: { nb: 'Menneskehandlere skal straffeforfølges', en: 'Traffickers shall be prosecuted' },
} as const satisfies Record<MeasureArea, { nb: string; en: string }>;

/** The ministries as the plan names them (2010). */
export const MINISTRY_LABELS = {
  UD: { nb: 'Utenriksdepartementet', en: 'Ministry of Foreign Affairs' },
  JD: { nb: 'Justis- og politidepartementet', en: 'Ministry of Justice and the Police' },
  BLD: { nb: 'Barne-, likestillings- og inkluderingsdepartementet', en: 'Ministry of Children, Equality and Social Inclusion' },
  FD: { nb: 'Forsvarsdepartementet', en: 'Ministry of Defence' },
  HOD: { nb: 'Helse- og omsorgsdepartementet', en: 'Ministry of Health and Care Services' },
  AD: { nb: 'Arbeidsdepartementet', en: 'Ministry of Labour' },
  KRD: { nb: 'Kommunal- og regionaldepartementet', en: 'Ministry of Local Government and Regional Development' },
} as const satisfies Record<Ministry, { nb: string; en: string }>;

export const MeasureAreaEnum = registerLabelledEnum<MeasureArea>('MeasureArea', MEASURE_AREA_LABELS, "The action plan's areas (goals).");
export const MinistryEnum = registerLabelledEnum<Ministry>('Ministry', MINISTRY_LABELS, 'A ministry responsible for measures.');

export const MEASURE_CITATION_KIND_LABELS = {
  DECISION: { nb: 'Vedtak', en: 'Decision' },
  AGENDA_ITEM: { nb: 'Sak på sakslisten', en: 'Agenda item' },
  ISSUE: { nb: 'Problemstilling', en: 'Issue' },
  AGREEMENT: { nb: 'Samarbeidsavtale', en: 'Cooperation agreement' },
} as const satisfies Record<MeasureCitationKind, { nb: string; en: string }>;

export const MeasureCitationKindEnum = registerLabelledEnum<MeasureCitationKind>('MeasureCitationKind', MEASURE_CITATION_KIND_LABELS, 'What cites a measure.');

@ObjectType({ description: 'A decision, agenda item, issue or cooperation agreement that cites a measure (an agreement: through a decision it cites).' })
export class MeasureCitation {
  @Field(() => MeasureCitationKindEnum)
  kind!: MeasureCitationKind;

  @Field(() => ID, { description: "The decision's, agenda item's, issue's or agreement's id." })
  id!: string;

  @Field(() => String, { description: 'Its title (a decision: its text).' })
  title!: string;

  @Field(() => ID, { nullable: true, description: 'The meeting of a decision or an agenda item.' })
  meetingId!: string | null;

  @Field(() => String, { nullable: true, description: "Its status in its own context's words (ACTIVE, SUBMITTED, IN_FORCE, ...)." })
  status!: string | null;

  @Field(() => String, { nullable: true, description: 'When it was recorded, submitted or drafted (ISO 8601); null for an agenda item.' })
  at!: string | null;

  @Field(() => [ID], { description: 'For an agreement: the decisions it cites that cite the measure.' })
  viaDecisionIds!: string[];
}

@ObjectType({ description: 'A measure (tiltak) of an action plan against human trafficking, cited as (plan, number).' })
export class Measure {
  @Field(() => ID, { description: "The plan's id (e.g. 2011-2014)." })
  planId!: string;

  @Field(() => Int, { description: "The measure's number in its plan (the 2011–2014 plan: 1 to 35)." })
  number!: number;

  @Field(() => MeasureAreaEnum)
  area!: MeasureArea;

  @Field(() => [MinistryEnum], { description: 'Responsible ministries, lead ministry first.' })
  ministries!: Ministry[];
}

@ArgsType()
export class MeasuresArgs {
  @Field(() => ID, { nullable: true, description: 'The plan (default: 2011-2014, the plan citations without a plan mean).' })
  plan?: string | null;

  @Field(() => MeasureAreaEnum, { nullable: true })
  area?: MeasureArea | null;

  @Field(() => MinistryEnum, { nullable: true, description: 'Only measures this ministry is responsible for (alone or with others).' })
  ministry?: Ministry | null;
}
