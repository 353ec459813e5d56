import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { TestApp } from '../support/test-app';

const PLANS = `{ actionPlans { id from to nb: title en: title(lang: EN) measures { number } } }`;
const PLAN = `query($id: ID!) { actionPlan(id: $id) { id from to measures { planId number label statuses { year status continuedIn { plan number } } continuedIn { plan number } } } }`;
const MEASURE = `query($plan: ID, $number: Int!) {
  measure(plan: $plan, number: $number) {
    planId number label en: label(lang: EN) ministries plan { id }
    status(year: 2012) { status }
    continuedIn { plan number measure { number } }
    continues { plan number measure { label } }
    revisions { from titleEn ministries }
  }
}`;
const REGISTER = `mutation($input: RegisterActionPlanInput!) { registerActionPlan(input: $input) { id from to title } }`;
const RECORD = `mutation($input: RecordPlanMeasureInput!) { recordPlanMeasure(input: $input) { planId number label ministries } }`;
const REVISE = `mutation($input: RevisePlanMeasureInput!) { revisePlanMeasure(input: $input) { number en: label(lang: EN) revisions { from titleEn } } }`;
const STATUS = `mutation($input: RecordMeasureStatusInput!) {
  recordMeasureStatus(input: $input) { number statuses { year status continuedIn { plan number } } }
}`;

