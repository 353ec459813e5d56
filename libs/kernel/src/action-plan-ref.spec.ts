import { InvalidInput } from './errors';
import { checkedMeasureRefs, defaultPlanNumbers, defaultPlanRefs, measureKey, measureRefLabel } from './action-plan-ref';

const old = { plan: '2006-2009', number: 1 };
const citable = [...defaultPlanRefs([5, 6]), old];
const reasonOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return [(error as InvalidInput).reason, (error as InvalidInput).field];
  }
  return undefined;
};

describe('measure citations as (plan, number)', () => {
  it('checks each against the measures that exist, sorted by plan then number', () => {
    expect(checkedMeasureRefs([...defaultPlanRefs([6, 5]), old], citable)).toEqual([old, ...defaultPlanRefs([5, 6])]);
    expect(reasonOf(() => checkedMeasureRefs([{ plan: '2006-2009', number: 5 }], citable))).toEqual(['UNKNOWN_MEASURE', 'citedMeasures']);
    expect(reasonOf(() => checkedMeasureRefs([{ plan: '1999-2002', number: 1 }], citable))).toEqual(['UNKNOWN_PLAN', 'citedMeasures']);
  });

  it('knows a registered plan with no measure yet: citing it is UNKNOWN_MEASURE, not UNKNOWN_PLAN', () => {
    const registered = { plans: ['2011-2014', '2006-2009', '2025-2028'], measures: citable };
    expect(reasonOf(() => checkedMeasureRefs([{ plan: '2025-2028', number: 1 }], registered))).toEqual(['UNKNOWN_MEASURE', 'citedMeasures']);
    expect(reasonOf(() => checkedMeasureRefs([{ plan: '1999-2002', number: 1 }], registered))).toEqual(['UNKNOWN_PLAN', 'citedMeasures']);
    expect(checkedMeasureRefs([old, ...defaultPlanRefs([6])], registered)).toEqual([old, ...defaultPlanRefs([6])]);
    // The list form stands for the plans it names: a plan without measures is not among them.
    expect(reasonOf(() => checkedMeasureRefs([{ plan: '2025-2028', number: 1 }], citable))).toEqual(['UNKNOWN_PLAN', 'citedMeasures']);
  });

  it('without a list of what exists, allows the 2011–2014 plan’s 35 measures only', () => {
    expect(checkedMeasureRefs(defaultPlanRefs([35]))).toEqual(defaultPlanRefs([35]));
    expect(reasonOf(() => checkedMeasureRefs(defaultPlanRefs([36])))).toEqual(['UNKNOWN_MEASURE', 'citedMeasures']);
    expect(reasonOf(() => checkedMeasureRefs([old]))).toEqual(['UNKNOWN_PLAN', 'citedMeasures']);
  });

  it('merges or refuses a measure cited twice, per (plan, number): measure 1 of two plans is two measures', () => {
    const twice = [old, old, ...defaultPlanRefs([5])];
    expect(checkedMeasureRefs(twice, citable, 'merge')).toEqual([old, ...defaultPlanRefs([5])]);
    expect(reasonOf(() => checkedMeasureRefs(twice, citable, 'refuse'))).toEqual(['DUPLICATE_MEASURE', 'citedMeasures']);
    const withOne = [...citable, ...defaultPlanRefs([1])];
    expect(checkedMeasureRefs([old, ...defaultPlanRefs([1])], withOne, 'refuse')).toHaveLength(2);
  });

  it('names the default plan’s measures by number as before, another plan’s with its period', () => {
    expect(defaultPlanRefs([5, 6]).map(measureRefLabel)).toEqual(['5', '6']);
    expect(measureRefLabel(old)).toBe('1 (2006–2009)');
    expect([measureKey(defaultPlanRefs([5])[0]!), measureKey(old)]).toEqual(['5', '2006-2009:1']);
    expect(defaultPlanNumbers([old, ...defaultPlanRefs([5])])).toEqual([5]);
  });
});
