import { z } from 'zod';
import { DEFAULT_PLAN_MEASURE_COUNT, defineEvent, measureCitationRefsSchema } from '@kom/kernel';

/** The plan's areas (the same keys as the measures' MeasureArea): what an issue is about. */
export const ISSUE_CATEGORIES = [
  'INTERNATIONAL_FRAMEWORK',
  'COOPERATION_AND_COMPETENCE',
  'PREVENTION',
  'IDENTIFICATION_AND_ASSISTANCE',
  'CHILDREN',
  'PROSECUTION',
] as const;
export type IssueCategory = (typeof ISSUE_CATEGORIES)[number];

/** Forms of exploitation an issue concerns. */
export const EXPLOITATION_FORMS = ['SEXUAL', 'FORCED_LABOUR', 'BEGGING', 'FORCED_CRIME', 'ORGAN_REMOVAL', 'OTHER'] as const;
export type ExploitationForm = (typeof EXPLOITATION_FORMS)[number];

export const ISSUE_STATUSES = [
  'SUBMITTED',
  'ON_REFERENCE_AGENDA',
  'FORWARDED',
  'ON_PROJECT_AGENDA',
  'RESOLVED',
  'WITHDRAWN',
  'CLOSED',
] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** The kind of meeting an issue is placed before (the meetings context's MeetingKind). */
export const AGENDA_BODIES = ['REFERENCE_GROUP', 'PROJECT_GROUP', 'JOINT'] as const;
export type AgendaBody = (typeof AGENDA_BODIES)[number];

export const MAX_TITLE = 300;
export const MAX_DESCRIPTION = 20_000;
export const MAX_REASON = 5_000;
export const MAX_COMMENT = 5_000;
export const MAX_RESEARCH_NEED = 1_000;

const id = z.string().min(1).max(100);
const title = z.string().min(1).max(MAX_TITLE);
const description = z.string().min(1).max(MAX_DESCRIPTION);
const reason = z.string().min(1).max(MAX_REASON);
const contentV1 = {
  title,
  description,
  category: z.enum(ISSUE_CATEGORIES),
  tags: z.array(z.enum(EXPLOITATION_FORMS)).max(EXPLOITATION_FORMS.length),
  /** Numbers of the 2011–2014 plan (v1). */
  citedMeasures: z.array(z.number().int().min(1).max(DEFAULT_PLAN_MEASURE_COUNT)).max(DEFAULT_PLAN_MEASURE_COUNT),
  /** A wish that the issue be treated urgently, with the reason; null: no such wish. */
  urgency: z.object({ reason }).nullable(),
};
/** v2: the cited measures as (plan, number), so a measure of any plan can be cited. */
const content = { ...contentV1, citedMeasures: measureCitationRefsSchema };

const submitted = {
  /** Earlier issues this one cites (a resolved issue is never reopened: a new one cites it). */
  citedIssueIds: z.array(id).max(20),
  /** The organisation's registered representative who submitted it (names come from the register); absent when not recorded. */
  representativeId: id.optional(),
};

/** Version 1, citing measures by number of the 2011–2014 plan; read as v2 (issue.upcasters.ts). */
export const IssueSubmittedV1 = defineEvent('IssueSubmitted', 1, z.object({ issueId: id, organizationId: id, ...contentV1, ...submitted }));

/** Submitted by an NGO representative on behalf of `organizationId`, a reference-group member. */
export const IssueSubmitted = defineEvent('IssueSubmitted', 2, z.object({ issueId: id, organizationId: id, ...content, ...submitted }));

/** Version 1, citing measures by number of the 2011–2014 plan; read as v2 (issue.upcasters.ts). */
export const IssueEditedV1 = defineEvent('IssueEdited', 1, z.object({ issueId: id, ...contentV1 }));

/** The whole content after the edit. */
export const IssueEdited = defineEvent('IssueEdited', 2, z.object({ issueId: id, ...content }));

export const IssueWithdrawn = defineEvent('IssueWithdrawn', 1, z.object({ issueId: id, reason }));

export const IssueCommented = defineEvent(
  'IssueCommented',
  1,
  z.object({ issueId: id, commentId: id, organizationId: id, text: z.string().min(1).max(MAX_COMMENT) }),
);

/** An agenda item with this issue as its source was added to a meeting (recorded by a reactor). */
export const IssuePlacedOnAgenda = defineEvent(
  'IssuePlacedOnAgenda',
  1,
  z.object({ issueId: id, meetingId: id, agendaItemId: id, body: z.enum(AGENDA_BODIES) }),
);

/** The issue's agenda item was removed before the meeting was held (recorded by a reactor). */
export const IssueRemovedFromAgenda = defineEvent(
  'IssueRemovedFromAgenda',
  1,
  z.object({ issueId: id, meetingId: id, agendaItemId: id }),
);

/** The reference group decided to forward the issue to the project group. */
export const IssueForwarded = defineEvent(
  'IssueForwarded',
  1,
  z.object({ issueId: id, meetingId: id, agendaItemId: id, decisionId: id }),
);

/** The project group (or a joint meeting) decided on the issue: its outcome. Never reopened. */
export const IssueResolved = defineEvent(
  'IssueResolved',
  1,
  z.object({ issueId: id, meetingId: id, agendaItemId: id, decisionId: id }),
);

/** Closed with reasoning; at the meeting whose agenda it was on, if any. */
export const IssueClosed = defineEvent(
  'IssueClosed',
  1,
  z.object({ issueId: id, reason, meetingId: id.nullable(), agendaItemId: id.nullable() }),
);

/**
 * The secretariat found the issue to be a duplicate of `duplicateOfIssueId`, an earlier one that
 * goes on; an IssueClosed with the reason follows in the same write, so the duplicate is closed as
 * any other closed issue is, and points to its original.
 */
export const IssueMarkedDuplicate = defineEvent('IssueMarkedDuplicate', 1, z.object({ issueId: id, duplicateOfIssueId: id }));

/**
 * The issue points to a research need (measure 6's annual report lists them), in a short text; a
 * later flag replaces the earlier text. `organizationId` is who flagged it: the submitter or the secretariat.
 */
export const ResearchNeedFlagged = defineEvent(
  'ResearchNeedFlagged',
  1,
  z.object({ issueId: id, organizationId: id, text: z.string().min(1).max(MAX_RESEARCH_NEED) }),
);

export const issueEventSchemas = [
  IssueSubmitted,
  IssueEdited,
  IssueWithdrawn,
  IssueCommented,
  IssuePlacedOnAgenda,
  IssueRemovedFromAgenda,
  IssueForwarded,
  IssueResolved,
  IssueClosed,
  ResearchNeedFlagged,
  IssueMarkedDuplicate,
];

type Data<S> = S extends { data: z.ZodType<infer D> } ? D : never;
type EventOf<S> = S extends { type: infer T } ? { type: T; data: Data<S> } : never;

export type IssueEvent = EventOf<(typeof issueEventSchemas)[number]>;
export const ISSUE_EVENT_TYPES: readonly string[] = issueEventSchemas.map((s) => s.type);
