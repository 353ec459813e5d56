import { DEFAULT_PLAN_ID, DEFAULT_PLAN_MEASURE_COUNT, Forbidden, InvalidInput, InvalidState, SYSTEM_ACTOR } from '@kom/kernel';
import { deciderSpec } from '@kom/kernel/testing';
import { actionPlanDecider, type ActionPlanCommand, type KnownPlan } from './action-plan.decider';
import type { ActionPlanEvent } from './action-plan.events';
import { PLAN_2011_2014 } from './action-plans.data';

const given = deciderSpec(actionPlanDecider);
const planId = '2006-2009';
const register: ActionPlanCommand = {
  type: 'RegisterActionPlan',
  planId,
  titleNb: ' Stopp  menneskehandelen ',
  titleEn: 'Stop Human Trafficking',
  from: 2006,
  to: 2009,
  responsible: ['JD', 'JD'],
};
const registered: ActionPlanEvent = {
  type: 'ActionPlanRegistered',
  data: { planId, titleNb: 'Stopp menneskehandelen', titleEn: 'Stop Human Trafficking', from: 2006, to: 2009, responsible: ['JD'] },
};
const record: ActionPlanCommand = {
  type: 'RecordPlanMeasure',
  planId,
  number: 1,
  titleNb: 'Etablere KOM',
  titleEn: 'Establish KOM',
  area: 'COOPERATION_AND_COMPETENCE',
  ministries: ['JD', 'BLD', 'JD'],
};
const recorded: ActionPlanEvent = {
  type: 'PlanMeasureRecorded',
  data: { planId, number: 1, titleNb: 'Etablere KOM', titleEn: 'Establish KOM', area: 'COOPERATION_AND_COMPETENCE', ministries: ['JD', 'BLD'] },
};
const later: KnownPlan = { planId: '2011-2014', from: 2011, to: 2014, measures: [1, 5] };
const status = (over: Partial<Extract<ActionPlanCommand, { type: 'RecordMeasureStatus' }>> = {}): ActionPlanCommand => ({
  type: 'RecordMeasureStatus',
  planId,
  number: 1,
  year: 2007,
  status: 'ONGOING',
  knownPlans: [later],
  ...over,
});
const agency = { userId: 'u-udi', organizationId: 'org-udi', role: 'AGENCY_MEMBER' as const };

