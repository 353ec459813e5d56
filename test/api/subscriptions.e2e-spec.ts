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

  it('closes a socket that brings no valid token with 4401 and the reason, as HTTP would answer', async () => {
    for (const [token, reason] of [[undefined, 'TOKEN_MISSING'], ['not-a-token', 'TOKEN_INVALID']] as const) {
      const client = t.subscriber(token);
      const subscription = client.iterate({ query: 'subscription { organizationChanged { name } }' });
      const error = (await subscription.next().catch((e: unknown) => e)) as { code: number; reason: string };
      expect(error.code).toBe(4401);
      expect(JSON.parse(error.reason)).toEqual({ code: 'UNAUTHENTICATED', reason });
    }
  });
});
