import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { TestApp } from '../support/test-app';

const REGISTER = 'mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }';

/** No tracing SDK in this process (no endpoint configured): nothing is recorded, the W3C header still counts. */
describe('trace context without a tracing SDK', () => {
  let t: TestApp;
  let secretariat: string;
  beforeAll(async () => {
    t = await TestApp.start();
    secretariat = await t.token('SECRETARIAT');
  });
  afterAll(async () => {
    await t.stop();
  });

  const register = async (name: string, headers: Record<string, string>) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secretariat}`, ...headers },
      payload: JSON.stringify({ query: REGISTER, variables: { input: { name, kind: 'NGO' } } }),
    });
    const id = (JSON.parse(response.body) as { data: { registerOrganization: { id: string } } }).data.registerOrganization.id;
    const [event] = await t.app.get<EventStore>(EVENT_STORE).readStream(`organization-${id}`);
    return { response, correlationId: (event!.metadata as { correlationId: string }).correlationId };
  };

  it('takes the caller\'s traceparent trace id as the correlation id, over X-Correlation-Id', async () => {
    const traceId = 'a3ce929d0e0e47364bf92f3577b34da6';
    const { response, correlationId } = await register('Kirkens Bymisjon Bergen', { traceparent: `00-${traceId}-00f067aa0ba902b7-01`, 'x-correlation-id': 'mine-1' });
    expect(correlationId).toBe(traceId);
    expect(response.headers.traceparent).toBeUndefined(); // no span recorded, none to name
  });

  it('keeps X-Correlation-Id without traceparent, and ignores a malformed traceparent', async () => {
    expect((await register('Røde Kors Bergen', { 'x-correlation-id': 'mine-2' })).correlationId).toBe('mine-2');
    expect((await register('Pro Sentret Bergen', { traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01', 'x-correlation-id': 'mine-3' })).correlationId).toBe('mine-3');
    expect((await register('Fafo', { traceparent: 'garbage' })).correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
