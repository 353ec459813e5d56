import { addMonths, seriesDates } from './series';

describe('the dates of a series, as shown before it is made', () => {
  it('are monthly for a group and half-yearly for the joint meeting, up to the last date', () => {
    expect(seriesDates('PROJECT_GROUP', '2027-01-12', '2027-04-12')).toEqual(['2027-01-12', '2027-02-12', '2027-03-12', '2027-04-12']);
    expect(seriesDates('JOINT', '2027-03-01', '2028-09-30')).toEqual(['2027-03-01', '2027-09-01', '2028-03-01', '2028-09-01']);
  });

  it('clamp to the end of a short month, counting from the first date every time', () => {
    expect(seriesDates('REFERENCE_GROUP', '2027-01-31', '2027-04-30')).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });

  it('stop at 24, as the server does', () => {
    expect(seriesDates('PROJECT_GROUP', '2027-01-05', '2035-01-01')).toHaveLength(24);
    expect(seriesDates('PROJECT_GROUP', '2027-01-05', '2027-01-04')).toEqual([]);
  });
});
