import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedNationalIdNumber } from '@kom/issues/testing';
import { startApiProcess, type ApiProcess } from '../support/api-process';

jest.setTimeout(120_000);

/** The request log of a real process keeps no credential and no client-chosen correlation id. */
describe('request logs', () => {
  let root: string;
  let api: ApiProcess | undefined;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'kom-logs-'));
  });
  afterAll(async () => {
    api?.process.kill('SIGKILL');
    await api?.exited;
    rmSync(root, { recursive: true, force: true });
  });

  it('redact the bearer token, the session cookie, the CSRF token and the X-Correlation-Id', async () => {
    api = await startApiProcess(join(root, 'data'), join(root, 'work'), { LOG_LEVEL: 'info' });
    expect(await api.serving()).toBe(true);
    const number = generatedNationalIdNumber();
    const secrets = { token: 'eyJhbGciOiJFZERTQSJ9.c2VjcmV0LXRva2Vu.c2lnbmF0dXJl', cookie: 'kom_session=cookie-secret-1234567890', csrf: 'csrf-secret-0987654321' };
    const response = await fetch(api.url('/graphql'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${secrets.token}`,
        cookie: secrets.cookie,
        'x-csrf-token': secrets.csrf,
        'x-correlation-id': `person-${number}`,
      },
      body: JSON.stringify({ query: '{ me { userId } }' }),
    });
    expect(response.status).toBeLessThan(500);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const log = api.output();
    expect(log).toContain('"url":"/graphql"');
    // serving() polled /health until it answered: the probes leave no line.
    expect(log).not.toContain('"url":"/health');
    expect(log).toContain('[Redacted]');
    for (const secret of [secrets.token, 'cookie-secret-1234567890', secrets.csrf, number]) expect(log).not.toContain(secret);
  });
});
