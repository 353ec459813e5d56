import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pinoHttp, type HttpLogger, type Options } from 'pino-http';

export const LOG_OPTIONS = Symbol('LOG_OPTIONS');

/** Probes call these every few seconds; their lines would drown the rest. */
const UNLOGGED = new Set(['GET /health', 'GET /health/ready']);

/** Request headers that carry credentials, or what a client may have filled with personal data. */
const SECRET_REQUEST_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'x-csrf-token', 'x-correlation-id'] as const;
const SECRET_RESPONSE_HEADERS = ['set-cookie'] as const;
export const REDACTED = '[Redacted]';

/** A request's or a response's headers as pino's serializers hand them over (not the Fetch API's `Headers`). */
type HeaderValues = Record<string, unknown> | undefined;

/** The headers with each secret one's value replaced; the same object when none is there (nothing to copy). */
export function redactHeaders(headers: HeaderValues, secret: readonly string[]): HeaderValues {
  if (headers === null || typeof headers !== 'object') return headers;
  let copy: Record<string, unknown> | undefined;
  for (const name of secret) {
    if (headers[name] === undefined) continue;
    copy ??= { ...headers };
    copy[name] = REDACTED;
  }
  return copy ?? headers;
}

/**
 * The options of the request log and of Nest's logger (nestjs-pino builds its own pino from them).
 * Credentials never reach the logs, nor a correlation id a client may have filled with a national
 * identity number (the events get a fresh one then; the log line must not keep it). They are taken
 * out where the request and the response are turned into the line's `req` and `res` (pino's
 * serializers, which every line and child logger with those keys goes through), not by pino's
 * `redact` paths, which clone the line's objects on every write: 2.6% of the CPU of a GraphQL read
 * under load (docs/benchmarks.md). pino-http hands these serializers its own copy of the request
 * and the response (pino-std-serializers'), never the objects themselves, so they may change it.
 */
export function logOptions(level: string): Options {
  return {
    level,
    serializers: {
      req: (req: { headers?: HeaderValues }) => {
        req.headers = redactHeaders(req.headers, SECRET_REQUEST_HEADERS);
        return req;
      },
      res: (res: { headers?: HeaderValues }) => {
        res.headers = redactHeaders(res.headers, SECRET_RESPONSE_HEADERS);
        return res;
      },
    },
  };
}

type LoggedRequest = IncomingMessage & { id?: unknown; query?: unknown };

/**
 * One "request completed" line per request, from a Fastify hook rather than as a Nest middleware:
 * a middleware needs Fastify's middleware engine on every request, which cost more than the line
 * (docs/benchmarks.md). The line keeps the fields the middleware wrote (Fastify's request id, the
 * parsed query). The request's logger (bound to its id) stays on the raw request, where the error
 * reports of GraphQL and of the HTTP routes find it (`requestLogger` in @kom/platform). It is not
 * put in nestjs-pino's AsyncLocalStorage store: on Node 20 an entered store runs async hooks on
 * every promise of every request from then on, 12% of the busy CPU of a GraphQL read under load
 * (docs/benchmarks.md); Nest's logger writes with the root logger.
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
    fastify.addHook('onRequest', (request: FastifyRequest, reply, done) => {
      if (UNLOGGED.has(`${request.method} ${request.routeOptions.url}`)) return done();
      const raw = request.raw as LoggedRequest;
      raw.id = request.id;
      raw.query = request.query;
      httpLogger(raw, reply.raw as ServerResponse);
      done();
    });
  }
}
