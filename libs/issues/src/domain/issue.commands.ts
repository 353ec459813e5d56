import type { Citable, MeasureCitationRef, RepresentativeRef } from '@kom/kernel';
import type { AgendaBody, ExploitationForm, IssueCategory, IssueStatus } from './issue.events';

/** What the submitter writes; the same fields on submit and edit. */
export interface IssueContent {
  readonly title: string;
  readonly description: string;
  readonly category: IssueCategory;
  readonly tags?: readonly ExploitationForm[];
  readonly citedMeasures?: readonly MeasureCitationRef[];
  /**
   * The registered plans and their measures (looked up by the handler); a citation of any other is
   * refused. Left out: the 2011–2014 plan's measures.
   */
  readonly citable?: Citable;
  /** A wish for urgency with its reason; null or omitted: no wish. */
  readonly urgencyReason?: string | null;
}

/** What the decider needs to know of the issue another is marked a duplicate of. */
export interface DuplicateOriginal {
  readonly status: IssueStatus;
  /** Set when the original is itself a duplicate of a third issue. */
  readonly duplicateOfIssueId: string | null;
}

/**
 * Facts from outside the issue's stream are looked up by the handler and passed in, so the
 * decider stays pure: `referenceGroupMember` (the submitting organisation is a current member of
 * the reference group), `memberOrganization` (the commenter's organisation belongs to either group),
 * `existingCitedIssueIds` (which of the cited issues exist; any other citation is refused).
 */
export type IssueCommand =
  | ({
      type: 'SubmitIssue';
      issueId: string;
      organizationId: string;
      citedIssueIds?: readonly string[];
      existingCitedIssueIds?: readonly string[];
      referenceGroupMember: boolean;
      /** The registered representative the actor's identity is linked to (looked up by the handler); recorded when it is the organisation's. */
      representative?: RepresentativeRef | null;
    } & IssueContent)
  | ({ type: 'EditIssue'; issueId: string } & IssueContent)
  | { type: 'WithdrawIssue'; issueId: string; reason: string }
  | { type: 'CommentOnIssue'; issueId: string; commentId: string; text: string; memberOrganization: boolean }
  | { type: 'PlaceIssueOnAgenda'; issueId: string; meetingId: string; agendaItemId: string; body: AgendaBody }
  | { type: 'RemoveIssueFromAgenda'; issueId: string; meetingId: string; agendaItemId: string }
  | { type: 'ForwardIssue'; issueId: string; meetingId: string; agendaItemId: string; decisionId: string }
  | { type: 'ResolveIssue'; issueId: string; meetingId: string; agendaItemId: string; decisionId: string }
  | { type: 'CloseIssue'; issueId: string; reason: string }
  | {
      type: 'MarkIssueDuplicate';
      issueId: string;
      duplicateOfIssueId: string;
      reason: string;
      /** The original as its own stream shows it (looked up by the handler); null: no such issue. */
      original: DuplicateOriginal | null;
    }
  | { type: 'FlagResearchNeed'; issueId: string; text: string };
