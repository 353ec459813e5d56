import { numberOn } from '@kom/kernel/testing';
import { sleep } from '../support/helpers';
import { freePort } from '../support/api-process';
import { TestApp } from '../support/test-app';

const REGISTER = 'mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }';
const RENAME = 'mutation($input: RenameOrganizationInput!) { renameOrganization(input: $input) { id name } }';
const SUBMIT = 'mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id } }';

/** `name{a="b",c="d"} 3` → 3; 0 when the series is absent. */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return 0;
}

describe('metrics on KOM_METRICS_PORT', () => {
  let t: TestApp;
  let metricsPort: number;
  let secretariat: string;
  const scrape = async () => {
    const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };

  beforeAll(async () => {
    metricsPort = await freePort();
    t = await TestApp.start({ env: { KOM_METRICS_PORT: String(metricsPort), KOM_METRICS_HOST: '127.0.0.1' } });
    await t.listen();
    secretariat = await t.token('SECRETARIAT');
  });
  afterAll(async () => {
    await t.stop();
  });

  it('counts operations, command outcomes, appends and projection batches after real requests', async () => {
    const before = await scrape();
    const id = (await t.data(REGISTER, { input: { name: 'Pro Sentret Bergen', kind: 'NGO' } }, secretariat)).registerOrganization.id as string;
    await t.data(RENAME, { input: { organizationId: id, name: 'Pro Sentret Oslo', expectedRevision: 0 } }, secretariat);
    const stale = await t.gql(RENAME, { input: { organizationId: id, name: 'Again', expectedRevision: 0 } }, secretariat);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const unknown = await t.gql('{ auditEventTypes }', {}, await t.token('NGO_REPRESENTATIVE', 'org-rosa'));
    expect(unknown.errors).toBeDefined();
    const after = await scrape();

    const delta = (name: string, labels: Record<string, string> = {}) => value(after, name, labels) - value(before, name, labels);
    expect(delta('kom_graphql_requests_total', { operation: 'registerOrganization', type: 'mutation', transport: 'http' })).toBe(1);
    expect(delta('kom_graphql_requests_total', { operation: 'renameOrganization', type: 'mutation', transport: 'http' })).toBe(2);
    expect(delta('kom_graphql_errors_total', { operation: 'renameOrganization', code: 'CONFLICT' })).toBe(1);
    expect(delta('kom_graphql_errors_total', { operation: 'auditEventTypes', type: 'query', code: 'FORBIDDEN' })).toBe(1);
    expect(delta('kom_graphql_request_duration_seconds_count', { operation: 'renameOrganization', type: 'mutation' })).toBe(2);
    expect(delta('kom_commands_total', { command: 'RegisterOrganization', result: 'ok' })).toBe(1);
    expect(delta('kom_commands_total', { command: 'RenameOrganization', result: 'ok' })).toBe(1);
    expect(delta('kom_commands_total', { command: 'RenameOrganization', result: 'conflict' })).toBe(1);
    expect(delta('kom_command_duration_seconds_count', { command: 'RenameOrganization' })).toBe(2);
    expect(delta('kom_appended_events_total')).toBeGreaterThanOrEqual(2);
    expect(delta('kom_append_batch_size_count')).toBeGreaterThanOrEqual(2);
    expect(delta('kom_projection_events_total')).toBeGreaterThanOrEqual(2);
    expect(delta('kom_projection_batches_total')).toBeGreaterThanOrEqual(1);
    // Read-your-writes: the mutations answered once the projections had their events.
    expect(after).toMatch(/kom_projection_lag_events\{projection="[a-z-]+"\} 0/);
    expect(value(after, 'kom_integrity_verifications_total', { scope: 'startup', result: 'valid' })).toBe(1);
  });

  it('counts refused personal data without ever recording the value', async () => {
    const before = await scrape();
    const ngo = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rosa-kari');
    const fnr = numberOn('fødselsnummer', 1, 1, 90);
    const refused = await t.gql(
      SUBMIT,
      { input: { organizationId: 'org-rosa', title: 'Shelter capacity', description: `Gjelder ${fnr}`, category: 'IDENTIFICATION_AND_ASSISTANCE', tags: ['SEXUAL'] } },
      ngo,
    );
    expect(refused.errors?.[0]?.extensions?.reason).toBe('PERSONAL_DATA_REFUSED');
    const after = await scrape();
    expect(value(after, 'kom_personal_data_refused_total') - value(before, 'kom_personal_data_refused_total')).toBe(1);
    expect(value(after, 'kom_commands_total', { command: 'SubmitIssue', result: 'refused' })).toBe(1);
    expect(after).not.toContain(fnr);
    expect(after).not.toContain('Gjelder');
  });

  it('counts a live subscription while it runs, and no longer once it ends', async () => {
    const client = t.subscriber(secretariat);
    const subscription = client.iterate({ query: 'subscription { organizationChanged { name } }' });
    const next = subscription.next();
    await sleep(300);
    expect(value(await scrape(), 'kom_graphql_subscriptions')).toBe(1);
    expect(value(await scrape(), 'kom_graphql_requests_total', { operation: 'organizationChanged', type: 'subscription', transport: 'ws' })).toBe(1);
    await subscription.return?.();
    await next.catch(() => undefined);
    await sleep(300);
    expect(value(await scrape(), 'kom_graphql_subscriptions')).toBe(0);
  });

  it('serves metrics only on the metrics port: the API port answers 404 for /metrics', async () => {
    const { port } = t.app.getHttpServer().address() as { port: number };
    const api = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(api.status).toBe(404);
    expect(await api.text()).not.toContain('kom_commands_total');
    expect((await fetch(`http://127.0.0.1:${metricsPort}/other`)).status).toBe(404);
  });
});

describe('without KOM_METRICS_PORT', () => {
  it('opens no metrics port', async () => {
    const port = await freePort();
    const t = await TestApp.start();
    try {
      await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
      expect(t.config.metrics.port).toBeUndefined();
    } finally {
      await t.stop();
    }
  });
});
