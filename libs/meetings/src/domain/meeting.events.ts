import { z } from 'zod';
import { DEFAULT_PLAN_MEASURE_COUNT, defineEvent, measureCitationRefsSchema } from '@kom/kernel';

export const MEETING_KINDS = ['PROJECT_GROUP', 'REFERENCE_GROUP', 'JOINT'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const POSITIONS = ['SUPPORTS', 'ABSTAINS', 'OBJECTS'] as const;
export type Position = (typeof POSITIONS)[number];

const id = z.string().min(1).max(100);
const instant = z.iso.datetime({ offset: true });
const day = z.iso.date();
const title = z.string().min(1).max(300);
const text = z.string().max(20_000);
const measureNumbers = z.array(z.number().int().min(1).max(DEFAULT_PLAN_MEASURE_COUNT)).max(DEFAULT_PLAN_MEASURE_COUNT);
const place = z.object({
  location: z.string().max(300).nullable(),
  videoLink: z.string().max(500).nullable(),
});

const meetingScheduledV1 = z.object({
  meetingId: id,
  kind: z.enum(MEETING_KINDS),
  title,
  startsAt: instant,
  endsAt: instant,
  ...place.shape,
  seriesId: id.nullable(),
  seriesIndex: z.number().int().min(0).nullable(),
});

/** The time zone of every meeting recorded before meetings named theirs: KOM meets in Norway. */
export const KOM_TIME_ZONE = 'Europe/Oslo';

/**
 * Version 1, before a meeting named its time zone. Still found in logs; read as version 2 (see
 * meeting.upcasters.ts). Never written any more.
 */
export const MeetingScheduledV1 = defineEvent('MeetingScheduled', 1, meetingScheduledV1);

/**
 * Scheduled on its own or as part of a series (seriesId, seriesIndex). Version 2 names the IANA time
 * zone its local date and times are told in, so the record does not depend on a server's setting.
 */
export const MeetingScheduled = defineEvent(
  'MeetingScheduled',
  2,
  meetingScheduledV1.extend({ timeZone: z.string().regex(/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/).max(64) }),
);

export const MeetingRescheduled = defineEvent(
  'MeetingRescheduled',
  1,
  z.object({ meetingId: id, startsAt: instant, endsAt: instant, ...place.shape }),
);

export const MeetingCancelled = defineEvent('MeetingCancelled', 1, z.object({ meetingId: id, reason: z.string().min(1).max(2000) }));

const agendaItemAdded = z.object({
  meetingId: id,
  itemId: id,
  title,
  description: text,
  presentingOrganizationId: id.nullable(),
  citedMeasures: measureNumbers,
  sourceIssueId: id.nullable(),
  /** The item's place in the agenda after the change (0-based). */
  position: z.number().int().min(0),
  amendment: z.boolean(),
});

/** Version 1, citing measures by number of the 2011–2014 plan; read as v2 (meeting.upcasters.ts). */
export const AgendaItemAddedV1 = defineEvent('AgendaItemAdded', 1, agendaItemAdded);

/**
 * `amendment` is true when the agenda was already published: the change stays visible as one.
 * Version 2 cites measures as (plan, number).
 */
export const AgendaItemAdded = defineEvent('AgendaItemAdded', 2, agendaItemAdded.extend({ citedMeasures: measureCitationRefsSchema }));

const agendaItemUpdated = z.object({
  meetingId: id,
  itemId: id,
  title,
  description: text,
  presentingOrganizationId: id.nullable(),
  citedMeasures: measureNumbers,
  amendment: z.boolean(),
});

/** Version 1, citing measures by number of the 2011–2014 plan; read as v2 (meeting.upcasters.ts). */
export const AgendaItemUpdatedV1 = defineEvent('AgendaItemUpdated', 1, agendaItemUpdated);

/** Version 2 cites measures as (plan, number). */
export const AgendaItemUpdated = defineEvent('AgendaItemUpdated', 2, agendaItemUpdated.extend({ citedMeasures: measureCitationRefsSchema }));

export const AgendaReordered = defineEvent(
  'AgendaReordered',
  1,
  z.object({ meetingId: id, itemIds: z.array(id), amendment: z.boolean() }),
);

export const AgendaItemRemoved = defineEvent(
  'AgendaItemRemoved',
  1,
  z.object({ meetingId: id, itemId: id, amendment: z.boolean(), reason: z.string().max(2000).nullable() }),
);

export const AgendaPublished = defineEvent('AgendaPublished', 1, z.object({ meetingId: id, publishedAt: instant }));

/** The meeting took place with these organisations present; from now on it is held. */
export const AttendanceRecorded = defineEvent(
  'AttendanceRecorded',
  1,
  z.object({ meetingId: id, organizationIds: z.array(id).min(1) }),
);

const decisionRecorded = z.object({
  meetingId: id,
  decisionId: id,
  agendaItemId: id,
  text: z.string().min(1).max(20_000),
  rationale: text,
  citedMeasures: measureNumbers,
  reviewDate: day.nullable(),
  /** The decision this one replaces, when it was recorded to supersede another. */
  supersedes: id.nullable(),
});

/** Version 1, citing measures by number of the 2011–2014 plan; read as v2 (meeting.upcasters.ts). */
export const DecisionRecordedV1 = defineEvent('DecisionRecorded', 1, decisionRecorded);

/** Version 2 cites measures as (plan, number). */
export const DecisionRecorded = defineEvent('DecisionRecorded', 2, decisionRecorded.extend({ citedMeasures: measureCitationRefsSchema }));

export const PositionRecorded = defineEvent(
  'PositionRecorded',
  1,
  z.object({
    meetingId: id,
    decisionId: id,
    organizationId: id,
    position: z.enum(POSITIONS),
    /** Required for OBJECTS. */
    reason: z.string().max(5000).nullable(),
    /**
     * The organisation's registered representative who recorded it (names come from the register).
     * Absent when not recorded: before the register linked identities, or recorded by the secretariat.
     */
    representativeId: id.optional(),
  }),
);

/** Recorded on the stream of the meeting that took the old decision. */
export const DecisionSuperseded = defineEvent(
  'DecisionSuperseded',
  1,
  z.object({ meetingId: id, decisionId: id, supersededByDecisionId: id, supersededByMeetingId: id }),
);

export const DecisionRevoked = defineEvent(
  'DecisionRevoked',
  1,
  z.object({ meetingId: id, decisionId: id, reason: z.string().min(1).max(5000) }),
);

/** The decision points to a research need (the annual report lists them); a later flag replaces the text. */
export const DecisionResearchNeedFlagged = defineEvent(
  'DecisionResearchNeedFlagged',
  1,
  z.object({ meetingId: id, decisionId: id, text: z.string().min(1).max(1000) }),
);

export const ActionItemAssigned = defineEvent(
  'ActionItemAssigned',
  1,
  z.object({
    meetingId: id,
    actionItemId: id,
    decisionId: id.nullable(),
    agendaItemId: id.nullable(),
    description: z.string().min(1).max(5000),
    responsibleOrganizationId: id,
    dueDate: day,
  }),
);

export const ActionItemCompleted = defineEvent(
  'ActionItemCompleted',
  1,
  z.object({ meetingId: id, actionItemId: id, note: z.string().max(5000).nullable() }),
);

/** The responsible organisation (or the secretariat) tells how an open action item is going. */
export const ActionItemProgressReported = defineEvent(
  'ActionItemProgressReported',
  1,
  z.object({ meetingId: id, actionItemId: id, note: z.string().min(1).max(5000) }),
);

export const ActionItemCancelled = defineEvent(
  'ActionItemCancelled',
  1,
  z.object({ meetingId: id, actionItemId: id, reason: z.string().min(1).max(5000) }),
);

/** Drafts may be recorded again until the minutes are approved. */
export const MinutesDrafted = defineEvent('MinutesDrafted', 1, z.object({ meetingId: id, text: z.string().min(1).max(100_000) }));

export const MinutesApproved = defineEvent(
  'MinutesApproved',
  1,
  z.object({ meetingId: id, approvedAtMeetingId: id }),
);

export const meetingEventSchemas = [
  MeetingScheduled,
  MeetingRescheduled,
  MeetingCancelled,
  AgendaItemAdded,
  AgendaItemUpdated,
  AgendaReordered,
  AgendaItemRemoved,
  AgendaPublished,
  AttendanceRecorded,
  DecisionRecorded,
  PositionRecorded,
  DecisionSuperseded,
  DecisionRevoked,
  ActionItemAssigned,
  ActionItemCompleted,
  ActionItemProgressReported,
  ActionItemCancelled,
  MinutesDrafted,
  MinutesApproved,
  DecisionResearchNeedFlagged,
];

type Data<S> = S extends { data: z.ZodType<infer D> } ? D : never;
type EventOf<S> = S extends { type: infer T } ? { type: T; data: Data<S> } : never;

export type MeetingEvent = EventOf<(typeof meetingEventSchemas)[number]>;
