import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { storage } from 'nestjs-pino/storage';
import { requestLogger } from '@kom/platform';
import { REDACTED, RequestLog, logOptions, redactHeaders } from './request-log';

/** The request log's hook on a bare Fastify, as the API installs it. */
async function fastifyWithRequestLog(): Promise<FastifyInstance> {
  const fastify = Fastify();
  new RequestLog({ httpAdapter: { getInstance: () => fastify } } as never, logOptions('silent')).onModuleInit();
  fastify.post('/graphql', async (request) => {
    const log = requestLogger(request) as unknown as { bindings(): { req?: { id?: string } } } | undefined;
    return { requestId: request.id, boundTo: log?.bindings().req?.id ?? null, store: storage.getStore() ?? null };
  });
  fastify.get('/health', async (request) => ({ logged: requestLogger(request) !== undefined }));
  await fastify.ready();
  return fastify;
}

describe('RequestLog', () => {
  let fastify: FastifyInstance;
  beforeAll(async () => {
    fastify = await fastifyWithRequestLog();
  });
  afterAll(() => fastify.close());

  it("leaves the request's logger, bound to the request's id, on the request, and enters no AsyncLocalStorage store", async () => {
    const answers = await Promise.all([1, 2].map(() => fastify.inject({ method: 'POST', url: '/graphql' }).then((r) => r.json())));
    for (const answer of answers) {
      expect(answer.requestId).toEqual(expect.any(String));
      expect(answer.boundTo).toBe(answer.requestId);
      expect(answer.store).toBeNull();
    }
    expect(answers[0].requestId).not.toBe(answers[1].requestId);
  });

  it('logs no line (and binds no logger) for the probes', async () => {
    expect((await fastify.inject({ method: 'GET', url: '/health' })).json()).toEqual({ logged: false });
  });
});

describe('the request log line', () => {
  const secrets = {
    authorization: 'Bearer eyJhbGciOiJFZERTQSJ9.c2VjcmV0.c2ln',
    'proxy-authorization': 'Basic cHJveHktc2VjcmV0',
    cookie: 'kom_session=cookie-secret-1234567890',
    'x-csrf-token': 'csrf-secret-0987654321',
    'x-correlation-id': 'person-01017012345',
  };

  async function logged(headers: Record<string, string>, setCookie?: string): Promise<{ lines: Array<Record<string, any>>; seen: Record<string, unknown> }> {
    const lines: Array<Record<string, any>> = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const fastify = Fastify();
    new RequestLog({ httpAdapter: { getInstance: () => fastify } } as never, { ...logOptions('info'), stream } as never).onModuleInit();
    let seen: Record<string, unknown> = {};
    fastify.post('/graphql', async (request, reply) => {
      seen = { ...request.headers };
      if (setCookie) void reply.header('set-cookie', setCookie);
      return { ok: true };
    });
    await fastify.inject({ method: 'POST', url: '/graphql', headers, payload: {} });
    await fastify.close();
    return { lines, seen };
  }

  it('shows that each credential header was sent, never its value, and leaves the request itself untouched', async () => {
    const { lines, seen } = await logged({ ...secrets, 'user-agent': 'kom-test' }, 'kom_session=new-session-secret; HttpOnly');
    const [line] = lines;
    expect(lines).toHaveLength(1);
    expect(line!.msg).toBe('request completed');
    for (const name of Object.keys(secrets)) expect(line!.req.headers[name]).toBe(REDACTED);
    expect(line!.req.headers['user-agent']).toBe('kom-test');
    expect(line!.res.headers['set-cookie']).toBe(REDACTED);
    const text = JSON.stringify(lines);
    for (const secret of [...Object.values(secrets), 'new-session-secret']) expect(text).not.toContain(secret.split(' ').at(-1));
    // The handler read the real headers: only the line's copy is redacted.
    expect(seen.authorization).toBe(secrets.authorization);
    expect(seen.cookie).toBe(secrets.cookie);
  });

  it('logs a request without credentials as it came', async () => {
    const { lines } = await logged({ 'user-agent': 'kom-test' });
    expect(lines[0]!.req.headers['user-agent']).toBe('kom-test');
    expect(Object.values(lines[0]!.req.headers)).not.toContain(REDACTED);
  });
});

describe('redactHeaders', () => {
  it('copies only when a secret header is there, and never changes what it is given', () => {
    const plain = { accept: 'application/json' };
    expect(redactHeaders(plain, ['authorization'])).toBe(plain);
    const withSecret = { accept: 'application/json', authorization: 'Bearer x' };
    expect(redactHeaders(withSecret, ['authorization'])).toEqual({ accept: 'application/json', authorization: REDACTED });
    expect(withSecret.authorization).toBe('Bearer x');
    expect(redactHeaders(undefined, ['authorization'])).toBeUndefined();
  });
});
