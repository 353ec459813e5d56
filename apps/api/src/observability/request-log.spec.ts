import Fastify, { type FastifyInstance } from 'fastify';
import { storage } from 'nestjs-pino/storage';
import { requestLogger } from '@kom/platform';
import { RequestLog, logOptions } from './request-log';

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
