import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { SpanKind, SpanStatusCode, context, trace, type Context, type Span } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { requestContext } from '@kom/auth';
import { contextFromHeaders, headersFromContext, traceIdOf, tracer } from '@kom/platform';
import { tracingStarted } from './tracing-state';

/** What the request's trace is, kept on the request for the correlation id and the resolvers. */
export interface RequestTrace {
  /** The request's span in its context (the caller's traceparent as parent). */
  readonly context: Context;
  readonly span: Span;
  /** The trace id: the caller's (traceparent) or this request span's; undefined when neither exists. */
  readonly traceId: string | undefined;
  /** The caller sent a valid traceparent. */
  readonly fromCaller: boolean;
}

type TracedRequest = FastifyRequest & { komTrace?: RequestTrace };

/**
 * A span per HTTP request (kind SERVER), child of the caller's W3C `traceparent` when one came
 * with the request; its trace id becomes the correlation id of the events the request appends
 * (RequestMeta). When spans are recorded, the response carries the request span's `traceparent`,
 * so a client can find its request in the tracing backend.
 */
@Injectable()
export class RequestTracing implements OnModuleInit {
  constructor(@Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    const recording = tracingStarted();
    // Without a tracing SDK no span records, and a request without a traceparent has no trace id:
    // every such request's trace is the same non-recording one, made once (a hook that ran for
    // every request of a read, 1.2% of its CPU; docs/benchmarks.md).
    let untraced: RequestTrace | undefined;
    fastify.addHook('onRequest', (request: TracedRequest, reply, done) => {
      if (!recording && request.headers.traceparent === undefined) request.komTrace = untraced ??= startTrace(request);
      else request.komTrace = startTrace(request, (name, value) => void reply.header(name, value));
      done();
    });
    if (!recording) return;
    const end = (request: TracedRequest, statusCode: number) => {
      const span = request.komTrace?.span;
      if (!span?.isRecording()) return;
      span.setAttribute('http.response.status_code', statusCode);
      if (statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    fastify.addHook('onResponse', (request: TracedRequest, reply, done) => {
      end(request, reply.statusCode);
      done();
    });
    fastify.addHook('onRequestAbort', (request: TracedRequest, done) => {
      end(request, 499);
      done();
    });
  }
}

/** The request's span, child of the caller's traceparent if any; a recording one's traceparent goes out with the answer. */
function startTrace(request: FastifyRequest, setHeader?: (name: string, value: string) => void): RequestTrace {
  const parent = contextFromHeaders(request.headers);
  const fromCaller = traceIdOf(parent) !== undefined;
  const route = request.routeOptions?.url ?? '(unmatched)';
  const span = tracer().startSpan(
    `${request.method} ${route}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'http.route': route } },
    parent,
  );
  const traced = trace.setSpan(parent, span);
  if (span.isRecording() && setHeader) {
    for (const [name, value] of Object.entries(headersFromContext(traced))) setHeader(name, value);
  }
  return { context: traced, span, traceId: traceIdOf(traced), fromCaller };
}

/**
 * Runs each resolver inside its request's span context, so that the spans it causes (command,
 * append) are the request span's children. The handler is subscribed inside `context.with`, which
 * is where Nest calls it. Nothing to do when no span is recorded.
 */
@Injectable()
export class TraceContextInterceptor implements NestInterceptor {
  intercept(executionContext: ExecutionContext, next: CallHandler): Observable<unknown> {
    const traced = (requestContext(executionContext).req as { komTrace?: RequestTrace } | undefined)?.komTrace;
    if (!traced?.span.isRecording()) return next.handle();
    return new Observable((subscriber) => context.with(traced.context, () => next.handle().subscribe(subscriber)));
  }
}
