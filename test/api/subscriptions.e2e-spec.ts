import { sleep } from '../support/helpers';
import { TestApp } from '../support/test-app';

describe('GraphQL subscriptions over graphql-ws', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
    await t.listen();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('pushes an organisation once the read model shows it', async () => {
    const ngo = await t.token('NGO_REPRESENTATIVE', 'org-rosa');
    const client = t.subscriber(ngo);
    const subscription = client.iterate<{ organizationChanged: { name: string; kind: string } }>({
      query: 'subscription { organizationChanged { name kind } }',
    });
    const next = subscription.next();
    // graphql-ws acknowledges the subscription before events flow; give it a moment to register.
    await sleep(200);
    const secretariat = await t.token('SECRETARIAT');
    await t.gql(
      'mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }',
      { input: { name: 'Stiftelsen Kirkens Bymisjon', kind: 'NGO' } },
      { token: secretariat },
    );
    const { value } = await next;
    expect(value?.data?.organizationChanged).toEqual({ name: 'Stiftelsen Kirkens Bymisjon', kind: 'NGO' });
    await subscription.return?.();
  });

  it('closes a socket that brings no valid token', async () => {
    const client = t.subscriber(undefined);
    const subscription = client.iterate({ query: 'subscription { organizationChanged { name } }' });
    const error = await subscription.next().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 4403 });
  });
});
