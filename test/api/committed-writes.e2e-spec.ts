import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { organizationsContext } from '@kom/organizations';
import type { Projection } from '@kom/projections';
import { TestApp } from '../support/test-app';

const REGISTER = 'mutation($name: String!) { registerOrganization(input: { name: $name, kind: NGO }) { id name } }';

/** A write the log holds is answered as recorded, with its position, even when the read models cannot show it. */
describe('committed writes', () => {
  let t: TestApp;
  let store: EventStore;
  const projection = organizationsContext.projections.find((p) => p.name === 'organizations') as Projection;

  beforeEach(async () => {
    t = await TestApp.start();
    store = t.app.get<EventStore>(EVENT_STORE);
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await t.stop();
  });

  it('answers RECORDED_NOT_VISIBLE with the position when a projection throws after the append, and the log holds the event', async () => {
    const secretariat = await t.token('SECRETARIAT');
    jest.spyOn(projection, 'apply').mockImplementation(() => {
      throw new Error('read model disk full');
    });

    const first = await t.gql(REGISTER, { name: 'Støttesenteret' }, secretariat);
    expect(first.data).toBeNull();
    expect(first.errors).toHaveLength(1);
    const extensions = first.errors![0]!.extensions!;
    expect(extensions).toMatchObject({ code: 'RECORDED_NOT_VISIBLE', reason: 'READ_MODELS_BEHIND', recorded: true });
    expect(extensions.streamId).toMatch(/^organization-/);
    expect(extensions.revision).toBe('0');
    expect(extensions.lagging).toContain('organizations');
    // Recorded: the log has exactly that event at exactly that position.
    const [event] = await store.readAll({ fromPosition: BigInt(extensions.position) - 1n, maxCount: 1 });
    expect(event).toMatchObject({ streamId: extensions.streamId, type: 'OrganizationRegistered', revision: 0n });
    expect((event!.data as { name: string }).name).toBe('Støttesenteret');
    expect(String(await store.headPosition())).toBe(extensions.position);

    // The runner stays stopped; the next write is recorded too and answered the same way.
    const second = await t.gql(REGISTER, { name: 'Nettverket' }, secretariat);
    expect(second.errors![0]!.extensions).toMatchObject({ code: 'RECORDED_NOT_VISIBLE', revision: '0' });
    expect(BigInt(second.errors![0]!.extensions!.position)).toBeGreaterThan(BigInt(extensions.position));
    expect(second.errors![0]!.message).toMatch(/^Recorded at position \d+/);
  });

  it('still refuses what it does not record, with its own code and nothing appended', async () => {
    const secretariat = await t.token('SECRETARIAT');
    jest.spyOn(projection, 'apply').mockImplementation(() => {
      throw new Error('read model disk full');
    });
    const head = await store.headPosition();
    const refused = await t.gql(REGISTER, { name: '' }, secretariat);
    expect(refused.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(await store.headPosition()).toBe(head);
  });
});
