import { defaultPlanRefs } from '@kom/kernel';
import { ev, projectionSpec, type ProjectionSpec } from '@kom/projections/testing';
import { CONTEXTS } from '../contexts';
import { readModelReportSources } from './report-sources';

/** Every context's read models but the audit's (they take every event and play no part in the report). */
const PROJECTIONS = CONTEXTS.flatMap((c) => c.projections).filter((p) => p.handles !== '*');
const issue = (issueId: string, numbers: number[], at: string, others: { plan: string; number: number }[] = []) =>
  ev(
    `issue-${issueId}`,
    'IssueSubmitted',
    { issueId, organizationId: 'org-rosa', title: 'T', description: 'D', category: 'CHILDREN', tags: [], citedMeasures: [...defaultPlanRefs(numbers), ...others], urgency: null, citedIssueIds: [] },
    { at },
  );
const parties = (police: string) => [
  { organizationId: police, name: 'Politi', kind: 'POLICE', role: 'Etterforsker' },
  { organizationId: 'org-rosa', name: 'ROSA', kind: 'NGO', role: 'Bistand' },
];
const drafted = (agreementId: string, police: string, effectiveFrom: string, expiresOn: string) =>
  ev(`agreement-${agreementId}`, 'AgreementDrafted', {
    agreementId, version: 1, createdAt: `${effectiveFrom}T08:00:00.000Z`, title: 'Avtale', purpose: 'Formål', parties: parties(police),
    clauses: [{ section: 'VICTIM_ROUTE', nb: 'Rute', en: null }], effectiveFrom, expiresOn, citedDecisionIds: [],
  }, { at: `${effectiveFrom}T08:00:00.000Z` });
const signedByAll = (agreementId: string, version: number, police: string, at: string) => [
  ev(`agreement-${agreementId}`, 'AgreementSigned', { agreementId, version, organizationId: police, signedBy: 'u1', signedAt: at }, { at }),
  ev(`agreement-${agreementId}`, 'AgreementSigned', { agreementId, version, organizationId: 'org-rosa', signedBy: 'u2', signedAt: at }, { at }),
];

