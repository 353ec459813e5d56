import type { ManualClock } from '@kom/platform';
import type { TestApp } from './test-app';

const ISSUE = 'id status';
const SUBMIT = `mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { ${ISSUE} } }`;
const PLACE = `mutation($input: PlaceIssueOnAgendaInput!) { placeIssueOnAgenda(input: $input) { ${ISSUE} } }`;
const FORWARD = `mutation($input: ForwardIssueInput!) { forwardIssue(input: $input) { ${ISSUE} } }`;
const RESOLVE = `mutation($input: ResolveIssueInput!) { resolveIssue(input: $input) { ${ISSUE} } }`;
const CLOSE = `mutation($input: CloseIssueInput!) { closeIssue(input: $input) { ${ISSUE} } }`;
const AGREEMENT = 'id status';
const DRAFT = `mutation($input: DraftAgreementInput!) { draftAgreement(input: $input) { ${AGREEMENT} } }`;
const PROPOSE = `mutation($input: ProposeAgreementForSignatureInput!) { proposeAgreementForSignature(input: $input) { ${AGREEMENT} } }`;
const SIGN = `mutation($input: SignAgreementInput!) { signAgreement(input: $input) { ${AGREEMENT} } }`;

export interface ReportYearScenario {
  /** Resolved by the project group; cites measures 17 and 34. */
  readonly resolved: string;
  /** Closed by the secretariat; cites measure 34. */
  readonly closed: string;
  /** Still open; cites measure 6. */
  readonly open: string;
  readonly agreementId: string;
}

/**
 * The rest of a year for the annual report, after the documents scenario (clock in February 2027):
 * ROSA's issues — one taken through the reference group to a project-group resolution, one closed,
 * one left open and flagged as pointing to a research need — a cooperation agreement between the
 * police and ROSA signed by both, and a research need flagged on the decision it cites.
 */
export async function reportYearScenario(t: TestApp, clock: ManualClock, citedDecisionId: string): Promise<ReportYearScenario> {
  const secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
  const rosa = (await t.representative('NGO_REPRESENTATIVE', 'org-rosa', 'rita')).token;
  const police = (await t.representative('AGENCY_MEMBER', 'org-politiet', 'pia')).token;
  const ok = async (query: string, input: Record<string, unknown>, token = secretariat) => Object.values(await t.data(query, { input }, token))[0] as { id: string; status: string };

  clock.set('2027-03-01T09:00:00.000Z');
  const submit = async (title: string, citedMeasures: number[]) =>
    (await ok(SUBMIT, { organizationId: 'org-rosa', title, description: 'Beskrivelse uten personopplysninger.', category: 'IDENTIFICATION_AND_ASSISTANCE', tags: ['FORCED_LABOUR'], citedMeasures }, rosa)).id;
  const resolved = await submit('Botilbud for ofre for tvangsarbeid', [17, 34]);
  const closed = await submit('Kontaktpunkt i politiet', [34]);
  const open = await submit('Forskning på tvangskriminalitet', [6]);
  await ok(CLOSE, { issueId: closed, reason: 'Besvart av politiet i møte med ROSA.' });

  const hold = async (kind: string, startsAt: string, attendees: string[]) => {
    const meetingId = (await ok('mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }', { kind, title: `KOM ${kind}`, startsAt, endsAt: new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString(), location: 'Oslo' })).id;
    await ok(PLACE, { issueId: resolved, meetingId });
    await ok('mutation($input: PublishAgendaInput!) { publishAgenda(input: $input) { id } }', { meetingId });
    clock.set(new Date(Date.parse(startsAt) + 5 * 60_000));
    await ok('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', { meetingId, organizationIds: attendees });
  };
  await hold('REFERENCE_GROUP', '2027-03-10T09:00:00.000Z', ['org-rosa']);
  await ok(FORWARD, { issueId: resolved, decision: 'Sendes prosjektgruppen.' });
  await hold('PROJECT_GROUP', '2027-03-24T09:00:00.000Z', ['org-politiet', 'org-udi']);
  await ok(RESOLVE, { issueId: resolved, decision: 'UDI kartlegger botilbudet før sommeren.' });

  clock.set('2027-04-01T09:00:00.000Z');
  const agreementId = (await ok(DRAFT, {
    title: 'Samarbeidsavtale politiet og ROSA',
    purpose: 'Tydelige roller mellom politiet og ROSA (tiltak 34).',
    parties: [{ organizationId: 'org-politiet', role: 'Identifiserer og henviser' }, { organizationId: 'org-rosa', role: 'Trygt bosted og bistand' }],
    clauses: [
      { section: 'ROLES_AND_RESPONSIBILITIES', nb: 'Politiet identifiserer; ROSA gir bistand.' },
      { section: 'CONTACT_POINTS', nb: 'Hver part utpeker en fast kontaktperson.' },
      { section: 'INFORMATION_SHARING_AND_CONFIDENTIALITY', nb: 'Opplysninger deles bare med samtykke eller hjemmel.' },
      { section: 'VICTIM_ROUTE', nb: 'Fra identifisering til trygt bosted samme døgn.' },
      { section: 'TERM_AND_REVIEW', nb: 'Avtalen evalueres årlig.' },
    ],
    effectiveFrom: '2027-04-15',
    expiresOn: '2029-04-15',
    citedDecisionIds: [citedDecisionId],
  })).id;
  await ok(PROPOSE, { agreementId, version: 1 });
  await ok(SIGN, { agreementId, version: 1 }, police);
  const signed = await ok(SIGN, { agreementId, version: 1 }, rosa);
  if (signed.status === 'AWAITING_SIGNATURES') throw new Error('the agreement should be signed by both parties');

  clock.set('2027-05-01T09:00:00.000Z');
  await ok('mutation($input: FlagResearchNeedInput!) { flagResearchNeed(input: $input) { id status } }', { issueId: open, text: 'Lite kunnskap om tvungen kriminalitet blant unge.' }, rosa);
  await ok('mutation($input: FlagDecisionResearchNeedInput!) { flagDecisionResearchNeed(input: $input) { id status } }', { decisionId: citedDecisionId, text: 'Hva avtalene betyr for ofrene.' });
  return { resolved, closed, open, agreementId };
}
