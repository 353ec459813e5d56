import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { TestApp } from '../support/test-app';

const REGISTER = `mutation($input: RegisterOrganizationInput!) {
  registerOrganization(input: $input) { id name shortName kind revision }
}`;
const RENAME = `mutation($input: RenameOrganizationInput!) {
  renameOrganization(input: $input) { id name revision }
}`;

describe('API shell over GraphQL (embedded store)', () => {
  let t: TestApp;
  let secretariat: string;
  let ngo: string;

  beforeAll(async () => {
    t = await TestApp.start();
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    ngo = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'nina');
  });
  afterAll(() => t.stop());

  const eventCount = async () => (await t.app.get<EventStore>(EVENT_STORE).readAll()).length;

  it('publishes the schema it serves: schema/kom.graphql equals what the code produces', () => {
    const committedFile = join(__dirname, '..', '..', 'schema', 'kom.graphql');
    const produced = readFileSync(t.schemaFile, 'utf8');
    // `npm run schema:graphql` rewrites the published contract from the code.
    if (process.env.KOM_UPDATE_SCHEMA === '1') writeFileSync(committedFile, produced);
    expect(produced).toBe(readFileSync(committedFile, 'utf8'));
  });

  it('answers liveness and readiness without a token', async () => {
    const live = await t.app.inject({ method: 'GET', url: '/health' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toMatchObject({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ok', info: { eventStore: { status: 'up' }, projections: { status: 'up' }, reactors: { status: 'up' } } });
  });

  it('refuses anonymous and forged requests with UNAUTHENTICATED', async () => {
    const anonymous = await t.gql('{ me { userId } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data ?? null).toBeNull();
    const tampered = secretariat.slice(0, -4) + (secretariat.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await t.gql('{ me { userId } }', {}, { token: tampered })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql('{ me { userId } }', {}, { token: 'not-a-jwt' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('knows the caller from the verified token', async () => {
    const response = await t.gql('{ me { userId organizationId role } }', {}, { token: ngo });
    expect(response.data?.me).toEqual({ userId: 'nina', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' });
  });

  it('returns the read model as it stands after a mutation (read your writes)', async () => {
    const response = await t.gql(REGISTER, { input: { name: 'Kirkens Bymisjon Bergen', shortName: 'KBM', kind: 'NGO' } }, { token: secretariat });
    expect(response.errors).toBeUndefined();
    const org = response.data?.registerOrganization;
    expect(org).toMatchObject({ name: 'Kirkens Bymisjon Bergen', shortName: 'KBM', kind: 'NGO', revision: 0 });
    const read = await t.gql('query($id: ID!) { organization(id: $id) { name } }', { id: org.id }, { token: ngo });
    expect(read.data?.organization).toEqual({ name: 'Kirkens Bymisjon Bergen' });
  });

  it('records the actor from the token, never from input, with a correlation id', async () => {
    const response = await t.gql(REGISTER, { input: { name: 'Pro Sentret Bergen', kind: 'AGENCY' } }, {
      token: secretariat,
      headers: { 'x-correlation-id': 'meeting-prep-42' },
    });
    const id = response.data?.registerOrganization.id;
    const [event] = await t.app.get<EventStore>(EVENT_STORE).readStream(`organization-${id}`);
    expect(event.metadata).toMatchObject({
      actor: { userId: 'sara', organizationId: 'org-pod', role: 'SECRETARIAT' },
      correlationId: 'meeting-prep-42',
      command: 'RegisterOrganization',
      schemaVersion: 2, // OrganizationRegistered v2: with its first day (from)
    });
  });

  it('denies a mutation to a role without the right, and stores nothing', async () => {
    const before = await eventCount();
    const response = await t.gql(REGISTER, { input: { name: 'Shadow NGO', kind: 'NGO' } }, { token: ngo });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await eventCount()).toBe(before);
  });

  it('refuses bad input with BAD_USER_INPUT and a reason, and stores nothing', async () => {
    const before = await eventCount();
    const response = await t.gql(REGISTER, { input: { name: '   ', kind: 'NGO' } }, { token: secretariat });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NAME_REQUIRED' });
    expect(await eventCount()).toBe(before);
  });

  it('exposes optimistic concurrency: a stale expectedRevision is a CONFLICT with both revisions', async () => {
    const created = await t.gql(REGISTER, { input: { name: 'NOAS Vest', kind: 'NGO' } }, { token: secretariat });
    const id = created.data?.registerOrganization.id;
    const renamed = await t.gql(RENAME, { input: { organizationId: id, name: 'Norsk organisasjon for asylsøkere, Vest', expectedRevision: 0 } }, { token: secretariat });
    expect(renamed.data?.renameOrganization).toMatchObject({ name: 'Norsk organisasjon for asylsøkere, Vest', revision: 1 });
    const stale = await t.gql(RENAME, { input: { organizationId: id, name: 'NOAS again', expectedRevision: 0 } }, { token: secretariat });
    expect(stale.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CONCURRENT_MODIFICATION',
      expectedRevision: '0',
      actualRevision: '1',
    });
  });

  it('labels enum values in Norwegian and English', async () => {
    const created = await t.gql(REGISTER, { input: { name: 'Arbeidstilsynet Vest', kind: 'AGENCY' } }, { token: secretariat });
    const id = created.data?.registerOrganization.id;
    const read = await t.gql('query($id: ID!) { organization(id: $id) { nb: kindLabel en: kindLabel(lang: EN) } }', { id }, { token: ngo });
    expect(read.data?.organization).toEqual({ nb: 'Etat eller direktorat', en: 'Agency or directorate' });
    const values = await t.gql('{ enumValues(enum: "OrganizationKind") { key nb en } }', {}, { token: ngo });
    expect(values.data?.enumValues).toContainEqual({ key: 'NGO', nb: 'Frivillig organisasjon', en: 'NGO' });
    expect(values.data?.enumValues).toHaveLength(7);
    const unknown = await t.gql('{ enumValues(enum: "Nope") { key } }', {}, { token: ngo });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_ENUM' });
  });

  it('says NOT_FOUND for an unknown organisation', async () => {
    const response = await t.gql(RENAME, { input: { organizationId: 'no-such-org', name: 'X' } }, { token: secretariat });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'ORGANIZATION_NOT_FOUND' });
  });

  it('pages with Relay connections and refuses pages above the maximum, also from variables', async () => {
    for (const name of ['Redd Barna Bergen', 'IOM Oslo', 'Røde Kors Bergen']) {
      expect((await t.gql(REGISTER, { input: { name, kind: 'NGO' } }, { token: secretariat })).errors).toBeUndefined();
    }
    const query = `query($first: Int, $after: String) { organizations(first: $first, after: $after) {
      edges { node { id name } cursor } pageInfo { hasNextPage endCursor } } }`;
    const names: string[] = [];
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await t.gql(query, { first: 2, after }, { token: ngo });
      names.push(...page.data.organizations.edges.map((e: any) => e.node.name));
      ids.push(...page.data.organizations.edges.map((e: any) => e.node.id));
      after = page.data.organizations.pageInfo.hasNextPage ? page.data.organizations.pageInfo.endCursor : null;
    } while (after);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(names).toEqual(expect.arrayContaining(['Redd Barna', 'Redd Barna Bergen', 'IOM Oslo', 'Røde Kors', 'Røde Kors Bergen', 'Kirkens Bymisjon']));
    expect(new Set(ids).size).toBe(ids.length); // names that sort together: ids never repeat
    const tooMany = await t.gql(query, { first: 1000 }, { token: ngo });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_OUT_OF_RANGE' });
  });

  it('shows the secretariat how far each read model has come', async () => {
    const response = await t.gql('{ platformStatus { eventStore headPosition caughtUp projections { name version position } reactors { name state position } } }', {}, { token: secretariat });
    const status = response.data?.platformStatus;
    expect(status.eventStore).toBe('sqlite');
    expect(status.caughtUp).toBe(true);
    expect(status.reactors).toEqual(expect.arrayContaining([{ name: 'issues-from-meetings', state: 'running', position: status.headPosition }]));
    expect(status.projections).toEqual(expect.arrayContaining([{ name: 'organizations', version: 4, position: status.headPosition }]));
    expect((await t.gql('{ platformStatus { caughtUp } }', {}, { token: ngo })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses batched requests', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ngo}` },
      payload: JSON.stringify([{ query: '{ me { userId } }' }, { query: '{ me { role } }' }]),
    });
    expect(response.statusCode).toBe(400);
  });
});
