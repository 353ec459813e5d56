import { auditDay, named, type AuditNames, type AuditSummaries, type AuditSummaryInput } from '@kom/platform';

type Data = Record<string, unknown>;
const d = (event: AuditSummaryInput) => event.data as Data;
const s = (value: unknown) => String(value ?? '');
const KIND = {
  PROJECT_GROUP: { nb: 'prosjektgruppemøte', en: 'project-group meeting' },
  REFERENCE_GROUP: { nb: 'referansegruppemøte', en: 'reference-group meeting' },
  JOINT: { nb: 'fellesmøte', en: 'joint meeting' },
} as const;
const POSITION = {
  SUPPORTS: { nb: 'støtter', en: 'supports' },
  ABSTAINS: { nb: 'avstår', en: 'abstains' },
  OBJECTS: { nb: 'protesterer', en: 'objects' },
} as const;
const amended = (e: AuditSummaryInput, lang: 'nb' | 'en') => (d(e).amendment ? (lang === 'nb' ? ' (endring etter publisering)' : ' (amendment after publishing)') : '');
const meeting = (e: AuditSummaryInput, lang: 'nb' | 'en') => named(e, 'meeting', d(e).meetingId, lang);

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** An instant as the meeting's own clock shows it (Europe/Oslo unless the event names a zone): people read wall time. */
function when(e: AuditSummaryInput, field: 'startsAt', lang: 'nb' | 'en'): string {
  const value = s(d(e)[field]);
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  const timeZone = typeof d(e).timeZone === 'string' ? (d(e).timeZone as string) : 'Europe/Oslo';
  try {
    const format = new Intl.DateTimeFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { timeZone, dateStyle: 'long', timeStyle: 'short' });
    return `${format.format(new Date(time))} (${timeZone})`;
  } catch {
    return value;
  }
}