describe('action plans over GraphQL', () => {
  let t: TestApp;
  let secretariat: string;
  let agency: string;
  let rosa: string;

  beforeAll(async () => {
    t = await TestApp.start();
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    agency = await t.token('AGENCY_MEMBER', 'org-udi', 'ulla');
    rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'nina');
  });
  afterAll(() => t.stop());

  const eventCount = async () => (await t.app.get<EventStore>(EVENT_STORE).readAll()).length;
  const ok = async (query: string, variables: Record<string, unknown> = {}, token = secretariat) => {
    const response = await t.gql(query, variables, { token });
    expect(response.errors).toBeUndefined();
    return response.data!;
  };
  const refused = async (query: string, variables: Record<string, unknown>, token = secretariat) => {
    const before = await eventCount();
    const response = await t.gql(query, variables, { token });
    expect(await eventCount()).toBe(before);
    return response.errors?.[0]?.extensions as { code: string; reason: string };
  };

  it('seeds two plans, oldest first: the earlier plan and the 2011–2014 plan with its 35 measures', async () => {
    const data = await ok(PLANS);
    expect(data.actionPlans.map((p: { id: string; from: number; to: number }) => [p.id, p.from, p.to])).toEqual([
      ['2006-2009', 2006, 2009],
      ['2011-2014', 2011, 2014],
    ]);
    expect(data.actionPlans[0].nb).toBe('Stopp menneskehandelen (2006–2009)');
    expect(data.actionPlans[1].measures).toHaveLength(35);
  });

  it('shows a measure of the earlier plan continued in measure 5 of 2011–2014, and the other way round', async () => {
    const earlier = (await ok(MEASURE, { plan: '2006-2009', number: 1 })).measure;
    expect(earlier.continuedIn).toEqual({ plan: '2011-2014', number: 5, measure: { number: 5 } });
    const kom = (await ok(MEASURE, { number: 5 })).measure;
    expect(kom).toMatchObject({ planId: '2011-2014', number: 5, plan: { id: '2011-2014' }, status: { status: 'ONGOING' }, continuedIn: null, revisions: [] });
    expect(kom.continues).toEqual([{ plan: '2006-2009', number: 1, measure: { label: expect.stringContaining('KOM') } }]);
  });

  it('keeps the measures query answering with the 2011–2014 plan by default, another plan on request', async () => {
    const numbers = async (plan?: string) =>
      ((await ok(`query($plan: ID) { measures(plan: $plan) { planId number } }`, { plan })).measures as { planId: string; number: number }[]).map(
        (m) => `${m.planId}/${m.number}`,
      );
    expect(await numbers()).toHaveLength(35);
    expect((await numbers())[0]).toBe('2011-2014/1');
    expect(await numbers('2006-2009')).toEqual(['2006-2009/1']);
  });

  it('lets the secretariat register a plan, record, revise and give a status to a measure', async () => {
    expect((await ok(REGISTER, { input: { id: '2015-2017', titleNb: 'Demoplan', titleEn: 'Demo plan', from: 2015, to: 2017 } })).registerActionPlan).toEqual({
      id: '2015-2017',
      from: 2015,
      to: 2017,
      title: 'Demoplan',
    });
    const input = { plan: '2015-2017', number: 1, titleNb: 'Demotiltak', titleEn: 'Demo measure', area: 'PREVENTION', ministries: ['JD', 'BLD'] };
    expect((await ok(RECORD, { input })).recordPlanMeasure).toEqual({ planId: '2015-2017', number: 1, label: 'Demotiltak', ministries: ['JD', 'BLD'] });
    const revised = (await ok(REVISE, { input: { plan: '2015-2017', number: 1, titleEn: 'Demo measure, revised', from: '2016-01-01' } })).revisePlanMeasure;
    expect(revised).toEqual({
      number: 1,
      en: 'Demo measure, revised',
      revisions: [
        { from: null, titleEn: 'Demo measure' },
        { from: '2016-01-01', titleEn: 'Demo measure, revised' },
      ],
    });
    const status = (await ok(STATUS, { input: { plan: '2011-2014', number: 7, year: 2015, status: 'CONTINUED', continuedIn: { plan: '2015-2017', number: 1 } } }))
      .recordMeasureStatus;
    expect(status.statuses.at(-1)).toEqual({ year: 2015, status: 'CONTINUED', continuedIn: { plan: '2015-2017', number: 1 } });
  });

  it('refuses bad input with a typed reason and changes nothing', async () => {
    const registerInput = { id: '2006-2009', titleNb: 'Annet', titleEn: 'Other', from: 2006, to: 2009 };
    expect(await refused(REGISTER, { input: registerInput })).toMatchObject({ code: 'CONFLICT', reason: 'PLAN_ALREADY_REGISTERED' });
    expect(await refused(REGISTER, { input: { ...registerInput, id: 'Ny plan' } })).toMatchObject({ reason: 'INVALID_PLAN_ID' });
    const measure = { plan: '1999-2000', number: 1, titleNb: 'x', titleEn: 'x', area: 'PREVENTION', ministries: ['JD'] };
    expect(await refused(RECORD, { input: measure })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_PLAN' });
    expect(await refused(RECORD, { input: { ...measure, plan: '2011-2014', number: 5 } })).toMatchObject({ reason: 'MEASURE_ALREADY_RECORDED' });
    const status = { plan: '2011-2014', number: 5, year: 2010, status: 'DONE' };
    expect(await refused(STATUS, { input: status })).toMatchObject({ reason: 'YEAR_OUTSIDE_PLAN_PERIOD' });
    expect(await refused(STATUS, { input: { ...status, year: 2012, status: 'CONTINUED', continuedIn: { plan: '2006-2009', number: 1 } } })).toMatchObject({
      reason: 'CONTINUATION_NOT_LATER',
    });
    expect(await refused(STATUS, { input: { ...status, number: 36, year: 2012 } })).toMatchObject({ reason: 'UNKNOWN_MEASURE' });
  });

  it('lets only the secretariat keep the plans', async () => {
    const input = { id: '2020-2021', titleNb: 'x', titleEn: 'x', from: 2020, to: 2021 };
    expect(await refused(REGISTER, { input }, agency)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await ok(PLAN, { id: '2006-2009' }, agency)).actionPlan.measures[0].statuses).toEqual([
      { year: 2009, status: 'CONTINUED', continuedIn: { plan: '2011-2014', number: 5 } },
    ]);
  });

  describe('citations as (plan, number)', () => {
    const SUBMIT = `mutation($input: SubmitIssueInput!) {
      submitIssue(input: $input) { citedMeasures citedMeasureRefs { plan number measure { planId number label(lang: EN) } } }
    }`;
    const issue = { organizationId: 'org-rosa', title: 'Shelters', description: 'Shelters are full.', category: 'IDENTIFICATION_AND_ASSISTANCE' };

    it('takes (plan, number) inputs beside the old numbers, and shows both', async () => {
      const submitted = (await ok(SUBMIT, { input: { ...issue, citedMeasures: [6], citedMeasureRefs: [{ plan: '2011-2014', number: 17 }, { number: 5 }] } }, rosa))
        .submitIssue;
      expect(submitted.citedMeasures).toEqual([5, 6, 17]);
      expect(submitted.citedMeasureRefs.map((r: { plan: string; number: number; measure: { planId: string } }) => [r.plan, r.number, r.measure.planId])).toEqual([
        ['2011-2014', 5, '2011-2014'],
        ['2011-2014', 6, '2011-2014'],
        ['2011-2014', 17, '2011-2014'],
      ]);
      expect(submitted.citedMeasureRefs[0].measure.label).toBe('Continue KOM as a driving force for multidisciplinary cooperation');
    });

    it('keeps the old number inputs working', async () => {
      expect((await ok(SUBMIT, { input: { ...issue, citedMeasures: [34] } }, rosa)).submitIssue.citedMeasureRefs).toEqual([
        { plan: '2011-2014', number: 34, measure: expect.objectContaining({ number: 34 }) },
      ]);
    });

    it('stores a measure of another plan as (plan, number): an issue and an agenda item cite measure 1 of 2006–2009, found under that measure only', async () => {
      const old = { plan: '2006-2009', number: 1 };
      const citations = async (plan: string, number: number) =>
        (await ok(`query($plan: ID, $number: Int!) { measure(plan: $plan, number: $number) { citations { kind id } } }`, { plan, number })).measure.citations as {
          kind: string;
          id: string;
        }[];
      const onlyMeasureOne = (await citations('2011-2014', 1)).length;

      const submitted = (
        await ok(
          `mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id citedMeasures citedMeasureRefs { plan number measure { planId number } } } }`,
          { input: { ...issue, citedMeasureRefs: [old, { number: 6 }] } },
          rosa,
        )
      ).submitIssue;
      expect(submitted.citedMeasureRefs).toEqual([
        { ...old, measure: { planId: '2006-2009', number: 1 } },
        { plan: '2011-2014', number: 6, measure: { planId: '2011-2014', number: 6 } },
      ]);
      // The old numbers field shows only the 2011–2014 plan's measures: never measure 1 of another plan as measure 1.
      expect(submitted.citedMeasures).toEqual([6]);

      const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
      const meetingId = (
        await ok(`mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
          input: { kind: 'PROJECT_GROUP', title: 'KOM', startsAt, endsAt: new Date(Date.parse(startsAt) + 7_200_000).toISOString(), location: 'Oslo' },
        })
      ).scheduleMeeting.id as string;
      const agenda = (
        await ok(`mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agenda { id citedMeasures citedMeasureRefs { plan number } } } }`, {
          input: { meetingId, title: 'Erfaringer fra 2006–2009', citedMeasureRefs: [old] },
        })
      ).addAgendaItem.agenda;
      expect(agenda[0].citedMeasureRefs).toEqual([old]);
      expect(agenda[0].citedMeasures).toEqual([]);

      expect((await citations('2006-2009', 1)).map((c) => [c.kind, c.id])).toEqual([
        ['AGENDA_ITEM', agenda[0].id],
        ['ISSUE', submitted.id],
      ]);
      expect(await citations('2011-2014', 1)).toHaveLength(onlyMeasureOne);
      const issuesCiting = async (filter: Record<string, unknown>) =>
        ((await ok(`query($filter: IssueFilterInput) { issues(filter: $filter, first: 50) { edges { node { id } } } }`, { filter })).issues.edges as { node: { id: string } }[]).map(
          (e) => e.node.id,
        );
      expect(await issuesCiting({ measure: 1, plan: '2006-2009' })).toEqual([submitted.id]);
      expect(await issuesCiting({ measure: 1 })).not.toContain(submitted.id);
    });

    it('refuses a measure its plan lacks and a plan not registered, changing nothing', async () => {
      expect(await refused(SUBMIT, { input: { ...issue, citedMeasureRefs: [{ plan: '2006-2009', number: 2 }] } }, rosa)).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'UNKNOWN_MEASURE',
      });
      expect(await refused(SUBMIT, { input: { ...issue, citedMeasureRefs: [{ plan: '1999-2002', number: 1 }] } }, rosa)).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'UNKNOWN_PLAN',
      });
      expect(await refused(SUBMIT, { input: { ...issue, citedMeasureRefs: [{ number: 36 }] } }, rosa)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_MEASURE' });
    });

    it('knows a plan registered before any of its measures: citing one is UNKNOWN_MEASURE', async () => {
      await ok(REGISTER, { input: { id: '2025-2028', titleNb: 'Ny plan', titleEn: 'New plan', from: 2025, to: 2028 } });
      expect(await refused(SUBMIT, { input: { ...issue, citedMeasureRefs: [{ plan: '2025-2028', number: 1 }] } }, rosa)).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'UNKNOWN_MEASURE',
      });
    });

    it('lists what cites a measure under its own plan only', async () => {
      const citations = async (plan: string, number: number) =>
        (await ok(`query($plan: ID, $number: Int!) { measure(plan: $plan, number: $number) { citations { kind } } }`, { plan, number })).measure.citations;
      expect((await citations('2011-2014', 34)).length).toBeGreaterThan(0);
      expect(await citations('2011-2014', 2)).toEqual([]);
    });
  });
});
