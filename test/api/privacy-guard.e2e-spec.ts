import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { ORDINARY_TEXT, between, grouped, inScript, numberOn } from '@kom/kernel/testing';
import { ok } from '../support/helpers';
import { TestApp, type GraphQLResponse } from '../support/test-app';

/**
 * The national-ID guard seen from outside: numbers written as people write them, in any field the
 * API accepts (including links) and in the X-Correlation-Id header, never reach the log.
 */
const SUBMIT = `mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id title description } }`;
const SCHEDULE = `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id videoLink } }`;
const ADD_REPRESENTATIVE = `mutation($input: AddRepresentativeInput!) { addRepresentative(input: $input) { id } }`;

const fnr = numberOn('fødselsnummer', 1, 1, 90);
const dnr = numberOn('D-number', 17, 5, 78);

// Every way below was stored by the guard this replaces.
const DISGUISED: ReadonlyArray<[string, string]> = [
  ['grouped with a space', `${grouped(fnr, [6, 5], ' ')}`],
  ['grouped with a dash', `Person ${grouped(fnr, [6, 5], '-')}`],
  ['dotted date', `${grouped(fnr, [2, 2, 2, 5], '.').replace(/\.(?=\d{5}$)/, ' ')}`],
  ['slashes', grouped(dnr, [2, 2, 2, 5], '/')],
  ['groups of three', grouped(fnr, [3, 3, 3, 2], ' ')],
  ['full-width digits', inScript(fnr, 0xff10)],
  ['Arabic-Indic digits', inScript(grouped(dnr, [6, 5], ' '), 0x0660)],
  ['zero-width spaces', between(fnr, '\u200b')],
  ['zero-width joiners', between(dnr, '\u200d')],
  ['a no-break space', grouped(fnr, [6, 5], '\u00a0')],
  ['a line break', grouped(fnr, [6, 5], '\n')],
  ['a double space', grouped(fnr, [6, 5], '  ')],
];

describe('the national-ID guard over GraphQL', () => {
  let t: TestApp;
  let rosa: string;
  let secretariat: string;
  const store = () => t.app.get<EventStore>(EVENT_STORE);
  const streams = async (prefix: string) => (await store().readAll()).filter((e) => e.streamId.startsWith(prefix));

  beforeAll(async () => {
    t = await TestApp.start();
    rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-kari');
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'pod-sara');
  });
  afterAll(async () => {
    await t.stop();
  });

  const refusedAt = (response: GraphQLResponse, field: string) => {
    // `fields` names every place; `field` is the form's field (the input path without `input.`).
    const formField = field.startsWith('input.') ? field.slice('input.'.length) : field;
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PERSONAL_DATA_REFUSED', field: formField });
    expect(response.errors?.[0]?.extensions?.fields).toContain(field);
    expect(JSON.stringify(response)).not.toContain(fnr);
  };

  const issue = { organizationId: 'org-rosa', title: 'Shelter capacity', description: 'Shelters are full.', category: 'IDENTIFICATION_AND_ASSISTANCE', tags: ['SEXUAL'] };

  it.each(DISGUISED)('refuses a number %s in free text, at its field, and stores nothing', async (_how, text) => {
    refusedAt(await t.gql(SUBMIT, { input: { ...issue, description: `Gjelder ${text}, se vedlegg.` } }, rosa), 'input.description');
    refusedAt(await t.gql(SUBMIT, { input: { ...issue, title: `Sak ${text}` } }, rosa), 'input.title');
    expect(await streams('issue-')).toEqual([]);
  });

  it('refuses a number in a video link and in the other short fields no title-like check looked at', async () => {
    const startsAt = new Date(Date.now() + 30 * 86_400_000);
    const endsAt = new Date(startsAt.getTime() + 2 * 3_600_000);
    const meeting = { kind: 'PROJECT_GROUP', title: 'Prosjektgruppemøte', startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
    refusedAt(await t.gql(SCHEDULE, { input: { ...meeting, videoLink: `https://meet.example.no/j/${fnr}?pwd=x` } }, secretariat), 'input.videoLink');
    refusedAt(await t.gql(SCHEDULE, { input: { ...meeting, videoLink: `https://meet.example.no/j/${fnr.slice(0, 6)}%20${fnr.slice(6)}` } }, secretariat), 'input.videoLink');
    refusedAt(
      await t.gql(ADD_REPRESENTATIVE, { input: { organizationId: 'org-rosa', name: 'Kari Nordmann', email: `kari.${fnr}@rosa.example` } }, secretariat),
      'input.email',
    );
    expect(await streams('meeting-')).toEqual([]);
    expect(await streams('representative-')).toEqual([]);
    const stored = ok(await t.gql(SCHEDULE, { input: { ...meeting, videoLink: 'https://meet.example.no/kom/prosjektgruppe-2026-09' } }, secretariat));
    expect(stored.scheduleMeeting.videoLink).toBe('https://meet.example.no/kom/prosjektgruppe-2026-09');
  });

  it('stores ordinary text full of dates, phone numbers, case numbers, amounts and organisation numbers', async () => {
    for (const text of ORDINARY_TEXT) {
      const response = await t.gql(SUBMIT, { input: { ...issue, description: text } }, rosa);
      expect([text, response.errors]).toEqual([text, undefined]);
    }
  });

  it('replaces an X-Correlation-Id that holds a number, and keeps a well-formed one', async () => {
    const input = { ...issue, title: 'Correlated' };
    for (const header of [fnr, `req-${grouped(fnr, [6, 5], '-')}`]) {
      const response = await t.gql(SUBMIT, { input }, { token: rosa, headers: { 'x-correlation-id': header } });
      expect(response.errors).toBeUndefined();
    }
    ok(await t.gql(SUBMIT, { input }, { token: rosa, headers: { 'x-correlation-id': 'client-req-42' } }));
    const correlationIds = (await streams('issue-'))
      .filter((e) => (e.data as { title?: string }).title === 'Correlated')
      .map((e) => String((e.metadata as { correlationId?: unknown }).correlationId));
    expect(correlationIds).toHaveLength(3);
    expect(correlationIds.filter((id) => id.replace(/\D/g, '').includes(fnr))).toEqual([]);
    expect(correlationIds).toContain('client-req-42');
  });
});
