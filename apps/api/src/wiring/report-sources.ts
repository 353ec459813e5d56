import type { AgreementFigures, IssueOutcomeFigures, IssueResearchNeed, PlanMeasureStatuses, ReportSources } from '@kom/documents';
import { IssuesQueries } from '@kom/issues';
import { AgreementsQueries, versionInForceAt } from '@kom/agreements';
import { OrganizationsQueries } from '@kom/organizations';
import { MeasuresQueries } from '@kom/measures';
import { measureKey, osloDate } from '@kom/kernel';
import type { ReadModelDatabase } from '@kom/projections';

/** Where an issue ended, in the report's columns; anything still under way is open. */
const OUTCOME_COLUMN: Readonly<Record<string, keyof Omit<IssueOutcomeFigures, 'measure' | 'raised'>>> = {
  FORWARDED: 'forwarded',
  ON_PROJECT_AGENDA: 'forwarded',
  RESOLVED: 'resolved',
  CLOSED: 'closed',
  WITHDRAWN: 'withdrawn',
};

type Version = { readonly clauses: unknown; readonly parties: unknown; readonly purpose: string; readonly expiresOn: string | null };

/** A renewal is a new version that only moves the expiry date (an amendment changes the content). */
const isRenewal = (before: Version, after: Version) =>
  after.expiresOn !== before.expiresOn && after.purpose === before.purpose && JSON.stringify(after.clauses) === JSON.stringify(before.clauses) && JSON.stringify(after.parties) === JSON.stringify(before.parties);

/** REPORT_SOURCES from the issues and agreements read models, on whichever database the report is built from. */
export const readModelReportSources: ReportSources = {
  projections: ['issues', 'agreements', 'organizations', 'measures'],

  issueOutcomes(readModels: ReadModelDatabase, year: number): IssueOutcomeFigures[] {
    const rows = new Map<string | null, { -readonly [K in keyof IssueOutcomeFigures]: IssueOutcomeFigures[K] }>();
    for (const { plan, measure: number, status, count } of new IssuesQueries(readModels).statusByMeasure(year)) {
      const measure = plan === null || number === null ? null : { plan, number };
      const key = measure && measureKey(measure);
      const row = rows.get(key) ?? { measure, raised: 0, forwarded: 0, resolved: 0, closed: 0, withdrawn: 0, open: 0 };
      row.raised += count;
      row[OUTCOME_COLUMN[status] ?? 'open'] += count;
      rows.set(key, row);
    }
    return [...rows.values()];
  },

  planMeasures(readModels: ReadModelDatabase, year: number): PlanMeasureStatuses[] {
    const measures = new MeasuresQueries(readModels);
    return measures
      .plans()
      .filter((plan) => plan.from <= year && year <= plan.to)
      .map((plan) => ({
        planId: plan.id,
        titleNb: plan.titleNb,
        titleEn: plan.titleEn,
        measures: measures.list({ plan: plan.id }).map((m) => ({
          number: m.number,
          titleNb: m.titleNb,
          titleEn: m.titleEn,
          status: measures.statuses(plan.id, m.number).find((s) => s.year === year)?.status ?? null,
        })),
      }));
  },

  agreements(readModels: ReadModelDatabase, year: number, at: Date): AgreementFigures[] {
    const organizations = new OrganizationsQueries(readModels);
    const yearEnd = new Date(Math.min(at.getTime(), Date.parse(`${year}-12-31T12:00:00Z`)));
    const inYear = (iso: string | null | undefined) => !!iso && osloDate(iso).startsWith(`${year}-`);
    const rows = new Map<string, { -readonly [K in keyof AgreementFigures]: AgreementFigures[K] }>();
    for (const { agreement } of new AgreementsQueries(readModels).scan({})) {
      const parties = agreement.versions[agreement.versions.length - 1]?.parties ?? [];
      const police = parties.find((p) => organizations.byId(p.organizationId)?.kind === 'POLICE');
      if (!police) continue;
      const row = rows.get(police.organizationId) ?? { policeOrganizationId: police.organizationId, inForce: 0, signed: 0, renewed: 0, terminated: 0 };
      if (versionInForceAt(agreement, yearEnd)) row.inForce += 1;
      for (const [i, version] of agreement.versions.entries()) {
        const complete = version.signatures.length > 0 && version.parties.every((p) => version.signatures.some((s) => s.organizationId === p.organizationId && s.version === version.number));
        const lastSigned = version.signatures.map((s) => s.signedAt).sort().pop();
        if (complete && inYear(lastSigned)) row[i > 0 && isRenewal(agreement.versions[i - 1]!, version) ? 'renewed' : 'signed'] += 1;
      }
      if (agreement.termination && inYear(agreement.termination.effectiveOn)) row.terminated += 1;
      rows.set(police.organizationId, row);
    }
    return [...rows.values()].sort((a, b) => (a.policeOrganizationId < b.policeOrganizationId ? -1 : 1));
  },

  researchNeeds(readModels: ReadModelDatabase, year: number): IssueResearchNeed[] {
    return new IssuesQueries(readModels).researchNeeds(year).map(({ issueId, title, text, citedMeasures }) => ({ issueId, title, text, citedMeasures }));
  },
};
