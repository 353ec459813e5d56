import type { AuditSummaries, AuditSummaryInput } from '@kom/platform';

const d = (event: AuditSummaryInput) => event.data as Record<string, string | null>;
const who = (event: AuditSummaryInput) => event.actor.organizationId ?? 'ukjent';

/** Readable audit-trail lines for the issues context's events (NB and EN). */
export const issueAuditSummaries: AuditSummaries = {
  IssueSubmitted: (e) => ({ nb: `${d(e).organizationId} meldte inn saken «${d(e).title}»`, en: `${d(e).organizationId} submitted the issue “${d(e).title}”` }),
  IssueEdited: (e) => ({ nb: `${who(e)} endret saken «${d(e).title}»`, en: `${who(e)} edited the issue “${d(e).title}”` }),
  IssueWithdrawn: (e) => ({ nb: `${who(e)} trakk saken ${d(e).issueId}`, en: `${who(e)} withdrew issue ${d(e).issueId}` }),
  IssueCommented: (e) => ({ nb: `${d(e).organizationId} kommenterte sak ${d(e).issueId}`, en: `${d(e).organizationId} commented on issue ${d(e).issueId}` }),
  IssuePlacedOnAgenda: (e) => ({
    nb: `Sak ${d(e).issueId} satt på sakslisten til møte ${d(e).meetingId}`,
    en: `Issue ${d(e).issueId} placed on the agenda of meeting ${d(e).meetingId}`,
  }),
  IssueRemovedFromAgenda: (e) => ({
    nb: `Sak ${d(e).issueId} tatt av sakslisten til møte ${d(e).meetingId}`,
    en: `Issue ${d(e).issueId} removed from the agenda of meeting ${d(e).meetingId}`,
  }),
  IssueForwarded: (e) => ({
    nb: `Sak ${d(e).issueId} oversendt prosjektgruppen (vedtak ${d(e).decisionId})`,
    en: `Issue ${d(e).issueId} forwarded to the project group (decision ${d(e).decisionId})`,
  }),
  IssueResolved: (e) => ({ nb: `Sak ${d(e).issueId} avgjort (vedtak ${d(e).decisionId})`, en: `Issue ${d(e).issueId} resolved (decision ${d(e).decisionId})` }),
  ResearchNeedFlagged: (e) => ({ nb: `Sak ${d(e).issueId} merket med forskningsbehov`, en: `Issue ${d(e).issueId} flagged as a research need` }),
  IssueMarkedDuplicate: (e) => ({
    nb: `Sak ${d(e).issueId} merket som duplikat av sak ${d(e).duplicateOfIssueId}`,
    en: `Issue ${d(e).issueId} marked a duplicate of issue ${d(e).duplicateOfIssueId}`,
  }),
  IssueClosed: (e) => ({ nb: `Sak ${d(e).issueId} avsluttet`, en: `Issue ${d(e).issueId} closed` }),
};