describe('action plan decider', () => {
  describe('registering a plan', () => {
    it('registers a plan with its period, tidying the title and the ministries', () =>
      given([]).when(register).then([registered]));

    it('changes nothing when the same plan is registered again, refuses other content', () => {
      given([registered]).when(register).then([]);
      given([registered]).when({ ...register, to: 2010 }).thenThrows(InvalidState, 'PLAN_ALREADY_REGISTERED');
    });

    it('refuses a malformed id and a period that ends before it starts', () => {
      given([]).when({ ...register, planId: 'Stopp menneskehandelen' }).thenThrows(InvalidInput, 'INVALID_PLAN_ID');
      given([]).when({ ...register, from: 2010, to: 2009 }).thenThrows(InvalidInput, 'INVALID_PERIOD');
      given([]).when({ ...register, from: 2006.5 }).thenThrows(InvalidInput, 'INVALID_PERIOD');
    });

    it('lets only the secretariat or the platform keep plans', () =>
      given([]).when(register, { actor: agency }).thenThrows(Forbidden, 'SECRETARIAT_ONLY'));
  });

  describe('recording measures', () => {
    it('records a measure of a registered plan, lead ministry first', () =>
      given([registered]).when(record, { actor: SYSTEM_ACTOR }).then([recorded]));

    it('refuses a measure of a plan not registered', () =>
      given([]).when(record).thenThrows(InvalidInput, 'UNKNOWN_PLAN'));

    it('changes nothing for the same measure again; refuses the same number with other wording', () => {
      given([registered, recorded]).when(record).then([]);
      given([registered, recorded]).when({ ...record, titleEn: 'Other' }).thenThrows(InvalidState, 'MEASURE_ALREADY_RECORDED');
    });

    it('refuses bad numbers, titles, areas and ministries', () => {
      given([registered]).when({ ...record, number: 0 }).thenThrows(InvalidInput, 'MEASURE_NUMBER_OUT_OF_RANGE');
      given([registered]).when({ ...record, number: 1.5 }).thenThrows(InvalidInput, 'MEASURE_NUMBER_OUT_OF_RANGE');
      given([registered]).when({ ...record, titleNb: ' ' }).thenThrows(InvalidInput, 'TITLE_REQUIRED');
      given([registered]).when({ ...record, area: 'ELSEWHERE' as never }).thenThrows(InvalidInput, 'UNKNOWN_AREA');
      given([registered]).when({ ...record, ministries: [] }).thenThrows(InvalidInput, 'MINISTRY_REQUIRED');
      given([registered]).when({ ...record, ministries: ['NHD' as never] }).thenThrows(InvalidInput, 'UNKNOWN_MINISTRY');
    });
  });

  describe('revising a measure', () => {
    const revise: ActionPlanCommand = { type: 'RevisePlanMeasure', planId, number: 1, titleEn: 'Establish and run KOM', from: '2008-01-01' };

    it('records the new wording, keeping what is not revised', () =>
      given([registered, recorded])
        .when(revise)
        .then([{ type: 'PlanMeasureRevised', data: { planId, number: 1, titleNb: 'Etablere KOM', titleEn: 'Establish and run KOM', ministries: ['JD', 'BLD'], from: '2008-01-01' } }]));

    it('changes nothing when nothing differs', () => given([registered, recorded]).when({ ...revise, titleEn: 'Establish KOM' }).then([]));

    it('refuses an unknown measure and a bad date', () => {
      given([registered]).when(revise).thenThrows(InvalidInput, 'UNKNOWN_MEASURE');
      given([registered, recorded]).when({ ...revise, from: '1.1.2008' }).thenThrows(InvalidInput, 'INVALID_DATE');
    });
  });

  describe('status per year', () => {
    it('records a status for a year of the plan, once', () => {
      const event: ActionPlanEvent = { type: 'MeasureStatusRecorded', data: { planId, number: 1, year: 2007, status: 'ONGOING' } };
      given([registered, recorded]).when(status()).then([event]);
      given([registered, recorded, event]).when(status()).then([]);
    });

    it('refuses a year outside the plan; CONTINUED may be recorded for the year after it', () => {
      given([registered, recorded]).when(status({ year: 2005 })).thenThrows(InvalidInput, 'YEAR_OUTSIDE_PLAN_PERIOD');
      given([registered, recorded]).when(status({ year: 2010 })).thenThrows(InvalidInput, 'YEAR_OUTSIDE_PLAN_PERIOD');
      given([registered, recorded])
        .when(status({ year: 2010, status: 'CONTINUED', continuedIn: { plan: '2011-2014', number: 5 } }))
        .then([{ type: 'MeasureStatusRecorded', data: { planId, number: 1, year: 2010, status: 'CONTINUED', continuedIn: { plan: '2011-2014', number: 5 } } }]);
    });

    it('CONTINUED needs an existing measure of a later plan', () => {
      given([registered, recorded]).when(status({ status: 'CONTINUED' })).thenThrows(InvalidInput, 'CONTINUATION_REQUIRED');
      given([registered, recorded]).when(status({ status: 'CONTINUED', continuedIn: { plan: '2015-2017', number: 1 } })).thenThrows(InvalidInput, 'UNKNOWN_PLAN');
      given([registered, recorded]).when(status({ status: 'CONTINUED', continuedIn: { plan: '2011-2014', number: 36 } })).thenThrows(InvalidInput, 'UNKNOWN_MEASURE');
      const earlier: KnownPlan = { planId: '2001-2003', from: 2001, to: 2003, measures: [1] };
      given([registered, recorded])
        .when(status({ status: 'CONTINUED', continuedIn: { plan: '2001-2003', number: 1 }, knownPlans: [earlier] }))
        .thenThrows(InvalidInput, 'CONTINUATION_NOT_LATER');
    });

    it('only CONTINUED names a continuation; unknown measures and statuses are refused', () => {
      given([registered, recorded]).when(status({ continuedIn: { plan: '2011-2014', number: 5 } })).thenThrows(InvalidInput, 'CONTINUATION_ONLY_WHEN_CONTINUED');
      given([registered, recorded]).when(status({ number: 2 })).thenThrows(InvalidInput, 'UNKNOWN_MEASURE');
      given([registered, recorded]).when(status({ status: 'FORGOTTEN' as never })).thenThrows(InvalidInput, 'UNKNOWN_STATUS');
    });
  });
});

describe('the default plan', () => {
  it('has as many measures as bare citations may name', () => {
    expect(PLAN_2011_2014.planId).toBe(DEFAULT_PLAN_ID);
    expect(PLAN_2011_2014.measures.map((m) => m.number)).toEqual(Array.from({ length: DEFAULT_PLAN_MEASURE_COUNT }, (_, i) => i + 1));
  });
});
