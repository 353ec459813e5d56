import { InvalidInput, isCalendarDate, isCitedPlanId } from '@kom/kernel';
import type { ReadModelDatabase } from '@kom/projections';
import type { Audience } from './provenance/provenance';
import type { DocumentLang } from './labels/document-labels';
import type { DocumentModel } from './render/document-model';
import type { DocumentFormat } from './render/renderer.port';
import { decisionRegister, type DecisionRegisterFilter } from './registers/decision-register';
import { agendaDocument, minutesDocument } from './meetings/meeting-documents';
import { annualReport } from './reports/annual-report';
import type { ReportSources } from './reports/report-sources.port';
import { meetingCalendar, type CalendarScope, type MeetingBody } from './calendar/meeting-calendar';

export const DOCUMENT_KINDS = ['agenda', 'minutes', 'decision-register', 'calendar', 'annual-report'] as const;
export type DocumentKindName = (typeof DOCUMENT_KINDS)[number];

/** What building a document may consult besides the read models. */
export interface BuildContext {
  readonly readModels: ReadModelDatabase;
  readonly audience: Audience;
  readonly lang: DocumentLang;
  /** The Oslo date of the document's log position: "today" for the document. */
  readonly onDate: string;
  /** The time of the event at the document's position: the document's "now". */
  readonly at: Date;
  readonly meetingUrl: (meetingId: string) => string | null;
  readonly reportSources: ReportSources;
}

export interface DocumentKind {
  readonly name: DocumentKindName;
  readonly formats: readonly DocumentFormat[];
  /** Checks and normalises the parameters (strings in, strings out); refuses with BAD_USER_INPUT. */
  params(raw: Readonly<Record<string, unknown>>): Record<string, string>;
  build(params: Readonly<Record<string, string>>, context: BuildContext): DocumentModel;
  /** A file name that says what the file is: kom-agenda-2026-12-03-<id8>.pdf */
  baseName(params: Readonly<Record<string, string>>): string;
  /**
   * The projections (by name) the kind reads, with those of the report sources: a replay to a
   * position runs only these. Every projection when not given.
   */
  projections?(sources: ReportSources): readonly string[];
}

const BODIES: readonly MeetingBody[] = ['PROJECT_GROUP', 'REFERENCE_GROUP', 'JOINT'];
const STATUSES = ['ACTIVE', 'SUPERSEDED', 'REVOKED'] as const;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

function only(raw: Readonly<Record<string, unknown>>, allowed: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === null || value === '') continue;
    if (!allowed.includes(key)) throw new InvalidInput('UNKNOWN_DOCUMENT_PARAMETER', `${key} is not a parameter of this document (allowed: ${allowed.join(', ') || 'none'})`);
    if (typeof value !== 'string' && typeof value !== 'number') throw new InvalidInput('INVALID_DOCUMENT_PARAMETER', `${key} must be a string`);
    out[key] = String(value);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function id(params: Record<string, string>, key: string, required: boolean): void {
  const value = params[key];
  if (value === undefined) {
    if (required) throw new InvalidInput('DOCUMENT_PARAMETER_MISSING', `${key} is required`);
    return;
  }
  if (!ID.test(value)) throw new InvalidInput('INVALID_DOCUMENT_PARAMETER', `${key} is not a valid id`);
}

function oneOf<T extends string>(params: Record<string, string>, key: string, values: readonly T[]): void {
  const value = params[key];
  if (value !== undefined && !(values as readonly string[]).includes(value)) {
    throw new InvalidInput('INVALID_DOCUMENT_PARAMETER', `${key} must be one of ${values.join(', ')}`);
  }
}

function date(params: Record<string, string>, key: string): void {
  const value = params[key];
  if (value !== undefined && !isCalendarDate(value)) throw new InvalidInput('INVALID_DOCUMENT_PARAMETER', `${key} must be a date (YYYY-MM-DD)`);
}

const meetingKind = (name: 'agenda' | 'minutes'): DocumentKind => ({
  name,
  formats: ['pdf', 'html'],
  params(raw) {
    const params = only(raw, ['meetingId']);
    id(params, 'meetingId', true);
    return params;
  },
  build(params, context) {
    return name === 'agenda'
      ? agendaDocument(context.readModels, params.meetingId!, context.lang, { mayReadDraftAgenda: context.audience.role === 'SECRETARIAT' })
      : minutesDocument(context.readModels, params.meetingId!, context.lang, context.at);
  },
  baseName: (params) => `kom-${name}-${params.meetingId!.slice(0, 8)}`,
});

