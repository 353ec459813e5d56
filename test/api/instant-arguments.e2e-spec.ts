import { SEED_AGREEMENT_ID } from '@kom/agreements';
import { TestApp } from '../support/test-app';

/**
 * Every argument that names an instant (asOf, and the from of the time filters) takes the same
 * texts: an ISO 8601 date and time with a zone, whose day in UTC and in Oslo is in the years 0100
 * to 9999 (dates are compared as text, which goes wrong once a year has five digits). Each keeps
 * the reason its clients already know.
 */
describe('instant arguments: one check, everywhere', () => {
  let t: TestApp;
  let auditor: string;

  const ARGUMENTS: ReadonlyArray<{ name: string; query: string; reason: string; token: () => string }> = [
    { name: 'agreement(asOf)', query: `query($v: String) { agreement(id: "${SEED_AGREEMENT_ID}", asOf: $v) { id } }`, reason: 'INVALID_AS_OF', token: () => auditor },
    { name: 'meeting(asOf)', query: 'query($v: String) { meeting(id: "nope", asOf: $v) { id } }', reason: 'INVALID_INSTANT', token: () => auditor },
    { name: 'issue(asOf)', query: 'query($v: String) { issue(id: "nope", asOf: $v) { id } }', reason: 'INVALID_AS_OF', token: () => auditor },
    { name: 'decisionHistory(asOf)', query: 'query($v: String) { decisionHistory(decisionId: "nope", asOf: $v) { decisionId } }', reason: 'INVALID_AS_OF', token: () => auditor },
    { name: 'decisions(filter.from)', query: 'query($v: String) { decisions(filter: { from: $v }) { edges { cursor } } }', reason: 'INVALID_TIME', token: () => auditor },
    { name: 'auditTrail(filter.from)', query: 'query($v: String) { auditTrail(filter: { from: $v }) { edges { cursor } } }', reason: 'INVALID_TIME', token: () => auditor },
    { name: 'meetings(filter.from)', query: 'query($v: String) { meetings(filter: { from: $v }) { edges { cursor } } }', reason: 'INVALID_DATE', token: () => auditor },
    { name: 'group.members(asOf)', query: 'query($v: String) { group(kind: PROJECT_GROUP) { members(asOf: $v) { id } } }', reason: 'INVALID_DATE', token: () => auditor },
  ];

  const NOT_INSTANTS = [
    '1',
    'March 7',
    '2026',
    '2026-03-07T10:00', // no zone: whose ten o'clock?
    '2026-02-30T10:00:00Z',
    '9999-12-31T23:30:00Z', // already 10000-01-01 in Oslo
    '9999-12-31T23:30:00-01:00', // in year 10000 in UTC
    '0099-12-31T12:00:00Z',
  ];

  beforeAll(async () => {
    t = await TestApp.start();
    auditor = await t.token('AUDITOR', 'org-riksrevisjonen', 'revisor');
  }, 60_000);
  afterAll(() => t?.stop());

  describe.each(ARGUMENTS)('$name', ({ query, reason, token }) => {
    it.each(NOT_INSTANTS)('refuses %j with BAD_USER_INPUT', async (value) => {
      const response = await t.gql(query, { v: value }, token());
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    });

    it('takes the last instant whose day is in 9999 in Oslo too', async () => {
      const response = await t.gql(query, { v: '9999-12-31T22:59:59.999Z' }, token());
      expect(response.errors).toBeUndefined();
    });
  });

  it('computes an agreement’s status on the last day of 9999 as the later days it stands for: expired', async () => {
    const status = async (asOf: string) => (await t.data(`query($v: String) { agreement(id: "${SEED_AGREEMENT_ID}", asOf: $v) { status } }`, { v: asOf }, auditor)).agreement.status;
    expect(await status('2030-01-01T00:00:00Z')).toBe('EXPIRED');
    expect(await status('9999-12-31T22:00:00Z')).toBe('EXPIRED');
  });
});
