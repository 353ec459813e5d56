import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { pinoHttp, type HttpLogger, type Options } from 'pino-http';
import { Store, storage } from 'nestjs-pino/storage';

export const LOG_OPTIONS = Symbol('LOG_OPTIONS');

/** Probes call these every few seconds; their lines would drown the rest. */
const UNLOGGED = new Set(['GET /health', 'GET /health/ready']);

/** The options of the request log and of Nest's logger (nestjs-pino builds its own pino from them). */
export function logOptions(level: string): Options {
  return {
    level,
    // Credentials never reach the logs, nor a correlation id a client may have filled with a
    // national identity number (the events get a fresh one then; the log line must not keep it).
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers["x-correlation-id"]', 'res.headers["set-cookie"]'],
  };
}

type LoggedRequest = IncomingMessage & { id?: unknown; query?: unknown; allLogs?: Logger[] };

/**
 * One "request completed" line per request, from a Fastify hook rather than as a Nest middleware:
 * a middleware needs Fastify's middleware engine on every request, which cost more than the line
 * (docs/benchmarks.md). The line keeps the fields the middleware wrote (Fastify's request id, the
 * parsed query), and the rest of the request runs with that request's logger in nestjs-pino's
 * store, so what Nest's logger writes meanwhile carries the request too.
 */
@Injectable()
export class RequestLog implements OnModuleInit {
  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(LOG_OPTIONS) private readonly options: Options,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    const httpLogger: HttpLogger = pinoHttp(this.options);
    // A callback hook, not an async one: the hooks and the handler after it run inside `done`,
    // so inside the store's context.
    fastify.addHook('onRequest', (request: FastifyRequest, reply, done) => {
      if (UNLOGGED.has(`${request.method} ${request.routeOptions.url}`)) return done();
      const raw = request.raw as LoggedRequest;
      raw.id = request.id;
      raw.query = request.query;
      httpLogger(raw, reply.raw as ServerResponse);
      const logger = raw.allLogs?.at(-1);
      if (logger) storage.run(new Store(logger), done);
      else done();
    });
  }
}
