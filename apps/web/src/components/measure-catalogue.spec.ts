import { translator } from '../i18n/translate';
import { defaultPlanMeasures, measureNumbersText, measureText, sortMeasures, type PlanChoice } from './measure-catalogue';

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

  it("offers the default plan's measures to filters, which take a bare number", () => {
    expect(defaultPlanMeasures(plans).map((m) => m.number)).toEqual([5, 34]);
    expect(defaultPlanMeasures(undefined)).toEqual([]);
  });
});