/** Readable audit-trail lines for the meetings context's events (NB and EN). */
export const meetingAuditSummaries: AuditSummaries = {
  MeetingScheduled: (e) => {
    const kind = KIND[d(e).kind as keyof typeof KIND];
    return {
      nb: `${capitalised(kind?.nb ?? s(d(e).kind))} «${s(d(e).title)}» ble berammet til ${when(e, 'startsAt', 'nb')}`,
      en: `The ${kind?.en ?? s(d(e).kind)} “${s(d(e).title)}” was scheduled for ${when(e, 'startsAt', 'en')}`,
    };
  },
  MeetingRescheduled: (e) => ({ nb: `Møte ${meeting(e, 'nb')} ble flyttet til ${when(e, 'startsAt', 'nb')}`, en: `Meeting ${meeting(e, 'en')} was moved to ${when(e, 'startsAt', 'en')}` }),
  MeetingCancelled: (e) => ({ nb: `Møte ${meeting(e, 'nb')} ble avlyst: ${s(d(e).reason)}`, en: `Meeting ${meeting(e, 'en')} was cancelled: ${s(d(e).reason)}` }),
  AgendaItemAdded: (e) => ({
    nb: `Saken «${s(d(e).title)}» ble satt på sakslisten til møte ${meeting(e, 'nb')}${amended(e, 'nb')}`,
    en: `The item “${s(d(e).title)}” was added to the agenda of meeting ${meeting(e, 'en')}${amended(e, 'en')}`,
  }),
  AgendaItemUpdated: (e) => ({
    nb: `Saken «${s(d(e).title)}» på sakslisten til møte ${meeting(e, 'nb')} ble endret${amended(e, 'nb')}`,
    en: `The agenda item “${s(d(e).title)}” of meeting ${meeting(e, 'en')} was changed${amended(e, 'en')}`,
  }),
  AgendaReordered: (e) => ({ nb: `Sakslisten til møte ${meeting(e, 'nb')} ble omordnet${amended(e, 'nb')}`, en: `The agenda of meeting ${meeting(e, 'en')} was reordered${amended(e, 'en')}` }),
  AgendaItemRemoved: (e) => ({
    nb: `Sak ${s(d(e).itemId)} ble tatt av sakslisten til møte ${meeting(e, 'nb')}${amended(e, 'nb')}${d(e).reason ? `: ${s(d(e).reason)}` : ''}`,
    en: `Item ${s(d(e).itemId)} was removed from the agenda of meeting ${meeting(e, 'en')}${amended(e, 'en')}${d(e).reason ? `: ${s(d(e).reason)}` : ''}`,
  }),
  AgendaPublished: (e) => ({ nb: `Sakslisten til møte ${meeting(e, 'nb')} ble publisert`, en: `The agenda of meeting ${meeting(e, 'en')} was published` }),
  AttendanceRecorded: (e) => {
    const present = (lang: 'nb' | 'en') => ((d(e).organizationIds as string[] | undefined) ?? []).map((id) => named(e, 'organization', id, lang)).join(', ');
    return { nb: `Møte ${meeting(e, 'nb')} ble holdt; til stede: ${present('nb')}`, en: `Meeting ${meeting(e, 'en')} was held; present: ${present('en')}` };
  },
  DecisionRecorded: (e) => ({
    nb: `Vedtak ${s(d(e).decisionId)} i møte ${meeting(e, 'nb')}${d(e).supersedes ? ` (erstatter ${s(d(e).supersedes)})` : ''}: «${s(d(e).text)}»`,
    en: `Decision ${s(d(e).decisionId)} at meeting ${meeting(e, 'en')}${d(e).supersedes ? ` (supersedes ${s(d(e).supersedes)})` : ''}: “${s(d(e).text)}”`,
  }),
  PositionRecorded: (e) => {
    const p = POSITION[d(e).position as keyof typeof POSITION];
    return {
      nb: `${named(e, 'organization', d(e).organizationId, 'nb')} ${p?.nb ?? s(d(e).position)} vedtak ${s(d(e).decisionId)}${d(e).reason ? `: ${s(d(e).reason)}` : ''}`,
      en: `${named(e, 'organization', d(e).organizationId, 'en')} ${p?.en ?? s(d(e).position)} decision ${s(d(e).decisionId)}${d(e).reason ? `: ${s(d(e).reason)}` : ''}`,
    };
  },
  DecisionSuperseded: (e) => ({
    nb: `Vedtak ${s(d(e).decisionId)} ble erstattet av vedtak ${s(d(e).supersededByDecisionId)} (møte ${named(e, 'meeting', d(e).supersededByMeetingId, 'nb')})`,
    en: `Decision ${s(d(e).decisionId)} was superseded by decision ${s(d(e).supersededByDecisionId)} (meeting ${named(e, 'meeting', d(e).supersededByMeetingId, 'en')})`,
  }),
  DecisionResearchNeedFlagged: (e) => ({ nb: `Vedtak ${s(d(e).decisionId)} merket med forskningsbehov`, en: `Decision ${s(d(e).decisionId)} flagged as a research need` }),
  DecisionRevoked: (e) => ({ nb: `Vedtak ${s(d(e).decisionId)} ble opphevet: ${s(d(e).reason)}`, en: `Decision ${s(d(e).decisionId)} was revoked: ${s(d(e).reason)}` }),
  ActionItemAssigned: (e) => ({
    nb: `Oppfølgingspunkt til ${named(e, 'organization', d(e).responsibleOrganizationId, 'nb')} innen ${auditDay(d(e).dueDate, 'nb')}: «${s(d(e).description)}»`,
    en: `Action item for ${named(e, 'organization', d(e).responsibleOrganizationId, 'en')} due ${auditDay(d(e).dueDate, 'en')}: “${s(d(e).description)}”`,
  }),
  ActionItemProgressReported: (e) => ({
    nb: `Framdrift på oppfølgingspunkt ${s(d(e).actionItemId)}: ${s(d(e).note)}`,
    en: `Progress on action item ${s(d(e).actionItemId)}: ${s(d(e).note)}`,
  }),
  ActionItemCompleted: (e) => ({ nb: `Oppfølgingspunkt ${s(d(e).actionItemId)} ble fullført`, en: `Action item ${s(d(e).actionItemId)} was completed` }),
  ActionItemCancelled: (e) => ({
    nb: `Oppfølgingspunkt ${s(d(e).actionItemId)} ble avbrutt: ${s(d(e).reason)}`,
    en: `Action item ${s(d(e).actionItemId)} was cancelled: ${s(d(e).reason)}`,
  }),
  MinutesDrafted: (e) => ({ nb: `Utkast til referat fra møte ${meeting(e, 'nb')} ble skrevet`, en: `The minutes of meeting ${meeting(e, 'en')} were drafted` }),
  MinutesApproved: (e) => ({
    nb: `Referatet fra møte ${meeting(e, 'nb')} ble godkjent i møte ${named(e, 'meeting', d(e).approvedAtMeetingId, 'nb')}`,
    en: `The minutes of meeting ${meeting(e, 'en')} were approved at meeting ${named(e, 'meeting', d(e).approvedAtMeetingId, 'en')}`,
  }),
  AgendaItemProposed: (e) => ({
    nb: `${named(e, 'organization', d(e).organizationId, 'nb')} foreslo saken «${s(d(e).title)}» til møte ${meeting(e, 'nb')}`,
    en: `${named(e, 'organization', d(e).organizationId, 'en')} proposed the item “${s(d(e).title)}” for meeting ${meeting(e, 'en')}`,
  }),
  AgendaProposalAccepted: (e) => ({
    nb: `Forslaget ${named(e, 'agendaProposal', d(e).proposalId, 'nb')} ble satt på sakslisten til møte ${meeting(e, 'nb')}`,
    en: `Proposal ${named(e, 'agendaProposal', d(e).proposalId, 'en')} was put on the agenda of meeting ${meeting(e, 'en')}`,
  }),
  AgendaProposalDeclined: (e) => ({
    nb: `Forslaget ${named(e, 'agendaProposal', d(e).proposalId, 'nb')} til møte ${meeting(e, 'nb')} ble avslått: ${s(d(e).reason)}`,
    en: `Proposal ${named(e, 'agendaProposal', d(e).proposalId, 'en')} for meeting ${meeting(e, 'en')} was declined: ${s(d(e).reason)}`,
  }),
  AgendaProposalWithdrawn: (e) => ({
    nb: `Forslaget ${named(e, 'agendaProposal', d(e).proposalId, 'nb')} til møte ${meeting(e, 'nb')} ble trukket`,
    en: `Proposal ${named(e, 'agendaProposal', d(e).proposalId, 'en')} for meeting ${meeting(e, 'en')} was withdrawn`,
  }),
};

/** Meetings and agenda proposals are named by their titles, as they stood at each entry. */
export const meetingAuditNames: AuditNames = {
  meeting: { MeetingScheduled: (data) => String(data.title ?? '') },
  agendaProposal: { AgendaItemProposed: (data) => String(data.title ?? '') },
};
