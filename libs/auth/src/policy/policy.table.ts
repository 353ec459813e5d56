import type { Role } from '@kom/kernel';
import { ALL_ROLES, type Policy, type PolicyTable } from './policy';

/**
 * THE access policy of the platform: every query, mutation, subscription and field resolver of the
 * GraphQL schema, by schema coordinate. The PolicyGuard reads only this table for GraphQL
 * (resolvers carry no role decorators: `@Roles` is for HTTP routes); a coordinate missing here is denied
 * (FORBIDDEN, reason NO_POLICY), and test/api/authorization-matrix.e2e-spec.ts fails on it.
 *
 * Roles: SECRETARIAT (KOM secretariat, the Police Directorate), AGENCY_MEMBER (project-group
 * agencies), NGO_REPRESENTATIVE (reference-group NGOs), AUDITOR (read-only: no mutation at all). Own-organisation rules
 * are enforced by the deciders (they receive the verified actor), so no path around GraphQL escapes
 * them; `ownOrganization` says which rule and which refusal reason.
 */
const SECRETARIAT: readonly Role[] = ['SECRETARIAT'];
const READ_ALL = ALL_ROLES;
const AUDIT = ['SECRETARIAT', 'AUDITOR'] as const satisfies readonly Role[];
const WRITERS = ['SECRETARIAT', 'AGENCY_MEMBER', 'NGO_REPRESENTATIVE'] as const satisfies readonly Role[];
const REPRESENTATIVES = ['AGENCY_MEMBER', 'NGO_REPRESENTATIVE'] as const satisfies readonly Role[];

const secretariat = (summary: string): Policy => ({ allow: SECRETARIAT, summary });
const readers = (summary: string): Policy => ({ allow: READ_ALL, summary });
const label = (what: string): Policy => ({ allow: READ_ALL, summary: `${what} in Norwegian or English` });

const policeParty = (summary: string): Policy => ({
  allow: WRITERS,
  summary,
  refusedAfterGuard: { roles: ['NGO_REPRESENTATIVE'], reasons: ['POLICE_PARTY_OR_SECRETARIAT_ONLY'] },
  ownOrganization: {
    roles: ['AGENCY_MEMBER'],
    rule: 'an agency member only when their organisation is the police party of the agreement, or its successor after a merge',
    reasons: ['POLICE_PARTY_OR_SECRETARIAT_ONLY'],
  },
});

const ownIssue = (summary: string): Policy => ({
  allow: ['NGO_REPRESENTATIVE'],
  summary,
  ownOrganization: {
    roles: ['NGO_REPRESENTATIVE'],
    rule: "only the submitting organisation's representatives",
    reasons: ['NOT_OWN_ORGANIZATION'],
  },
});