describe('the annual report’s sources from the issues and agreements read models', () => {
  let spec: ProjectionSpec;

  beforeEach(() => {
    spec = projectionSpec(PROJECTIONS);
    spec.given([
      ev('organization-org-pd', 'OrganizationRegistered', { organizationId: 'org-pd', name: 'Oslo politidistrikt', shortName: 'Oslo PD', kind: 'POLICE', from: '2026-01-01' }, { at: '2026-01-01T08:00:00.000Z' }),
      ev('organization-org-vest', 'OrganizationRegistered', { organizationId: 'org-vest', name: 'Vest politidistrikt', shortName: 'Vest PD', kind: 'POLICE', from: '2026-01-01' }, { at: '2026-01-01T08:00:00.000Z' }),
      ev('organization-org-rosa', 'OrganizationRegistered', { organizationId: 'org-rosa', name: 'ROSA', shortName: 'ROSA', kind: 'NGO', from: '2026-01-01' }, { at: '2026-01-01T08:00:00.000Z' }),
    ]);
  });
  afterEach(() => spec.close());

  it('counts the year’s issues per cited measure by where they ended, an issue under each measure it cites', () => {
    spec.given([
      issue('i1', [6, 17], '2027-02-01T10:00:00.000Z', [{ plan: '2006-2009', number: 6 }]),
      issue('i2', [6], '2027-03-01T10:00:00.000Z'),
      issue('i3', [], '2027-04-01T10:00:00.000Z'),
      issue('i4', [6], '2026-12-31T23:30:00.000Z'), // already 2027 in Oslo
      issue('old', [6], '2026-06-01T10:00:00.000Z'),
      ev('issue-i1', 'IssueClosed', { issueId: 'i1', reason: 'Dealt with elsewhere', meetingId: null, agendaItemId: null }, { at: '2027-05-01T10:00:00.000Z' }),
      ev('issue-i2', 'IssueWithdrawn', { issueId: 'i2', reason: 'Not needed' }, { at: '2027-05-01T10:00:00.000Z' }),
    ]);
    const figures = readModelReportSources.issueOutcomes(spec.readModels, 2027);
    expect(figures).toEqual([
      { measure: { plan: '2011-2014', number: 6 }, raised: 3, forwarded: 0, resolved: 0, closed: 1, withdrawn: 1, open: 1 },
      { measure: { plan: '2011-2014', number: 17 }, raised: 1, forwarded: 0, resolved: 0, closed: 1, withdrawn: 0, open: 0 },
      // Measure 6 of another plan is another measure: counted apart.
      { measure: { plan: '2006-2009', number: 6 }, raised: 1, forwarded: 0, resolved: 0, closed: 1, withdrawn: 0, open: 0 },
      { measure: null, raised: 1, forwarded: 0, resolved: 0, closed: 0, withdrawn: 0, open: 1 },
    ]);
    expect(readModelReportSources.issueOutcomes(spec.readModels, 2026)).toEqual([
      { measure: { plan: '2011-2014', number: 6 }, raised: 1, forwarded: 0, resolved: 0, closed: 0, withdrawn: 0, open: 1 },
    ]);
  });

  it('counts agreements per police party: in force at year end, signed, renewed and terminated in the year', () => {
    spec.given([
      drafted('a1', 'org-pd', '2027-02-01', '2027-12-01'),
      ev('agreement-a1', 'AgreementProposedForSignature', { agreementId: 'a1', version: 1, proposedAt: '2027-02-01T09:00:00.000Z' }, { at: '2027-02-01T09:00:00.000Z' }),
      ...signedByAll('a1', 1, 'org-pd', '2027-02-02T09:00:00.000Z'),
      ev('agreement-a1', 'AgreementRenewed', { agreementId: 'a1', version: 2, basedOnVersion: 1, createdAt: '2027-10-01T09:00:00.000Z', expiresOn: '2028-12-01' }, { at: '2027-10-01T09:00:00.000Z' }),
      ev('agreement-a1', 'AgreementProposedForSignature', { agreementId: 'a1', version: 2, proposedAt: '2027-10-01T09:00:00.000Z' }, { at: '2027-10-01T09:00:00.000Z' }),
      ...signedByAll('a1', 2, 'org-pd', '2027-10-02T09:00:00.000Z'),
      drafted('a2', 'org-vest', '2027-03-01', '2029-03-01'),
      ev('agreement-a2', 'AgreementProposedForSignature', { agreementId: 'a2', version: 1, proposedAt: '2027-03-01T09:00:00.000Z' }, { at: '2027-03-01T09:00:00.000Z' }),
      ...signedByAll('a2', 1, 'org-vest', '2027-03-02T09:00:00.000Z'),
      ev('agreement-a2', 'AgreementTerminated', { agreementId: 'a2', organizationId: 'org-vest', terminatedBy: 'u1', reason: 'Replaced', effectiveOn: '2027-11-01', noticeGivenAt: '2027-08-01T09:00:00.000Z' }, { at: '2027-08-01T09:00:00.000Z' }),
      drafted('a3', 'org-vest', '2027-04-01', '2029-04-01'), // never signed by ROSA: not counted as signed
      ev('agreement-a3', 'AgreementProposedForSignature', { agreementId: 'a3', version: 1, proposedAt: '2027-04-01T09:00:00.000Z' }, { at: '2027-04-01T09:00:00.000Z' }),
      ev('agreement-a3', 'AgreementSigned', { agreementId: 'a3', version: 1, organizationId: 'org-vest', signedBy: 'u1', signedAt: '2027-04-02T09:00:00.000Z' }, { at: '2027-04-02T09:00:00.000Z' }),
    ]);
    const at = new Date('2028-02-01T09:00:00.000Z');
    expect(readModelReportSources.agreements(spec.readModels, 2027, at)).toEqual([
      { policeOrganizationId: 'org-pd', inForce: 1, signed: 1, renewed: 1, terminated: 0 },
      { policeOrganizationId: 'org-vest', inForce: 0, signed: 1, renewed: 0, terminated: 1 },
    ]);
    // Built in mid-year, "year end" is the day of the build: a1 was in force then.
    expect(readModelReportSources.agreements(spec.readModels, 2027, new Date('2027-06-01T09:00:00.000Z'))[0]).toMatchObject({ inForce: 1 });
  });

  it('lists the measures under each plan whose period covers the year, with the year’s status', () => {
    const plan = (planId: string, from: number, to: number) =>
      ev(`action-plan-${planId}`, 'ActionPlanRegistered', { planId, titleNb: `Plan ${planId}`, titleEn: `Plan ${planId}`, from, to, responsible: [] });
    const measure = (planId: string, number: number) =>
      ev(`action-plan-${planId}`, 'PlanMeasureRecorded', { planId, number, titleNb: `Tiltak ${number}`, titleEn: `Measure ${number}`, area: 'PREVENTION', ministries: ['JD'] });
    spec.given([
      plan('2006-2009', 2006, 2009),
      measure('2006-2009', 1),
      plan('2011-2014', 2011, 2014),
      measure('2011-2014', 5),
      measure('2011-2014', 6),
      ev('action-plan-2011-2014', 'MeasureStatusRecorded', { planId: '2011-2014', number: 5, year: 2012, status: 'DONE' }),
    ]);
    expect(readModelReportSources.planMeasures(spec.readModels, 2012)).toEqual([
      {
        planId: '2011-2014',
        titleNb: 'Plan 2011-2014',
        titleEn: 'Plan 2011-2014',
        measures: [
          { number: 5, titleNb: 'Tiltak 5', titleEn: 'Measure 5', status: 'DONE' },
          { number: 6, titleNb: 'Tiltak 6', titleEn: 'Measure 6', status: null },
        ],
      },
    ]);
    expect(readModelReportSources.planMeasures(spec.readModels, 2008).map((p) => p.planId)).toEqual(['2006-2009']);
    expect(readModelReportSources.planMeasures(spec.readModels, 2027)).toEqual([]);
  });
});
