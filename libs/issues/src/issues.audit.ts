import { named, type AuditNames, type AuditSummaries, type AuditSummaryInput } from '@kom/platform';

const d = (event: AuditSummaryInput) => event.data as Record<string, string | null>;

/** Readable audit-trail lines for the issues context's events (NB and EN). */
export const issueAuditSummaries: AuditSummaries = {
  IssueSubmitted: (e) => ({ nb: `${named(e, 'organization', d(e).organizationId, 'nb')} meldte inn saken «${d(e).title}»`, en: `${named(e, 'organization', d(e).organizationId, 'en')} submitted the issue “${d(e).title}”` }),
  IssueEdited: (e) => ({ nb: `${named(e, 'organization', e.actor.organizationId, 'nb')} endret saken «${d(e).title}»`, en: `${named(e, 'organization', e.actor.organizationId, 'en')} edited the issue “${d(e).title}”` }),
  IssueWithdrawn: (e) => ({ nb: `${named(e, 'organization', e.actor.organizationId, 'nb')} trakk saken ${named(e, 'issue', d(e).issueId, 'nb')}`, en: `${named(e, 'organization', e.actor.organizationId, 'en')} withdrew issue ${named(e, 'issue', d(e).issueId, 'en')}` }),
  IssueCommented: (e) => ({ nb: `${named(e, 'organization', d(e).organizationId, 'nb')} kommenterte sak ${named(e, 'issue', d(e).issueId, 'nb')}`, en: `${named(e, 'organization', d(e).organizationId, 'en')} commented on issue ${named(e, 'issue', d(e).issueId, 'en')}` }),
  IssuePlacedOnAgenda: (e) => ({
    nb: `Sak ${named(e, 'issue', d(e).issueId, 'nb')} satt på sakslisten til møte ${named(e, 'meeting', d(e).meetingId, 'nb')}`,
    en: `Issue ${named(e, 'issue', d(e).issueId, 'en')} placed on the agenda of meeting ${named(e, 'meeting', d(e).meetingId, 'en')}`,
  }),
  IssueRemovedFromAgenda: (e) => ({
    nb: `Sak ${named(e, 'issue', d(e).issueId, 'nb')} tatt av sakslisten til møte ${named(e, 'meeting', d(e).meetingId, 'nb')}`,
    en: `Issue ${named(e, 'issue', d(e).issueId, 'en')} removed from the agenda of meeting ${named(e, 'meeting', d(e).meetingId, 'en')}`,
  }),
  IssueForwarded: (e) => ({
    nb: `Sak ${named(e, 'issue', d(e).issueId, 'nb')} oversendt prosjektgruppen (vedtak ${d(e).decisionId})`,
    en: `Issue ${named(e, 'issue', d(e).issueId, 'en')} forwarded to the project group (decision ${d(e).decisionId})`,
  }),
  IssueResolved: (e) => ({ nb: `Sak ${named(e, 'issue', d(e).issueId, 'nb')} avgjort (vedtak ${d(e).decisionId})`, en: `Issue ${named(e, 'issue', d(e).issueId, 'en')} resolved (decision ${d(e).decisionId})` }),
  ResearchNeedFlagged: (e) => ({ nb: `Sak ${named(e, 'issue', d(e).issueId, 'nb')} merket med forskningsbehov`, en: `Issue ${named(e, 'issue', d(e).issueId, 'en')} flagged as a research need` }),
  IssueMarkedDuplicate: (e) => ({
    nb: `Sak ${named(e, 'issue', d(e).issueId, 'nb')} merket som duplikat av sak ${named(e, 'issue', d(e).duplicateOfIssueId, 'nb')}`,
    en: `Issue ${named(e, 'issue', d(e).issueId, 'en')} marked a duplicate of issue ${named(e, 'issue', d(e).duplicateOfIssueId, 'en')}`,
  }),
  IssueClosed: (e) => ({ nb: `Sak ${named(e, 'issue', d(e).issueId, 'nb')} avsluttet`, en: `Issue ${named(e, 'issue', d(e).issueId, 'en')} closed` }),
};

/** An issue is named by its title, as it stood at each entry (an edit may retitle it). */
export const issueAuditNames: AuditNames = {
  issue: { IssueSubmitted: (data) => String(data.title ?? ''), IssueEdited: (data) => String(data.title ?? '') },
};
