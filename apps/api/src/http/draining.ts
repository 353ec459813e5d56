import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

type CountedRequest = FastifyRequest & { komInFlight?: boolean };

/**
 * Knows the requests in flight, and once shutdown begins refuses new ones with 503
 * SHUTTING_DOWN (and `Connection: close`), so a load balancer moves on and a client can retry on
 * another replica, while the requests already running finish (a mutation completes, or was never
 * started).
 */
@Injectable()
export class Draining implements OnModuleInit {
  private inFlight = 0;
  private draining = false;
  private idleWaiters: Array<() => void> = [];

  constructor(@Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    // Callback hooks, not async ones: they run on every request, and a promise each costs more than they do.
    fastify.addHook('onRequest', (request: CountedRequest, reply, next) => {
      if (!this.draining) {
        request.komInFlight = true;
        this.inFlight++;
        return next();
      }
      void reply
        .code(503)
        .header('connection', 'close')
        .header('retry-after', '1')
        .send({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', reason: 'SHUTTING_DOWN', message: 'This server is shutting down; retry the request' });
    });
    const done = (request: CountedRequest) => {
      if (!request.komInFlight) return;
      request.komInFlight = false;
      this.inFlight--;
      if (this.inFlight === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
    };
    fastify.addHook('onResponse', (request: CountedRequest, _reply, next) => {
      done(request);
      next();
    });
    fastify.addHook('onRequestAbort', (request: CountedRequest, next) => {
      done(request);
      next();
    });
  }

  /** From now on new requests are refused; resolves with the number still running when `timeoutMs` ran out (0: all finished). */
  async drain(timeoutMs: number): Promise<number> {
    this.draining = true;
    if (this.inFlight === 0) return 0;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    return this.inFlight;
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }
}
