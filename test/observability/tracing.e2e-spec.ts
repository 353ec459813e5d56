import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { startTracing, type Tracing } from '../../apps/api/src/observability/tracing-sdk';
import { TestApp } from '../support/test-app';

const REGISTER = 'mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

describe('traces with an in-memory exporter', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let t: TestApp;
  let secretariat: string;

  beforeAll(async () => {
    tracing = startTracing({ serviceName: 'kom-test', exporter });
    t = await TestApp.start();
    secretariat = await t.token('SECRETARIAT');
  });
  afterAll(async () => {
    await t.stop();
    await tracing.shutdown();
  });
  beforeEach(() => exporter.reset());

  const spansOf = (traceId: string) => exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
  const named = (spans: ReadableSpan[], name: string) => spans.filter((s) => s.name === name);
  const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
  const correlationOf = async (organizationId: string) => {
    const events = await t.app.get<EventStore>(EVENT_STORE).readStream(`organization-${organizationId}`);
    return (events[0]!.metadata as { correlationId: string }).correlationId;
  };

  it('continues the caller\'s traceparent: request → command → append, and the trace id is the correlation id', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secretariat}`, traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01` },
      payload: JSON.stringify({ query: REGISTER, variables: { input: { name: 'IOM Oslo', kind: 'NGO' } } }),
    });
    const id = (JSON.parse(response.body) as { data: { registerOrganization: { id: string } } }).data.registerOrganization.id;
    await tracing.flush();
    const spans = spansOf(TRACE_ID);
    const [request] = named(spans, 'POST /graphql');
    const [command] = named(spans, 'command RegisterOrganization');
    const appends = named(spans, 'append');
    expect(request).toBeDefined();
    expect(parentOf(request!)).toBe(CALLER_SPAN);
    expect(command).toBeDefined();
    expect(parentOf(command!)).toBe(request!.spanContext().spanId);
    expect(appends.length).toBeGreaterThanOrEqual(1);
    expect(appends.some((a) => parentOf(a) === command!.spanContext().spanId)).toBe(true);
    expect(request!.attributes['http.response.status_code']).toBe(200);
    expect(command!.attributes['kom.correlation_id']).toBe(TRACE_ID);
    // Propagated back: the answer names the request's span in the same trace.
    expect(response.headers.traceparent).toBe(`00-${TRACE_ID}-${request!.spanContext().spanId}-01`);
    expect(await correlationOf(id)).toBe(TRACE_ID);
  });

  it('starts a trace for a request without traceparent; its trace id is the correlation id', async () => {
    const { registerOrganization } = await t.data(REGISTER, { input: { name: 'Redd Barna Bergen', kind: 'NGO' } }, secretariat);
    await tracing.flush();
    const correlationId = await correlationOf(registerOrganization.id);
    expect(correlationId).toMatch(/^[0-9a-f]{32}$/);
    const spans = spansOf(correlationId);
    expect(named(spans, 'POST /graphql')).toHaveLength(1);
    expect(named(spans, 'command RegisterOrganization')).toHaveLength(1);
  });

  it('records projection batches and a failed command as an error span', async () => {
    await t.data(REGISTER, { input: { name: 'ROSA', kind: 'NGO' } }, secretariat);
    const refused = await t.gql('mutation { renameOrganization(input: { organizationId: "nope", name: "X" }) { id } }', {}, secretariat);
    expect(refused.errors).toBeDefined();
    await tracing.flush();
    const spans = exporter.getFinishedSpans();
    expect(spans.some((s) => s.name === 'projection batch' && Number(s.attributes['kom.events']) >= 1)).toBe(true);
    const failed = spans.find((s) => s.name === 'command RenameOrganization');
    expect(failed?.status.code).toBe(2); // SpanStatusCode.ERROR
  });
});
