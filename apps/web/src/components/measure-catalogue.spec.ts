import { translator } from '../i18n/translate';
import { measureFilter, measureNumbersText, measureOptionValue, newestPlansFirst, parseMeasureOption, plansHave, measureText, sortMeasures, type PlanChoice } from './measure-catalogue';

const plans: PlanChoice[] = [
  { id: '2006-2009', title: 'Stopp menneskehandelen', from: 2006, to: 2009, measures: [{ number: 1, label: 'Opprette KOM' }] },
  { id: '2011-2014', title: 'Handlingsplan 2011–2014', from: 2011, to: 2014, measures: [{ number: 5, label: 'Videreføre KOM' }, { number: 34, label: 'Samarbeidsavtaler' }] },
];

describe('cited measures as the web app names them', () => {
  it("names a measure of the default plan by its number, and another plan's with the plan's years", () => {
    const t = translator('nb');
    expect(measureText(t, plans, { plan: '2011-2014', number: 5 })).toBe('Tiltak 5: Videreføre KOM');
    expect(measureText(t, plans, { plan: '2006-2009', number: 1 })).toBe('Tiltak 1 (2006–2009): Opprette KOM');
    expect(measureText(translator('en'), plans, { plan: '2006-2009', number: 1 })).toBe('Measure 1 (2006–2009): Opprette KOM');
  });

  it('lists the default plan first, each plan by number', () => {
    const cited = [{ plan: '2006-2009', number: 1 }, { plan: '2011-2014', number: 34 }, { plan: '2011-2014', number: 5 }];
    expect(measureNumbersText(cited)).toBe('5, 34, 1 (2006–2009)');
    expect(sortMeasures(plans, cited).map((m) => `${m.plan}/${m.number}`)).toEqual(['2011-2014/5', '2011-2014/34', '2006-2009/1']);
  });

  it("holds a filter's measure as the URL does: a bare number for the default plan, plan:number for another", () => {
    expect(measureOptionValue({ plan: '2011-2014', number: 34 })).toBe('34');
    expect(measureOptionValue({ plan: '2006-2009', number: 1 })).toBe('2006-2009:1');
    for (const m of [{ plan: '2011-2014', number: 34 }, { plan: '2006-2009', number: 1 }, { plan: '2025-2028', number: 120 }]) {
      expect(parseMeasureOption(measureOptionValue(m))).toEqual(m);
    }
    expect(measureFilter('2006-2009:1')).toEqual({ measure: 1, plan: '2006-2009' });
    expect(measureFilter('6')).toEqual({ measure: 6, plan: '2011-2014' });
  });

  it('reads anything else in the URL as no filter, never as a guess', () => {
    for (const value of [null, undefined, '', '0', '-1', '1.5', '1000', 'sju', '2006-2009:', ':1', '2006-2009:0', 'Plan:1', '2006-2009:1:2', ' 6']) {
      expect(parseMeasureOption(value)).toBeUndefined();
      expect(measureFilter(value)).toEqual({});
    }
  });

  it('lists plans the newest first, without reordering the list it was given', () => {
    expect(newestPlansFirst(plans).map((p) => p.id)).toEqual(['2011-2014', '2006-2009']);
    expect(plans.map((p) => p.id)).toEqual(['2006-2009', '2011-2014']);
  });

  it('tells a measure a plan has from one no plan has', () => {
    expect(plansHave(plans, { plan: '2011-2014', number: 34 })).toBe(true);
    expect(plansHave(plans, { plan: '2006-2009', number: 1 })).toBe(true);
    expect(plansHave(plans, { plan: '2011-2014', number: 1 })).toBe(false);
    expect(plansHave(plans, { plan: '2030-2033', number: 1 })).toBe(false);
    expect(plansHave([], { plan: '2011-2014', number: 5 })).toBe(false);
  });
});
