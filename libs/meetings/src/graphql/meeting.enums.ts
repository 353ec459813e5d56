import { registerLabelledEnum, type Labels } from '@kom/platform';
import type { MeetingKind, Position } from '../domain/meeting.events';
import type { ActionItemStatus } from '../read-models/action-items.queries';
import type { AgendaAmendmentKind } from '../read-models/agenda.queries';
import type { DecisionStatus } from '../read-models/decisions.queries';
import type { MeetingStatus, MinutesStatus } from '../read-models/meetings.queries';

export const MEETING_KIND_LABELS = {
  PROJECT_GROUP: { nb: 'Prosjektgruppemøte', en: 'Project group meeting' },
  REFERENCE_GROUP: { nb: 'Referansegruppemøte', en: 'Reference group meeting' },
  JOINT: { nb: 'Fellesmøte', en: 'Joint meeting' },
} as const satisfies Labels<MeetingKind>;

export const MEETING_STATUS_LABELS = {
  SCHEDULED: { nb: 'Planlagt', en: 'Scheduled' },
  PUBLISHED: { nb: 'Saksliste publisert', en: 'Agenda published' },
  HELD: { nb: 'Avholdt', en: 'Held' },
  CANCELLED: { nb: 'Avlyst', en: 'Cancelled' },
} as const satisfies Labels<MeetingStatus>;

export const DECISION_STATUS_LABELS = {
  ACTIVE: { nb: 'Gjeldende', en: 'Active' },
  SUPERSEDED: { nb: 'Erstattet', en: 'Superseded' },
  REVOKED: { nb: 'Opphevet', en: 'Revoked' },
} as const satisfies Labels<DecisionStatus>;

export const POSITION_LABELS = {
  SUPPORTS: { nb: 'Støtter', en: 'Supports' },
  ABSTAINS: { nb: 'Avstår', en: 'Abstains' },
  OBJECTS: { nb: 'Har innsigelse', en: 'Objects' },
} as const satisfies Labels<Position>;

export const ACTION_ITEM_STATUS_LABELS = {
  OPEN: { nb: 'Åpen', en: 'Open' },
  COMPLETED: { nb: 'Fullført', en: 'Completed' },
  CANCELLED: { nb: 'Avbrutt', en: 'Cancelled' },
} as const satisfies Labels<ActionItemStatus>;

export const MINUTES_STATUS_LABELS = {
  NONE: { nb: 'Ikke skrevet', en: 'Not written' },
  DRAFT: { nb: 'Utkast', en: 'Draft' },
  APPROVED: { nb: 'Godkjent', en: 'Approved' },
} as const satisfies Labels<MinutesStatus>;

export const AGENDA_AMENDMENT_KIND_LABELS = {
  ADDED: { nb: 'Sak lagt til', en: 'Item added' },
  UPDATED: { nb: 'Sak endret', en: 'Item changed' },
  REORDERED: { nb: 'Rekkefølge endret', en: 'Order changed' },
  REMOVED: { nb: 'Sak fjernet', en: 'Item removed' },
} as const satisfies Labels<AgendaAmendmentKind>;

export const MeetingKindEnum = registerLabelledEnum<MeetingKind>(
  'MeetingKind',
  MEETING_KIND_LABELS,
  'Which body meets: the project group, the reference group, or both together (joint meeting).',
);
export const MeetingStatusEnum = registerLabelledEnum<MeetingStatus>(
  'MeetingStatus',
  MEETING_STATUS_LABELS,
  'SCHEDULED (agenda in draft), PUBLISHED (agenda published), HELD (attendance recorded), CANCELLED.',
);
export const DecisionStatusEnum = registerLabelledEnum<DecisionStatus>(
  'DecisionStatus',
  DECISION_STATUS_LABELS,
  'A decision is never edited: it is ACTIVE until SUPERSEDED by a later decision or REVOKED with a reason.',
);
export const PositionEnum = registerLabelledEnum<Position>('Position', POSITION_LABELS, "An organisation's position on a decision.");
export const ActionItemStatusEnum = registerLabelledEnum<ActionItemStatus>('ActionItemStatus', ACTION_ITEM_STATUS_LABELS);
export const MinutesStatusEnum = registerLabelledEnum<MinutesStatus>('MinutesStatus', MINUTES_STATUS_LABELS);
export const AgendaAmendmentKindEnum = registerLabelledEnum<AgendaAmendmentKind>(
  'AgendaAmendmentKind',
  AGENDA_AMENDMENT_KIND_LABELS,
  'What a change made to an agenda after publishing did.',
);
