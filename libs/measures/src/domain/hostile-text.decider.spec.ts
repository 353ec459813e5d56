import { InvalidInput, SYSTEM_ACTOR, TEXT_NOT_ALLOWED } from '@kom/kernel';
import { INVISIBLE_TEXT, deciderSpec, refusedTextCases } from '@kom/kernel/testing';
import { actionPlanDecider, type ActionPlanCommand } from './action-plan.decider';
import { measureDecider, type MeasureCommand } from './measure.decider';

// The platform's text policy (@kom/kernel text-policy.ts) on the titles of plans and measures.
const measure = deciderSpec(measureDecider);
const plan = deciderSpec(actionPlanDecider);
const record: MeasureCommand = { type: 'RecordMeasure', number: 34, titleNb: 'Samarbeidsavtaler', titleEn: 'Cooperation agreements', area: 'PROSECUTION', ministries: ['JD'] };
const register: ActionPlanCommand = { type: 'RegisterActionPlan', planId: '2006-2009', titleNb: 'Stopp menneskehandelen', titleEn: 'Stop Human Trafficking', from: 2006, to: 2009, responsible: ['JD'] };

describe.each(refusedTextCases())('plans and measures refuse a title with %s', (_kind, text) => {
  it('in either language', () => {
    measure([]).when({ ...record, titleNb: text }, { actor: SYSTEM_ACTOR }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    measure([]).when({ ...record, titleEn: text }, { actor: SYSTEM_ACTOR }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    plan([]).when({ ...register, titleNb: text }, { actor: SYSTEM_ACTOR }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
  });
});

describe('plans and measures take a title of invisible characters as missing', () => {
  it('TITLE_REQUIRED', () => {
    measure([]).when({ ...record, titleNb: INVISIBLE_TEXT }, { actor: SYSTEM_ACTOR }).thenThrows(InvalidInput, 'TITLE_REQUIRED');
    plan([]).when({ ...register, titleEn: INVISIBLE_TEXT }, { actor: SYSTEM_ACTOR }).thenThrows(InvalidInput, 'TITLE_REQUIRED');
  });
});
