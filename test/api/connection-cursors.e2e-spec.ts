import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType } from 'graphql';
import { ManualClock } from '@kom/platform';
import { documentsScenario } from '../support/documents-scenario';
import { TestApp } from '../support/test-app';

/**
 * Every connection takes as `after` only what it wrote as a cursor: its sort key in the form the
 * list writes it (a log sequence number, an instant in UTC with milliseconds, a calendar date, a
 * name) and an id of 1 to 100 characters. Anything else is BAD_USER_INPUT / INVALID_CURSOR, never
 * a page (docs/reliability/hostile-input.md). The connections come from the schema itself, so a new
 * one fails here until it says what its cursors hold.
 */
type Kind = 'seq' | 'instant' | 'date' | 'name';

const CONNECTIONS: Record<string, { kind: Kind; role: 'AUDITOR' | 'AGENCY_MEMBER' }> = {
  actionItems: { kind: 'date', role: 'AUDITOR' },
  agendaProposals: { kind: 'seq', role: 'AUDITOR' },
  agreements: { kind: 'instant', role: 'AUDITOR' },
  auditCheckpoints: { kind: 'seq', role: 'AUDITOR' },
  auditTrail: { kind: 'seq', role: 'AUDITOR' },
  decisions: { kind: 'instant', role: 'AUDITOR' },
  issues: { kind: 'seq', role: 'AUDITOR' },
  meetings: { kind: 'instant', role: 'AUDITOR' },
  organizations: { kind: 'name', role: 'AUDITOR' },
  sentNotifications: { kind: 'instant', role: 'AGENCY_MEMBER' },
};

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const pair = (key: unknown, id: unknown) => b64(JSON.stringify([key, id]));
const INSTANT = '2027-01-12T08:00:00.000Z';

/** Cursors no list writes, whatever its kind. */
const FORGED_FOR_EVERY_LIST: Record<string, string> = {
  'not base64url': '%%%',
  'JSON {}': b64('{}'),
  'JSON []': b64('[]'),
  'three parts': b64(JSON.stringify(['a', 'b', 'c'])),
  'two empty strings': pair('', ''),
  'nulls': pair(null, null),
  'numbers': pair(1, 2),
  'a 100 KB key': pair('x'.repeat(100_000), 'id'),
  'a 100 KB id': pair(INSTANT, 'x'.repeat(100_000)),
  'a 100 KB cursor': 'A'.repeat(100_000),
};

const FORGED_BY_KIND: Record<Kind, Record<string, string>> = {
  seq: {
    'a pair': pair(INSTANT, 'x'),
    'negative': b64('-1'),
    'NaN': b64('NaN'),
    '"NaN" in quotes': b64('"NaN"'),
    'a leading zero': b64('01'),
    'an exponent': b64('1e3'),
    'a fraction': b64('1.5'),
    'a space': b64(' 1'),
    'beyond safe integers': b64('9007199254740993'),
  },
  instant: {
    'SQL in the key': pair("' OR 1=1 --", 'x'),
    'an instant with another zone': pair('2027-01-12T09:00:00+01:00', 'x'),
    'an instant without milliseconds': pair('2027-01-12T08:00:00Z', 'x'),
    'a date': pair('2027-01-12', 'x'),
    'an instant in year 10000': pair('+010000-01-01T00:00:00.000Z', 'x'),
    'an empty id': pair(INSTANT, ''),
    'an id of 101 characters': pair(INSTANT, 'x'.repeat(101)),
    'a sequence number': b64('5'),
  },
  date: {
    'SQL in the key': pair("' OR 1=1 --", 'x'),
    'a date that is none': pair('2027-02-30', 'x'),
    'an instant': pair(INSTANT, 'x'),
    'an empty id': pair('2027-03-01', ''),
    'a sequence number': b64('5'),
  },
  name: {
    'an empty name': pair('', 'org-x'),
    'a name of 201 characters': pair('x'.repeat(201), 'org-x'),
    'an empty id': pair('ROSA', ''),
    'an id of 101 characters': pair('ROSA', 'x'.repeat(101)),
    'a sequence number': b64('5'),
  },
};

describe('every connection refuses a cursor it never produced', () => {
  const clock = new ManualClock('2027-01-04T08:00:00.000Z');
  let t: TestApp;
  const tokens: Partial<Record<'AUDITOR' | 'AGENCY_MEMBER', string>> = {};

  const page = (field: string, after?: string) =>
    t.gql(`query($after: String) { ${field}(first: 1, after: $after) { edges { cursor } pageInfo { endCursor } } }`, { after }, tokens[CONNECTIONS[field]!.role]);

  beforeAll(async () => {
    t = await TestApp.start({ clock, env: { KOM_NOTIFICATIONS_POLL_MS: '50' } });
    tokens.AUDITOR = await t.token('AUDITOR', 'org-riksrevisjonen', 'revisor');
    tokens.AGENCY_MEMBER = await t.token('AGENCY_MEMBER', 'org-udi', 'ulf');
    const secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    const rosa = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rita');
    // Something in every list: the person hears of published agendas, then a year of meetings runs.
    await t.data('mutation($input: SetNotificationPreferencesInput!) { setNotificationPreferences(input: $input) { saved } }', { input: { topics: ['AGENDA_PUBLISHED'] } }, tokens.AGENCY_MEMBER);
    const s = await documentsScenario(t, clock);
    await t.data('mutation($input: ProposeAgendaItemInput!) { proposeAgendaItem(input: $input) { id } }', { input: { meetingId: s.draftOnly, title: 'Forslag' } }, tokens.AGENCY_MEMBER);
    await t.data(
      'mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id } }',
      { input: { organizationId: 'org-rosa', title: 'Botilbud', description: 'For få plasser.', category: 'IDENTIFICATION_AND_ASSISTANCE' } },
      rosa,
    );
    await t.data('mutation { createAuditCheckpoint { treeSize } }', {}, secretariat);
    for (let i = 0; i < 300 && (await page('sentNotifications')).data?.sentNotifications.edges.length === 0; i += 1) await new Promise((r) => setTimeout(r, 50));
  }, 120_000);
  afterAll(() => t?.stop());

  it('knows what every connection of the schema holds in its cursors', () => {
    const query = t.app.get(GraphQLSchemaHost).schema.getQueryType()!;
    const connections = Object.values(query.getFields()).filter((f) => getNamedType(f.type).name.endsWith('Connection')).map((f) => f.name);
    expect(connections.sort()).toEqual(Object.keys(CONNECTIONS).sort());
  });

  describe.each(Object.keys(CONNECTIONS))('%s', (field) => {
    it('takes the cursors it wrote', async () => {
      const first = await page(field);
      expect(first.errors).toBeUndefined();
      const cursor = first.data![field].pageInfo.endCursor as string;
      expect(cursor).toEqual(expect.any(String));
      expect((await page(field, cursor)).errors).toBeUndefined();
    });

    it.each(Object.entries({ ...FORGED_FOR_EVERY_LIST, ...FORGED_BY_KIND[CONNECTIONS[field]!.kind] }))('refuses %s', async (_name, after) => {
      const response = await page(field, after);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
      expect(response.data ?? null).toBeNull();
    });
  });
});
