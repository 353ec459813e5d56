import { ev, projectionSpec, type ProjectionSpec } from '@kom/projections/testing';
import { measuresProjection } from './measures.projection';
import { MeasuresQueries } from './measures.queries';

const v1 = (number: number, titleEn: string) =>
  ev(`measure-${number}`, 'MeasureRecorded', { number, titleNb: `Tiltak ${number}`, titleEn, area: 'PREVENTION', ministries: ['JD'] });

describe('measures read model', () => {
  let spec: ProjectionSpec;
  let queries: MeasuresQueries;

  beforeEach(() => {
    spec = projectionSpec([measuresProjection]);
    queries = new MeasuresQueries(spec.readModels);
  });
  afterEach(() => spec.close());

  it('reads MeasureRecorded v1 of an old log (before plans were data) as a measure of the 2011–2014 plan', () => {
    spec.given([v1(6, 'Annual status report'), v1(34, 'Cooperation agreements')]);
    expect(queries.list().map((m) => [m.planId, m.number, m.titleEn])).toEqual([
      ['2011-2014', 6, 'Annual status report'],
      ['2011-2014', 34, 'Cooperation agreements'],
    ]);
    expect(queries.byNumber(34)?.planId).toBe('2011-2014');
    // The plan itself is registered later by the seed; its measure numbers are known at once.
    expect(queries.knownPlans()).toEqual([{ planId: '2011-2014', from: 0, to: 0, measures: [6, 34] }]);
  });

  it('keeps the same measure once when an old log is seeded with the plan stream beside it, and keeps plans apart', () => {
    spec.given([
      v1(6, 'Annual status report'),
      ev('action-plan-2011-2014', 'ActionPlanRegistered', { planId: '2011-2014', titleNb: 'P', titleEn: 'P', from: 2011, to: 2014, responsible: [] }),
      ev('action-plan-2011-2014', 'PlanMeasureRecorded', { planId: '2011-2014', number: 6, titleNb: 'Tiltak 6', titleEn: 'Annual status report', area: 'PREVENTION', ministries: ['JD'] }),
      ev('action-plan-2006-2009', 'ActionPlanRegistered', { planId: '2006-2009', titleNb: 'S', titleEn: 'S', from: 2006, to: 2009, responsible: [] }),
      ev('action-plan-2006-2009', 'PlanMeasureRecorded', { planId: '2006-2009', number: 6, titleNb: 'Annet', titleEn: 'Other', area: 'PREVENTION', ministries: ['JD'] }),
    ]);
    expect(queries.list().map((m) => m.titleEn)).toEqual(['Annual status report']);
    expect(queries.list({ plan: '2006-2009' }).map((m) => m.titleEn)).toEqual(['Other']);
    expect(queries.plans().map((p) => p.id)).toEqual(['2006-2009', '2011-2014']);
  });

  it('keeps every wording of a revised measure, the first one included', () => {
    spec.given([
      v1(6, 'First'),
      ev('action-plan-2011-2014', 'PlanMeasureRevised', { planId: '2011-2014', number: 6, titleNb: 'Ny', titleEn: 'Second', ministries: ['JD', 'BLD'], from: '2012-01-01' }),
      ev('action-plan-2011-2014', 'PlanMeasureRevised', { planId: '2011-2014', number: 6, titleNb: 'Ny', titleEn: 'Third', ministries: ['JD'], from: '2013-01-01' }),
    ]);
    expect(queries.revisions('2011-2014', 6).map((r) => [r.from, r.titleEn])).toEqual([
      [null, 'First'],
      ['2012-01-01', 'Second'],
      ['2013-01-01', 'Third'],
    ]);
    expect(queries.byNumber(6)).toMatchObject({ titleEn: 'Third', ministries: ['JD'] });
  });
});