const decisionRegisterKind: DocumentKind = {
  name: 'decision-register',
  formats: ['csv', 'xlsx'],
  params(raw) {
    const params = only(raw, ['body', 'measure', 'plan', 'organizationId', 'status', 'meetingId', 'from', 'to']);
    oneOf(params, 'body', BODIES);
    oneOf(params, 'status', STATUSES);
    id(params, 'organizationId', false);
    id(params, 'meetingId', false);
    date(params, 'from');
    date(params, 'to');
    if (params.measure !== undefined && !/^[1-9][0-9]{0,2}$/.test(params.measure)) throw new InvalidInput('INVALID_DOCUMENT_PARAMETER', 'measure must be a measure number');
    if (params.plan !== undefined) {
      if (!isCitedPlanId(params.plan)) throw new InvalidInput('INVALID_DOCUMENT_PARAMETER', 'plan must be an action plan id (such as 2011-2014)');
      // A plan alone would read as "decisions citing this plan", which the register does not filter by.
      if (params.measure === undefined) throw new InvalidInput('INVALID_DOCUMENT_PARAMETER', 'plan names the plan of measure: give measure too');
    }
    return params;
  },
  build(params, context) {
    const filter: DecisionRegisterFilter = {
      body: params.body as MeetingBody | undefined,
      status: params.status as DecisionRegisterFilter['status'],
      organizationId: params.organizationId,
      meetingId: params.meetingId,
      from: params.from,
      to: params.to,
      measure: params.measure === undefined ? undefined : Number(params.measure),
      plan: params.plan,
    };
    return decisionRegister(context.readModels, filter, context.lang);
  },
  baseName: () => 'kom-decision-register',
};

const calendarKind: DocumentKind = {
  name: 'calendar',
  formats: ['ics'],
  params(raw) {
    const params = only(raw, ['body', 'organizationId']);
    oneOf(params, 'body', BODIES);
    id(params, 'organizationId', false);
    if ((params.body === undefined) === (params.organizationId === undefined)) {
      throw new InvalidInput('DOCUMENT_PARAMETER_MISSING', 'a calendar is for one body or for one organisation: give body or organizationId');
    }
    return params;
  },
  build(params, context) {
    const scope: CalendarScope = params.body ? { body: params.body as MeetingBody } : { organizationId: params.organizationId! };
    return meetingCalendar(context.readModels, scope, context.lang, {
      mayReadDraftAgenda: context.audience.role === 'SECRETARIAT',
      onDate: context.onDate,
      meetingUrl: context.meetingUrl,
    });
  },
  baseName: (params) => `kom-calendar-${(params.body ?? params.organizationId!).toLowerCase()}`,
};

const annualReportKind: DocumentKind = {
  name: 'annual-report',
  formats: ['pdf', 'html'],
  params(raw) {
    const params = only(raw, ['year', 'edition']);
    if (params.year === undefined) throw new InvalidInput('DOCUMENT_PARAMETER_MISSING', 'year is required');
    if (!/^(20[0-9]{2}|2100)$/.test(params.year)) throw new InvalidInput('INVALID_DOCUMENT_PARAMETER', 'year is a year from 2000 to 2100');
    if (params.edition !== undefined && !/^[1-9][0-9]{0,3}$/.test(params.edition)) throw new InvalidInput('INVALID_DOCUMENT_PARAMETER', 'edition is a whole number of 1 or more');
    return params;
  },
  build(params, context) {
    const request = { year: Number(params.year), edition: params.edition === undefined ? undefined : Number(params.edition) };
    return annualReport(context.readModels, request, context.lang, context.audience.role, context.reportSources, context.at, context.onDate);
  },
  projections: (sources) => ['status_reports', 'organizations', 'meetings', 'attendance', 'decisions', 'action_items', ...sources.projections],
  baseName: (params) => `kom-annual-report-${params.year}${params.edition ? `-e${params.edition}` : ''}`,
};

export const KINDS: Readonly<Record<DocumentKindName, DocumentKind>> = {
  agenda: meetingKind('agenda'),
  minutes: meetingKind('minutes'),
  'decision-register': decisionRegisterKind,
  calendar: calendarKind,
  'annual-report': annualReportKind,
};

export function documentKind(name: string): DocumentKind {
  if (!(DOCUMENT_KINDS as readonly string[]).includes(name)) {
    throw new InvalidInput('UNKNOWN_DOCUMENT_KIND', `no document kind ${name} (kinds: ${DOCUMENT_KINDS.join(', ')})`);
  }
  return KINDS[name as DocumentKindName];
}

export function checkFormat(kind: DocumentKind, format: string): DocumentFormat {
  if (!(kind.formats as readonly string[]).includes(format)) {
    throw new InvalidInput('UNSUPPORTED_DOCUMENT_FORMAT', `${kind.name} comes as ${kind.formats.join(' or ')}, not ${format}`);
  }
  return format as DocumentFormat;
}

