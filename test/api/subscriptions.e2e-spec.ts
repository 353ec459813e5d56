import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { TestApp } from '../support/test-app';

describe('GraphQL subscriptions over graphql-ws', () => {
  let t: TestApp;
  let url: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    await t.app.listen(0, '127.0.0.1');
    const address = t.app.getHttpServer().address() as { port: number };
    url = `ws://127.0.0.1:${address.port}/graphql`;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t.stop();
  });

  const connect = (token?: string) => {
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      lazy: true,
      retryAttempts: 0,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    });
    clients.push(client);
    return client;
  };

  it('pushes an organisation once the read model shows it', async () => {
    const ngo = await t.token('NGO_REPRESENTATIVE', 'org-rosa');
    const client = connect(ngo);
    const subscription = client.iterate<{ organizationChanged: { name: string; kind: string } }>({
      query: 'subscription { organizationChanged { name kind } }',
    });
    const next = subscription.next();
    // graphql-ws acknowledges the subscription before events flow; give it a moment to register.
    await new Promise((resolve) => setTimeout(resolve, 200));
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
    const client = connect(undefined);
    const subscription = client.iterate({ query: 'subscription { organizationChanged { name } }' });
    const error = await subscription.next().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 4403 });
  });
});