export const POLICY_TABLE: PolicyTable = {
  // ---- identity and platform
  'Query.me': readers('who the verified token says the caller is'),
  'Identity.representative': readers('the registered representative the caller is linked to, if any'),
  'Query.enumValues': readers('labelled enum values'),
  'Query.platformStatus': { allow: AUDIT, summary: 'the state of this replica and its read models' },

  // ---- organisations, groups, representatives
  'Query.organizations': readers('the register of organisations'),
  'Query.organization': readers('one organisation'),
  'Subscription.organizationChanged': readers('organisation changes, pushed'),
  'Organization.kindLabel': label('the kind'),
  'Organization.memberships': readers('periods of group membership'),
  'Organization.representatives': {
    allow: READ_ALL,
    summary: 'the representatives (personal data); null to those who may not see them (read side)',
    ownOrganization: {
      roles: ['NGO_REPRESENTATIVE'],
      rule: "an NGO representative sees only their own organisation's representatives",
      reasons: ['null otherwise'],
    },
    refusedAfterGuard: { roles: ['AUDITOR'], reasons: ['null: the audit trail names representatives by id'] },
  },
  'Organization.roles': readers('the roles held on a day'),
  'Organization.hasRole': readers('whether a role is held on a day'),
  'Organization.roleHistory': readers('every period of every role'),
  'Organization.names': readers('every name with its first day'),
  'Organization.nameAsOf': readers('the name on a day'),
  'Organization.policeDistrict': readers('its entry in the register of police districts'),
  'Query.policeDistricts': readers('the police districts on a day'),
  'PoliceDistrict.organization': readers("the district's organisation"),
  'PoliceDistrict.name': readers('the name on a day'),
  'PoliceDistrict.mergedInto': readers('the district it merged into'),
  'PoliceDistrict.mergedIntoId': readers('the id of the district it merged into'),
  'PoliceDistrict.heldBy': readers('who holds its place on a day'),
  'PoliceDistrict.predecessors': readers('the districts merged into it'),
  'Query.group': readers("one of KOM's groups"),
  'Group.kindLabel': label('the group'),
  'Group.members': readers('the members on a day'),
  'Mutation.registerOrganization': secretariat('register an organisation'),
  'Mutation.renameOrganization': secretariat('rename an organisation'),
  'Mutation.grantOrganizationRole': secretariat('give an organisation a role from a day'),
  'Mutation.endOrganizationRole': secretariat("end an organisation's role from a day, with a reason"),
  'Mutation.registerPoliceDistrict': secretariat('enter a police organisation in the register of police districts'),
  'Mutation.mergePoliceDistricts': secretariat("merge police districts into a successor (ends the merged districts' POLICE role)"),
  'Mutation.admitToGroup': secretariat('admit an organisation to a group'),
  'Mutation.leaveGroup': secretariat('record that an organisation leaves a group'),
  'Mutation.addRepresentative': secretariat("add an organisation's representative (personal data, encrypted)"),
  'Mutation.removeRepresentative': secretariat('remove a representative'),
  'Mutation.linkRepresentativeIdentity': secretariat('link a sign-in identity (token subject) to a representative of the organisation it signs in for'),
  'Mutation.unlinkRepresentativeIdentity': secretariat('unlink a sign-in identity from a representative'),
  'Representative.identities': secretariat('the sign-in identities linked to a representative'),
  'Mutation.restrictPerson': secretariat("restrict a person's personal data: hidden from all but auditors, nothing deleted (an event, with the legal basis)"),
  'Mutation.forgetPerson': secretariat("erase a person's personal data: record the erasure (an event, with the legal basis) and shred the data key"),
  'Query.representative': {
    allow: READ_ALL,
    summary: 'one representative (personal data), also after removal; null to those who may not see it (read side)',
    ownOrganization: {
      roles: ['NGO_REPRESENTATIVE'],
      rule: "an NGO representative sees only their own organisation's representatives",
      reasons: ['null otherwise'],
    },
  },

  // ---- action plans and their measures
  'Query.actionPlans': readers('every action plan'),
  'Query.actionPlan': readers('one action plan'),
  'ActionPlan.title': label("the plan's title"),
  'ActionPlan.measures': readers("the plan's measures"),
  'Mutation.registerActionPlan': secretariat('register an action plan with its period'),
  'Mutation.recordPlanMeasure': secretariat('record a measure of a plan as the plan first words it'),
  'Mutation.revisePlanMeasure': secretariat("record a measure's later wording or other ministries, from a date"),
  'Mutation.recordMeasureStatus': secretariat("record a measure's status in a year (CONTINUED: the later plan's measure)"),
  'Query.measures': readers("one action plan's measures (default 2011–2014)"),
  'Query.measure': readers('one measure'),
  'Measure.label': label("the measure's title"),
  'Measure.areaLabel': label('the area'),
  'Measure.plan': readers('the plan of the measure'),
  'Measure.statuses': readers('the status per year'),
  'Measure.status': readers("one year's status"),
  'Measure.continuedIn': readers("the later plan's measure continuing it"),
  'Measure.continues': readers("earlier plans' measures it continues"),
  'Measure.revisions': readers('every wording of the measure'),
  'Measure.citations': readers('decisions, agenda items, issues and agreements citing it, as the reader may see each'),
  'MeasureRef.measure': readers('the measure cited'),
  'Issue.citedMeasures': readers('the 2011–2014 measures cited, as numbers (deprecated)'),
  'Decision.citedMeasures': readers('the 2011–2014 measures cited, as numbers (deprecated)'),
  'AgendaItem.citedMeasures': readers('the 2011–2014 measures cited, as numbers (deprecated)'),
  'AgendaProposal.citedMeasures': readers('the 2011–2014 measures cited, as numbers (deprecated)'),

  // ---- meetings, agendas, minutes, decisions, action items
  'Query.meetings': readers('meetings by start time'),
  'Query.meeting': readers('one meeting (also as of a moment)'),
  'Subscription.agendaChanged': readers("a meeting's agenda changes, pushed"),
  'Subscription.meetingChanged': readers('every change to one meeting (attendance, decisions, positions, action items, minutes), pushed'),
  'Meeting.kindLabel': label('the kind of meeting'),
  'Meeting.statusLabel': label('the status'),
  'Meeting.minutesStatusLabel': label("the minutes' status"),
  'Meeting.agenda': {
    allow: READ_ALL,
    summary: 'the agenda; a draft agenda only to the secretariat (others: FORBIDDEN AGENDA_NOT_PUBLISHED, read side)',
  },
  'Meeting.amendments': readers('changes to a published agenda'),
  'Meeting.attendance': readers('the organisations present'),
  'Meeting.decisions': readers('decisions taken at the meeting'),
  'Meeting.actionItems': readers('action items set at the meeting'),
  'Meeting.minutes': readers('the minutes'),
  'Meeting.suggestedAgendaItems': readers('open action items suggested for the agenda'),
  'AgendaAmendment.kindLabel': label('the kind of agenda change'),
  'Minutes.statusLabel': label("the minutes' status"),
  'Query.decisions': readers('KOM decisions'),
  'Query.decision': readers('one decision'),
  'Decision.statusLabel': label('the status'),
  'Decision.positions': readers("each organisation's position"),
  'Decision.meeting': readers('the meeting that took the decision'),
  'DecisionPosition.positionLabel': label('the position'),
  'DecisionPosition.representative': {
    allow: READ_ALL,
    summary: 'the registered representative who recorded the position, named as registered now; null to those who may not see it (read side)',
    ownOrganization: {
      roles: ['NGO_REPRESENTATIVE'],
      rule: "an NGO representative sees only their own organisation's representatives",
      reasons: ['null otherwise'],
    },
  },
  'Query.actionItems': readers('action items'),
  'Query.actionItem': readers('one action item'),
  'ActionItem.statusLabel': label('the status'),
  'ActionItem.overdue': readers('whether an open item is past due'),
  'Mutation.scheduleMeeting': secretariat('schedule a meeting'),
  'Mutation.planMeetingSeries': secretariat('plan a series of meetings'),
  'Mutation.rescheduleMeeting': secretariat('move a meeting'),
  'Mutation.cancelMeeting': secretariat('cancel a meeting'),
  'Mutation.addAgendaItem': secretariat('add an agenda item'),
  'Mutation.updateAgendaItem': secretariat('change an agenda item'),
  'Mutation.reorderAgenda': secretariat('reorder the agenda'),
  'Mutation.removeAgendaItem': secretariat('remove an agenda item'),
  'Mutation.publishAgenda': secretariat('publish the agenda'),
  'Mutation.recordAttendance': secretariat('record who attended'),
  'Mutation.recordMinutes': secretariat('draft the minutes'),
  'Mutation.approveMinutes': secretariat('approve the minutes'),
  'Mutation.recordDecision': secretariat('record a decision'),
  'Mutation.supersedeDecision': secretariat('supersede a decision'),
  'Mutation.revokeDecision': secretariat('revoke a decision'),
  'Mutation.flagDecisionResearchNeed': secretariat('flag a decision as pointing to a research need, in a short text'),
  'Mutation.assignActionItem': secretariat('assign an action item'),
  'Mutation.completeActionItem': {
    allow: WRITERS,
    summary: 'complete an action item, with a note',
    ownOrganization: { roles: ['AGENCY_MEMBER', 'NGO_REPRESENTATIVE'], rule: 'a member only for an action item of their own organisation', reasons: ['NOT_OWN_ORGANIZATION'] },
  },
  'Mutation.reportActionItemProgress': {
    allow: WRITERS,
    summary: 'note how an open action item is going',
    ownOrganization: { roles: ['AGENCY_MEMBER', 'NGO_REPRESENTATIVE'], rule: 'a member only for an action item of their own organisation', reasons: ['NOT_OWN_ORGANIZATION'] },
  },
  'ActionItem.progress': readers('the notes on how it is going'),
  'Mutation.cancelActionItem': secretariat('cancel an action item'),
  'Query.agendaProposals': readers("agenda proposals: all to the secretariat and auditors, a representative's own organisation's to them (read side)"),
  'Query.agendaProposal': readers('one agenda proposal; null to a representative of another organisation (read side)'),
  'Subscription.agendaProposalChanged': readers('agenda proposals you may see, pushed after each step'),
  'AgendaProposal.statusLabel': label('the status'),
  'AgendaProposal.meeting': readers('the meeting it was proposed for'),
  'AgendaProposal.proposedBy': {
    allow: READ_ALL,
    summary: 'the registered representative who proposed the item, named as registered now; null to those who may not see it (read side)',
    ownOrganization: {
      roles: ['NGO_REPRESENTATIVE'],
      rule: "an NGO representative sees only their own organisation's representatives",
      reasons: ['null otherwise'],
    },
  },
  'AgendaItem.proposal': readers('the member proposal an agenda item was accepted from'),
  'Mutation.proposeAgendaItem': {
    allow: REPRESENTATIVES,
    summary: 'propose an item for a coming meeting of a body their organisation belongs to',
    ownOrganization: {
      roles: ['AGENCY_MEMBER', 'NGO_REPRESENTATIVE'],
      rule: "the proposal is their own organisation's, which must belong to the meeting's body on its date",
      reasons: ['NOT_A_MEMBER_OF_BODY'],
    },
  },
  'Mutation.acceptAgendaProposal': secretariat('accept an agenda proposal: its item joins the agenda'),
  'Mutation.declineAgendaProposal': secretariat('decline an agenda proposal with a reason'),
  'Mutation.withdrawAgendaProposal': {
    allow: REPRESENTATIVES,
    summary: 'withdraw a proposal not yet decided',
    ownOrganization: { roles: ['AGENCY_MEMBER', 'NGO_REPRESENTATIVE'], rule: "only the proposing organisation's representatives", reasons: ['NOT_OWN_ORGANIZATION'] },
  },
  'Mutation.recordPosition': {
    allow: ['SECRETARIAT', 'AGENCY_MEMBER', 'NGO_REPRESENTATIVE'],
    summary: "record an organisation's position on a decision",
    ownOrganization: {
      roles: ['AGENCY_MEMBER', 'NGO_REPRESENTATIVE'],
      rule: "members record their own organisation's position only (NGOs not at project-group meetings)",
      reasons: ['NOT_OWN_ORGANIZATION', 'NGO_POSITION_NOT_AT_PROJECT_GROUP'],
    },
  },

  // ---- cooperation agreements (measure 34)
  'Query.agreements': {
    allow: READ_ALL,
    summary: 'agreements; drafts only to the secretariat, auditors and the parties (read side)',
  },
  'Query.agreement': readers('one agreement, as the caller may see it'),
  'Query.agreementVersionDiff': readers('two versions compared, as the caller may see them'),
  'Subscription.agreementChanged': {
    allow: READ_ALL,
    summary: 'one agreement after each change (signatures, amendments, renewal, termination), pushed as the caller may read it',
    ownOrganization: {
      roles: ['NGO_REPRESENTATIVE'],
      rule: 'an NGO representative follows only agreements their organisation is party to (read side)',
      reasons: ['NOT_A_PARTY'],
    },
  },
  'Agreement.statusLabel': label('the status'),
  'Agreement.policeSuccessor': readers('the successor holding a merged police party’s place today'),
  'AgreementSignature.representative': {
    allow: READ_ALL,
    summary: 'the registered representative who signed, named as registered now; null to those who may not see it (read side)',
    ownOrganization: {
      roles: ['NGO_REPRESENTATIVE'],
      rule: "an NGO representative sees only their own organisation's representatives",
      reasons: ['null otherwise'],
    },
  },
  'AgreementParty.heldBy': readers('the successor holding a merged party’s place today'),
  'AgreementClause.sectionLabel': label('the clause section'),
  'AgreementClause.text': label('the clause'),
  'Mutation.draftAgreement': policeParty('draft an agreement'),
  'Mutation.amendAgreement': policeParty('amend an agreement (a new version)'),
  'Mutation.proposeAgreementForSignature': policeParty('propose the current version for signature'),
  'Mutation.renewAgreement': policeParty('renew an agreement'),
  'Mutation.signAgreement': {
    allow: WRITERS,
    refusedAfterGuard: { roles: ['SECRETARIAT'], reasons: ['REPRESENTATIVE_ONLY'] },
    summary: 'sign the proposed version, as the registered representative the caller is linked to',
    ownOrganization: {
      roles: REPRESENTATIVES,
      rule: 'for their own organisation, or a merged police district it succeeds, when it is a party; the caller must be linked to a current representative of their organisation',
      reasons: ['NOT_A_PARTY', 'NOT_A_REPRESENTATIVE'],
    },
  },
  'Mutation.terminateAgreement': {
    allow: WRITERS,
    refusedAfterGuard: { roles: ['SECRETARIAT'], reasons: ['REPRESENTATIVE_ONLY'] },
    summary: 'give notice of termination',
    ownOrganization: { roles: REPRESENTATIVES, rule: 'for their own organisation, or a merged police district it succeeds, when it is a party', reasons: ['NOT_A_PARTY'] },
  },

  // ---- issues (reference group → project group)
  'Mutation.submitIssue': ownIssue('submit an issue for their organisation (a reference-group member)'),
  'Mutation.editIssue': ownIssue('edit an issue until it is forwarded'),
  'Mutation.withdrawIssue': ownIssue('withdraw an issue until it is forwarded'),
  'Mutation.commentOnIssue': {
    allow: WRITERS,
    summary: 'comment on an open issue, for their organisation (a member of either group)',
    ownOrganization: {
      roles: ['AGENCY_MEMBER', 'NGO_REPRESENTATIVE'],
      rule: "the comment is recorded for the actor's own organisation, which must be a member of a group",
      reasons: ['NOT_A_MEMBER_ORGANIZATION'],
    },
  },
  'Mutation.placeIssueOnAgenda': secretariat("place an issue on a meeting's agenda"),
  'Mutation.forwardIssue': secretariat("record the reference group's decision to forward an issue"),
  'Mutation.resolveIssue': secretariat("record the project group's decision on an issue"),
  'Mutation.closeIssue': secretariat('close an open issue with a reason'),
  'Mutation.markIssueDuplicate': secretariat('mark an open issue a duplicate of another: it is closed with the reason, pointing to the original'),
  'Mutation.flagResearchNeed': {
    allow: ['SECRETARIAT', 'NGO_REPRESENTATIVE'],
    summary: 'flag an issue as pointing to a research need, in a short text',
    ownOrganization: { roles: ['NGO_REPRESENTATIVE'], rule: "only the submitting organisation's representatives", reasons: ['NOT_OWN_ORGANIZATION'] },
  },
  'Query.issues': readers('issues, filtered'),
  'Query.issue': readers('one issue (also as of a moment)'),
  'Query.issueStatistics': {
    allow: ['SECRETARIAT', 'AGENCY_MEMBER', 'AUDITOR'],
    summary: "counts and median time to an outcome for a year's issues (measure 6)",
  },
  'Subscription.issueStatusChanged': {
    allow: READ_ALL,
    summary: "an organisation's issues after each change of status, pushed",
    ownOrganization: {
      roles: ['NGO_REPRESENTATIVE'],
      rule: "an NGO representative follows only their own organisation's issues (resolver)",
      reasons: ['NOT_OWN_ORGANIZATION'],
    },
  },
  'Subscription.issueChanged': {
    allow: READ_ALL,
    summary: "every step in one issue's story (comments, agenda, positions, decision, action items), pushed",
    ownOrganization: {
      roles: ['NGO_REPRESENTATIVE'],
      rule: "an NGO representative follows only their own organisation's issues (read side)",
      reasons: ['NOT_OWN_ORGANIZATION'],
    },
  },
  'Issue.statusLabel': label('the status'),
  'Issue.submittedBy': {
    allow: READ_ALL,
    summary: 'the registered representative who submitted the issue, named as registered now; null to those who may not see it (read side)',
    ownOrganization: {
      roles: ['NGO_REPRESENTATIVE'],
      rule: "an NGO representative sees only their own organisation's representatives",
      reasons: ['null otherwise'],
    },
  },
  'Issue.categoryLabel': label('the category'),
  'Issue.tagLabels': label('the tags'),
  'Issue.comments': readers('the comments'),
  'Issue.timeline': readers('every step with time, actor, organisation and role'),
  'Issue.lineage': readers('agenda items, decisions and action items made from it'),
  'Issue.duplicateOf': readers('the issue it duplicates, if marked a duplicate'),
  'Issue.duplicates': readers('the issues marked duplicates of it'),

  // ---- audit
  'Query.auditTrail': { allow: AUDIT, summary: 'every event as an audit entry' },
  'Query.decisionHistory': { allow: AUDIT, summary: "a decision's whole story, each step with its audit entry" },
  'AuditEntry.summary': { allow: AUDIT, summary: 'what happened, readably' },
  'Query.verifyIntegrity': { allow: AUDIT, summary: "check the log's hash chains and checkpoints" },
  'Query.auditProof': { allow: AUDIT, summary: 'inclusion proof of an event' },
  'Query.integrityCheck': { allow: AUDIT, summary: 'the progress of the whole-log verification and its last outcome' },
  'Query.auditEventTypes': { allow: AUDIT, summary: 'the event types in the log, for filters' },
  'DecisionHistoryStep.proof': { allow: AUDIT, summary: "a history step's inclusion proof in the latest checkpoint" },
  'Query.consistencyProof': { allow: AUDIT, summary: 'consistency proof between two checkpoints' },
  'Query.auditCheckpoints': { allow: AUDIT, summary: 'the signed checkpoints, a page at a time' },
  'Query.latestAuditCheckpoint': { allow: AUDIT, summary: 'the latest signed checkpoint' },
  'Query.auditCheckpointCount': { allow: AUDIT, summary: 'how many signed checkpoints there are' },
  'Query.auditPublicKey': { allow: 'PUBLIC', summary: 'the public key that signs audit checkpoints (public by design)' },
  // Auditors change nothing, not even by signing: the platform checkpoints on its own schedule
  // (KOM_AUDIT_CHECKPOINT_EVERY events, KOM_AUDIT_CHECKPOINT_MINUTES), the secretariat on demand.
  'Mutation.createAuditCheckpoint': secretariat(
    'sign a checkpoint of the log as it is now, on demand (the platform also signs them on a schedule)',
  ),

  // ---- documents and calendar feeds
  'Query.document': readers('a document built from the log (agenda, minutes, register, calendar), with provenance; what is in it follows the read side'),
  'Query.calendarFeeds': { allow: WRITERS, summary: "the caller's own calendar feeds" },
  'Mutation.createCalendarFeed': {
    allow: WRITERS,
    summary: 'a calendar feed URL for a body or an organisation',
    ownOrganization: { roles: ['AGENCY_MEMBER', 'NGO_REPRESENTATIVE'], rule: "an organisation's feed only for its own people", reasons: ['NOT_OWN_ORGANIZATION'] },
  },
  'Mutation.revokeCalendarFeed': { allow: WRITERS, summary: "stop one of the caller's own calendar feeds (others' answer NOT_FOUND)" },

  // ---- notifications
  'Query.notificationPreferences': readers("the caller's own notification preferences"),
  'Mutation.setNotificationPreferences': {
    allow: WRITERS,
    summary: "choose what the caller hears about, in which language, how, and at which representative record's address",
    ownOrganization: { roles: [...WRITERS], rule: "the address only of one of the caller's own organisation's representatives", reasons: ['NOT_OWN_REPRESENTATIVE'] },
  },
  'Query.sentNotifications': readers('the notifications recorded for the caller, and whether they went out'),
  'Query.webhookEndpoints': { allow: WRITERS, summary: "the caller's organisation's webhook endpoints, with state and latest failures" },
  'Mutation.registerWebhookEndpoint': { allow: WRITERS, summary: "register a webhook endpoint, always for the caller's own organisation (the signing secret is shown once)" },
  'Mutation.rotateWebhookSecret': { allow: WRITERS, summary: "a new signing secret for one of the organisation's endpoints, shown once (others' answer NOT_FOUND)" },
  'Mutation.disableWebhookEndpoint': { allow: WRITERS, summary: "stop deliveries to one of the organisation's endpoints (others' answer NOT_FOUND)" },
  'Mutation.enableWebhookEndpoint': { allow: WRITERS, summary: "deliver to one of the organisation's disabled endpoints again (others' answer NOT_FOUND)" },
  'Mutation.removeWebhookEndpoint': { allow: WRITERS, summary: "remove one of the organisation's endpoints and shred its secret (others' answer NOT_FOUND)" },

  // ---- annual status report (measure 6)
  'Query.statusReport': readers('the status report of a year; drafts and recorded figures only to the secretariat and agency members (read side)'),
  'Query.statusReportYears': readers('years with a status report the caller may see (read side)'),
  'Mutation.draftStatusReport': secretariat('start the status report of a year'),
  'Mutation.writeStatusReportChapter': secretariat('write or revise a chapter of the draft (trends, challenges, research needs) in nb or en'),
  'Mutation.recordStatusReportFigures': {
    allow: ['SECRETARIAT', 'AGENCY_MEMBER'],
    summary: "an agency's annual counts by form of exploitation (whole numbers, never a person)",
    ownOrganization: { roles: ['AGENCY_MEMBER'], rule: "an agency member only for their own organisation's figures", reasons: ['NOT_OWN_ORGANIZATION'] },
  },
  'Mutation.approveStatusReport': secretariat("record the project group's approving decision (a PROJECT_GROUP or JOINT decision)"),
  'Mutation.publishStatusReport': secretariat('publish the approved edition (public from then on, never changed)'),
  'Mutation.correctStatusReport': secretariat('open a correction: the next edition, with a note of what changed'),
};
