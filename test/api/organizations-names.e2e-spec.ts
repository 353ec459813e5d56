import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { ProjectionsService } from '@kom/platform';
import { TestApp } from '../support/test-app';

const REGISTER = 'mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id name } }';
const RENAME = 'mutation($input: RenameOrganizationInput!) { renameOrganization(input: $input) { id name } }';

/**
 * Names in the register a person can tell apart: the findings of an attack on the running platform
 * (duplicates, look-alikes, invisible and control characters in organisation names), over GraphQL.
 */
describe('organisation names over GraphQL', () => {
  let t: TestApp;
  let secretariat: string;

  beforeAll(async () => {
    t = await TestApp.start();
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
  });
  afterAll(() => t.stop());

  const store = () => t.app.get<EventStore>(EVENT_STORE);
  const head = async () => (await store().headPosition()).toString();
  const register = (name: string) => t.gql(REGISTER, { input: { name, kind: 'NGO' } }, secretariat);
  const refusal = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions;

  it.each([
    ['the same name as a seeded organisation', 'ROSA-prosjektet'],
    ['the seeded name written decomposed (NFD)', 'Gru\u0308nerløkka sosialsenter'],
    ['a Cyrillic А for the Latin A', 'ROS\u0410-prosjektet'],
    ['a non-breaking hyphen (U+2011)', 'ROSA\u2011prosjektet'],
    ['a zero-width space inside', 'ROSA\u200B-prosjektet'],
    ['another case and extra spaces', '  rosa-PROSJEKTET '],
  ])('refuses %s: ORGANIZATION_NAME_TAKEN, and records nothing', async (_what, name) => {
    const before = await head();
    expect(refusal(await register(name))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ORGANIZATION_NAME_TAKEN', field: 'name' });
    expect(await head()).toBe(before);
  });

  it.each([
    ['a right-to-left override', 'ROSA\u202Etkejsorp'],
    ['BEL', 'Nytt\u0007navn'],
    ['NUL', 'Nytt\u0000navn'],
    ['U+FFFE', 'Nytt navn\uFFFE'],
  ])('refuses a name with %s: TEXT_NOT_ALLOWED, and records nothing', async (_what, name) => {
    const before = await head();
    expect(refusal(await register(name))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TEXT_NOT_ALLOWED', field: 'name' });
    expect(await head()).toBe(before);
  });

  it('takes a name of only invisible characters as no name: NAME_REQUIRED', async () => {
    const before = await head();
    expect(refusal(await register('\u200B\u2060\u200D'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NAME_REQUIRED' });
    expect(await head()).toBe(before);
  });

  it('stores a new name in NFC', async () => {
    const created = await register('Krisesenteret i Gru\u0308nerløkka');
    expect(created.errors).toBeUndefined();
    expect(created.data?.registerOrganization.name).toBe('Krisesenteret i Grünerløkka');
  });

  it('of two registrations of look-alike names at the same time, exactly one wins', async () => {
    const [latin, cyrillic] = await Promise.all([register('Tryggere Havn'), register('Tryggere Н\u0430vn')]); // Cyrillic Н and а
    const outcomes = [latin, cyrillic];
    expect(outcomes.filter((r) => r.errors === undefined)).toHaveLength(1);
    expect(outcomes.filter((r) => r.errors !== undefined).map(refusal)).toEqual([expect.objectContaining({ reason: 'ORGANIZATION_NAME_TAKEN' })]);
    const names = await t.data('{ organizations(first: 100) { edges { node { name } } } }', {}, secretariat);
    const registered = (names.organizations.edges as Array<{ node: { name: string } }>).map((e) => e.node.name).filter((n) => n.startsWith('Tryggere'));
    expect(registered).toHaveLength(1);
  });

  it('frees the old name on a rename, and refuses a rename into a name taken', async () => {
    const nord = (await t.data(REGISTER, { input: { name: 'Nettverket Nord', kind: 'NGO' } }, secretariat)).registerOrganization.id as string;
    expect((await t.data(RENAME, { input: { organizationId: nord, name: 'Nettverket Sør' } }, secretariat)).renameOrganization.name).toBe('Nettverket Sør');
    expect((await register('NETTVERKET NORD')).errors).toBeUndefined();
    const before = await head();
    expect(refusal(await t.gql(RENAME, { input: { organizationId: nord, name: 'ROSA‑prosjektet' } }, secretariat))).toMatchObject({ reason: 'ORGANIZATION_NAME_TAKEN' });
    expect(await head()).toBe(before);
  });

  it('renames within the same name (another case) and keeps it', async () => {
    const id = (await t.data(REGISTER, { input: { name: 'Stiftelsen Fyrlykta', kind: 'NGO' } }, secretariat)).registerOrganization.id as string;
    expect((await t.data(RENAME, { input: { organizationId: id, name: 'STIFTELSEN FYRLYKTA' } }, secretariat)).renameOrganization.name).toBe('STIFTELSEN FYRLYKTA');
    expect(refusal(await register('Stiftelsen Fyrlykta'))).toMatchObject({ reason: 'ORGANIZATION_NAME_TAKEN' });
  });

  it('refuses the name of an organisation recorded before names were claimed', async () => {
    // Such an organisation has its OrganizationRegistered event and no claim stream.
    const [seeded] = await store().readStream('organization-org-rosa');
    const id = randomUUID();
    const { position } = await store().appendToStream(`organization-${id}`, [
      { id: randomUUID(), type: seeded!.type, data: { ...(seeded!.data as object), organizationId: id, name: 'Eldre Forening', shortName: null }, metadata: seeded!.metadata },
    ]);
    await t.app.get(ProjectionsService).waitFor(position);
    expect(refusal(await register('Eldre forening'))).toMatchObject({ reason: 'ORGANIZATION_NAME_TAKEN' });
    // Renamed away, the old name is free; the new one is claimed like any other.
    await t.data(RENAME, { input: { organizationId: id, name: 'Eldre Forening Vest' } }, secretariat);
    expect((await register('Eldre forening')).errors).toBeUndefined();
    expect(refusal(await register('ELDRE FORENING VEST'))).toMatchObject({ reason: 'ORGANIZATION_NAME_TAKEN' });
  });
});
