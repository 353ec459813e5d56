import type { MeasureCitationRef } from '@kom/kernel';
import type { MeetingKind, Position } from './meeting.events';

/** What a meeting's stream folds into (meeting.evolve.ts), and what the decide modules read. */
export type MeetingStatus = 'SCHEDULED' | 'PUBLISHED' | 'HELD' | 'CANCELLED';
export type DecisionStatus = 'ACTIVE' | 'SUPERSEDED' | 'REVOKED';
export type ActionItemStatus = 'OPEN' | 'COMPLETED' | 'CANCELLED';

export interface AgendaItem {
  readonly itemId: string;
  readonly title: string;
  readonly description: string;
  readonly presentingOrganizationId: string | null;
  readonly citedMeasures: readonly MeasureCitationRef[];
  readonly sourceIssueId: string | null;
  /** Added after the agenda was published. */
  readonly addedByAmendment: boolean;
  /** Changed after the agenda was published (stays true once set). */
  readonly updatedByAmendment: boolean;
}

/** An item removed after the agenda was published: it stays visible as removed, with the reason given. */
export interface RemovedAgendaItem extends AgendaItem {
  readonly removalReason: string | null;
}

export type AgendaAmendmentKind = 'ADDED' | 'UPDATED' | 'REORDERED' | 'REMOVED';

/** One change made to the agenda after it was published (one per amendment event). */
export interface AgendaAmendment {
  readonly kind: AgendaAmendmentKind;
  /** Null for a reordering. */
  readonly itemId: string | null;
  /** The item's title after the change (before it, for a removal); null for a reordering. */
  readonly title: string | null;
  /** The reason given, for a removal. */
  readonly reason: string | null;
  /** The new order, for a reordering. */
  readonly itemIds: readonly string[] | null;
}

export interface RecordedPosition {
  readonly position: Position;
  readonly reason: string | null;
  /** The organisation's representative who recorded it; absent when not recorded. */
  readonly representativeId?: string;
}

export interface Decision {
  readonly decisionId: string;
  readonly agendaItemId: string;
  readonly text: string;
  readonly rationale: string;
  readonly citedMeasures: readonly MeasureCitationRef[];
  readonly reviewDate: string | null;
  readonly supersedes: string | null;
  readonly status: DecisionStatus;
  readonly supersededBy: { readonly decisionId: string; readonly meetingId: string } | null;
  readonly revokedReason: string | null;
  /** The research need it points to, if flagged. */
  readonly researchNeed: string | null;
  /** By organisation id; the latest recorded position counts. */
  readonly positions: Readonly<Record<string, RecordedPosition>>;
}

export interface ActionItem {
  readonly actionItemId: string;
  readonly description: string;
  readonly responsibleOrganizationId: string;
  readonly dueDate: string;
  readonly decisionId: string | null;
  readonly agendaItemId: string | null;
  readonly status: ActionItemStatus;
  /** Set when COMPLETED (if a note was given). */
  readonly completionNote: string | null;
  /** Set when CANCELLED. */
  readonly cancelledReason: string | null;
}

export type Minutes =
  | { readonly status: 'none' }
  | { readonly status: 'draft'; readonly text: string }
  | { readonly status: 'approved'; readonly text: string; readonly approvedAtMeetingId: string };

export interface Meeting {
  readonly status: MeetingStatus;
  readonly meetingId: string;
  readonly kind: MeetingKind;
  readonly title: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly location: string | null;
  readonly videoLink: string | null;
  readonly seriesId: string | null;
  readonly seriesIndex: number | null;
  readonly agendaPublishedAt: string | null;
  readonly cancelledReason: string | null;
  /** The current agenda in order; removed items are gone from it. */
  readonly agenda: readonly AgendaItem[];
  /**
   * Items removed after publishing (amendments), in the order removed: they stay visible as removed.
   * Items removed while the agenda was a draft are gone without a trace (besides usedItemIds).
   */
  readonly removedItems: readonly RemovedAgendaItem[];
  /** Every change made to the agenda after it was published, oldest first. */
  readonly amendments: readonly AgendaAmendment[];
  /** Every item id ever used on this agenda, removed ones included: ids are never reused. */
  readonly usedItemIds: readonly string[];
  /** Organisations present; empty until attendance is recorded. */
  readonly attendance: readonly string[];
  readonly decisions: readonly Decision[];
  readonly actionItems: readonly ActionItem[];
  readonly minutes: Minutes;
}

export type MeetingState = { readonly status: 'none' } | Meeting;

export const initialState: MeetingState = { status: 'none' };

export const meetingStream = (meetingId: string) => `meeting-${meetingId}`;
