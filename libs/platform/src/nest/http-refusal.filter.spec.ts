import type { ArgumentsHost } from '@nestjs/common';
import { EventStoreUnavailableError } from '@kom/event-store';
import { SharedStateUnavailableError } from '../shared-state/shared-state-postgres';
import { HttpRefusalFilter } from './http-refusal.filter';

/** A Fastify reply that records what the filter sends, and a request with a logger of its own. */
function fakeHost() {
  const sent = { status: 0, headers: {} as Record<string, string>, body: undefined as unknown };
  const reply = {
    status: (code: number) => ((sent.status = code), reply),
    header: (name: string, value: string) => ((sent.headers[name] = value), reply),
    type: (value: string) => ((sent.headers['content-type'] = value), reply),
    send: (body: unknown) => ((sent.body = body), reply),
  };
  const logged: unknown[] = [];
  const log = { error: (entry: unknown) => logged.push(entry), warn: () => undefined, info: () => undefined, debug: () => undefined, child: () => log };
  const request = { raw: { log } };
  const host = { switchToHttp: () => ({ getResponse: () => reply, getRequest: () => request }) } as unknown as ArgumentsHost;
  return { host, sent, logged };
}

describe('HttpRefusalFilter', () => {
  it.each([
    ['the event store', new EventStoreUnavailableError('The event store cannot be reached')],
    ['the shared-state stores', new SharedStateUnavailableError('The shared-state database cannot be reached')],
    ['an adapter that does not type its errors (a session read)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
  ])('answers 503 SERVICE_UNAVAILABLE with retry-after, and logs it, when %s cannot be reached (a download during an outage)', (_, thrown) => {
    const { host, sent, logged } = fakeHost();

    new HttpRefusalFilter().catch(thrown, host);

    expect(sent.status).toBe(503);
    expect(sent.headers['retry-after']).toMatch(/^\d+$/);
    expect(sent.body).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', reason: 'STORE_UNAVAILABLE', message: expect.stringMatching(/outcome of this request is unknown/) } });
    expect(logged).toEqual([expect.objectContaining({ err: thrown })]);
  });

  it('still answers anything else as a 500 without detail', () => {
    const { host, sent } = fakeHost();

    new HttpRefusalFilter().catch(new Error('disk /srv/kom/data is corrupt'), host);

    expect(sent.status).toBe(500);
    expect(sent.body).toEqual({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
  });
});
